package pl.ops.swiadczenia.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import pl.ops.swiadczenia.decyzja.ExplanationStep;
import pl.ops.swiadczenia.decyzja.LegalCitation;
import pl.ops.swiadczenia.fakty.BrakWartosciPrawnej;
import pl.ops.swiadczenia.fakty.CzlonekRodziny;
import pl.ops.swiadczenia.fakty.Parametr;
import pl.ops.swiadczenia.fakty.Parametry;
import pl.ops.swiadczenia.fakty.PozycjaKwoty;
import pl.ops.swiadczenia.fakty.PozycjaKwotyOdcinka;
import pl.ops.swiadczenia.fakty.Rozstrzygniecie;
import pl.ops.swiadczenia.fakty.Sprawa;
import pl.ops.swiadczenia.fakty.WartoscWyniku;
import pl.ops.swiadczenia.fakty.Wniosek;
import pl.ops.swiadczenia.fakty.WynikModulu;
import pl.ops.swiadczenia.fakty.Wyjasnienie;
import pl.ops.swiadczenia.fakty.Wyplata;
import pl.ops.swiadczenia.fakty.WyplataOdcinka;
import pl.ops.swiadczenia.ruleset.MessageTemplate;
import pl.ops.swiadczenia.ruleset.RuleSet;

/**
 * Runs a benefit's ruleset version on one application: first each shared module the benefit uses (e.g.
 * {@code dochod_rodziny}), whose {@link WynikModulu} facts go into the benefit's session, then the benefit itself.
 * Each run is a fresh session with the facts inserted in a fixed order; results are collected and sorted. Pure: the
 * legal date comes from the request; the clock is read only to bound the evaluation's time. Every evaluation runs
 * under {@link Limits}: a watchdog halts the session when the time is up, and a run stops after the maximum number
 * of rule firings; either throws {@link EvaluationLimitException}.
 */
public class RuleEvaluator {
    /** Global through which rules record explanation steps. */
    public static final String GLOBAL_EXPLANATION = "wyjasnienie";
    /** JVM system property (env RULES_EVALUATION_TIMEOUT_MS): time limit of one evaluation, modules included. */
    public static final String TIMEOUT_PROPERTY = "rules.evaluation.timeout-ms";
    /** JVM system property (env RULES_EVALUATION_MAX_FIRINGS): rule firings allowed in one session run. */
    public static final String MAX_FIRINGS_PROPERTY = "rules.evaluation.max-firings";

    /**
     * The limits of one evaluation.
     *
     * @param timeoutMs  the whole evaluation (modules and benefit), in milliseconds
     * @param maxFirings rule firings in one session run; guards against rules that keep re-activating each other
     */
    public record Limits(long timeoutMs, int maxFirings) {
        public static final long DEFAULT_TIMEOUT_MS = 10_000;
        public static final int DEFAULT_MAX_FIRINGS = 200_000;

        public Limits {
            if (timeoutMs < 1 || maxFirings < 1) {
                throw new IllegalArgumentException("evaluation limits must be positive: " + timeoutMs + " ms, "
                        + maxFirings + " firings");
            }
        }

        /** The limits set by the system properties (or environment variables), else the defaults. */
        public static Limits fromSystemProperties() {
            return new Limits(setting(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_MS),
                    (int) Math.min(Integer.MAX_VALUE, setting(MAX_FIRINGS_PROPERTY, DEFAULT_MAX_FIRINGS)));
        }

        private static long setting(String property, long fallback) {
            String v = System.getProperty(property);
            if (v == null) {
                v = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_"));
            }
            if (v == null || v.isBlank()) {
                return fallback;
            }
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property + " must be a whole number: " + v, e);
            }
        }
    }

    /**
     * One daemon thread halts the sessions whose time is up (halting only queues a stop for the firing thread). It
     * ends after a while without evaluations and starts again with the next one, so a class loader that is thrown
     * away (dev-mode reload, tests) does not keep an idle thread.
     */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rules-evaluation-watchdog");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true);
        w.setKeepAliveTime(30, TimeUnit.SECONDS);
        w.allowCoreThreadTimeOut(true); // the thread stays while any halt is still scheduled
        return w;
    }

    private final Limits limits;
    private final boolean texts;

    /** An evaluator with the limits of {@link Limits#fromSystemProperties()}. */
    public RuleEvaluator() {
        this(Limits.fromSystemProperties());
    }

    public RuleEvaluator(Limits limits) {
        this(limits, true);
    }

    /**
     * {@code texts}: whether the templates' Polish and English texts are rendered; without them each templated step
     * keeps its structured form only (rule id, values, citation, parameters) – a measuring aid for the design in
     * docs/performance.md (texts rendered when a decision is read), not used by the service.
     */
    public RuleEvaluator(Limits limits, boolean texts) {
        this.limits = Objects.requireNonNull(limits);
        this.texts = texts;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * One session's raw results; {@code keyNames}: each key figure whose name or text value has placeholders, filled
     * (by identity of the {@link WartoscWyniku} fact).
     */
    private record Run(List<ExplanationStep> steps, List<String> fired, List<Object> facts, Map<Object, WartoscWyniku> keyNames) {
    }

    public EngineResult evaluate(RuleSet ruleSet, LocalDate legalDate, Wniosek wniosek) {
        return evaluate(ruleSet, List.of(), legalDate, wniosek);
    }

    /**
     * Evaluates one application.
     *
     * @throws EvaluationLimitException when the evaluation exceeds its time or a run its firings; the session is
     *                                  disposed and nothing of the evaluation is returned
     */
    public EngineResult evaluate(RuleSet ruleSet, List<RuleSet> modules, LocalDate legalDate, Wniosek wniosek) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.timeoutMs());
        List<ExplanationStep> steps = new ArrayList<>();
        LinkedHashSet<String> fired = new LinkedHashSet<>();
        List<Object> handedOver = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        Map<Object, WartoscWyniku> keyNames = new java.util.IdentityHashMap<>();
        for (RuleSet m : modules) {
            Run r = run(m, ruleSet.benefit(), legalDate, wniosek, handedOver, steps.size(), deadline);
            if (!objects(r.facts(), Rozstrzygniecie.class).isEmpty()) {
                throw new EngineException(m.id() + ": a module must not decide (it inserted a Rozstrzygniecie)");
            }
            steps.addAll(r.steps());
            fired.addAll(r.fired());
            List<WynikModulu> wyniki = objects(r.facts(), WynikModulu.class);
            wyniki.sort(Comparator.comparing((WynikModulu x) -> x.getClass().getName()).thenComparing(WynikModulu::klucz));
            handedOver.addAll(wyniki);
            all.addAll(objects(r.facts(), WartoscWyniku.class));
            keyNames.putAll(r.keyNames());
        }
        Run r = run(ruleSet, ruleSet.benefit(), legalDate, wniosek, handedOver, steps.size(), deadline);
        steps.addAll(r.steps());
        fired.addAll(r.fired());
        all.addAll(r.facts());
        keyNames.putAll(r.keyNames());

        // a strict rule cannot throw: it reports a value of law the state does not hold (e.g. amounts not yet
        // announced) by inserting BrakWartosciPrawnej, and the evaluation ends as if the rule had thrown it (422)
        List<BrakWartosciPrawnej> missing = objects(r.facts(), BrakWartosciPrawnej.class);
        if (!missing.isEmpty()) {
            throw missing.get(0);
        }
        List<Rozstrzygniecie> outcomes = objects(r.facts(), Rozstrzygniecie.class);
        if (outcomes.size() != 1) {
            throw new EngineException(ruleSet.id() + ": rules must insert exactly one Rozstrzygniecie, got "
                    + outcomes.size());
        }
        // a rule states an amount once for a segment of months; the months are listed here, after the evaluation
        List<PozycjaKwoty> entitlements = objects(r.facts(), PozycjaKwoty.class);
        for (PozycjaKwotyOdcinka o : objects(r.facts(), PozycjaKwotyOdcinka.class)) {
            entitlements.addAll(o.pozycje());
        }
        entitlements.sort(Comparator.comparing(PozycjaKwoty::getMiesiac)
                .thenComparing(PozycjaKwoty::getSkladnik)
                .thenComparing(PozycjaKwoty::getCzlonekId, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Wyplata> payments = objects(r.facts(), Wyplata.class);
        for (WyplataOdcinka o : objects(r.facts(), WyplataOdcinka.class)) {
            payments.addAll(o.wyplaty());
        }
        payments.sort(Comparator.comparing(Wyplata::getMiesiac)
                .thenComparing(Wyplata::getSkladnik)
                .thenComparing(Wyplata::getCzlonekId, Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<String, Object> keyFigures = new TreeMap<>();
        for (WartoscWyniku w : objects(all, WartoscWyniku.class)) {
            WartoscWyniku filled = keyNames.getOrDefault(w, w);
            String key = filled.getKlucz();
            Object prev = keyFigures.put(key, filled.getWartosc());
            if (prev != null && !Objects.equals(prev, filled.getWartosc())) {
                throw new EngineException(ruleSet.id() + ": key figure '" + key + "' set twice");
            }
        }
        return new EngineResult(outcomes.get(0).getWynik(), List.copyOf(steps), List.copyOf(fired),
                List.copyOf(entitlements), List.copyOf(payments), keyFigures);
    }

    /**
     * Halts the session when the time is up, but only while this run is firing: once the run has finished, a late
     * watchdog does nothing (a halt queued on a session returned to the pool would stop the next evaluation).
     */
    private static final class Watch implements Runnable {
        private final KieSession session;
        private boolean finished;
        private boolean halted;

        Watch(KieSession session) {
            this.session = session;
        }

        @Override
        public synchronized void run() {
            if (!finished) {
                halted = true;
                session.halt();
            }
        }

        /** Marks the run finished; whether the watchdog halted it. */
        synchronized boolean finish() {
            finished = true;
            return halted;
        }
    }

    private Run run(RuleSet rs, String benefit, LocalDate legalDate, Wniosek wniosek, List<Object> extra, int seqBefore,
                    long deadline) {
        Wyjasnienie wyjasnienie = new Wyjasnienie();
        List<String> fired = new ArrayList<>();
        KieSession session = POOLED
                ? POOLS.computeIfAbsent(rs.kieBase(), kb -> kb.newKieSessionsPool(POOL_SIZE)).newKieSession()
                : rs.kieBase().newKieSession();
        DefaultAgendaEventListener listener = null;
        org.kie.api.event.rule.DefaultRuleRuntimeEventListener insertions = null;
        List<Object> inserted = new ArrayList<>();
        List<Firing> firings = new ArrayList<>();
        Map<Object, WartoscWyniku> keyNames = new java.util.IdentityHashMap<>();
        List<String> missingBy = new ArrayList<>();
        try {
            if (declaresExplanationGlobal(rs)) {
                session.setGlobal(GLOBAL_EXPLANATION, wyjasnienie);
            }
            Map<String, MessageTemplate> templates = rs.templates();
            listener = new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    wyjasnienie.rozpocznijRegule(event.getMatch().getRule().getName());
                    inserted.clear();
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    String rule = event.getMatch().getRule().getName();
                    fired.add(rule);
                    List<Parametr> read = wyjasnienie.parametryReguly();
                    wyjasnienie.zakonczRegule();
                    for (Object o : inserted) {
                        if (o instanceof BrakWartosciPrawnej) {
                            missingBy.add(rule);
                        }
                    }
                    boolean namedKeys = inserted.stream().anyMatch(RuleEvaluator::hasPlaceholders);
                    if (templates.containsKey(rule) || namedKeys) {
                        // the values the template may name: bound variables, then the facts the consequence inserted
                        Map<String, Object> scope = new HashMap<>();
                        for (String d : event.getMatch().getDeclarationIds()) {
                            scope.put(d.startsWith("$") ? d.substring(1) : d, event.getMatch().getDeclarationValue(d));
                        }
                        for (Object o : inserted) {
                            String n = o.getClass().getSimpleName();
                            scope.putIfAbsent(Character.toLowerCase(n.charAt(0)) + n.substring(1), o);
                        }
                        if (templates.containsKey(rule)) {
                            firings.add(new Firing(rule, scope, wyjasnienie.getKroki().size(), read));
                        }
                        // a per-person key figure, e.g. "terminWniosku.{dziecko.id}", or a text value such as
                        // "{od}..{do}": filled from the same values, so a strict rule need not build the string in
                        // its consequence
                        for (Object o : inserted) {
                            if (hasPlaceholders(o)) {
                                WartoscWyniku w = (WartoscWyniku) o;
                                Object v = w.getWartosc() instanceof String t && t.indexOf('{') >= 0
                                        ? TemplateRenderer.fillName(t, scope) : w.getWartosc();
                                keyNames.put(o, new WartoscWyniku(TemplateRenderer.fillName(w.getKlucz(), scope), v));
                            }
                        }
                    }
                }
            };
            session.addEventListener(listener);
            if (!templates.isEmpty()) {
                insertions = new org.kie.api.event.rule.DefaultRuleRuntimeEventListener() {
                    @Override
                    public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent event) {
                        if (event.getRule() != null) {
                            inserted.add(event.getObject());
                        }
                    }
                };
                session.addEventListener(insertions);
            }
            session.insert(new Sprawa(benefit, legalDate));
            session.insert(new Parametry(rs.parameters(), rs.history(), legalDate, wyjasnienie));
            session.insert(wniosek);
            for (CzlonekRodziny c : wniosek.getCzlonkowieRodziny()) {
                session.insert(c);
            }
            for (Object o : extra) {
                session.insert(o);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new EvaluationLimitException(rs.id(), EvaluationLimitException.Limit.TIME, limits.timeoutMs());
            }
            Watch watch = new Watch(session);
            ScheduledFuture<?> timer = WATCHDOG.schedule(watch, left, TimeUnit.NANOSECONDS);
            int n;
            boolean halted;
            try {
                n = session.fireAllRules(limits.maxFirings());
            } finally {
                timer.cancel(false);
                // also when a rule threw: from here on the watchdog cannot touch the session, which is disposed
                // (and, pooled, handed to another evaluation) below
                halted = watch.finish();
            }
            if (halted) {
                throw new EvaluationLimitException(rs.id(), EvaluationLimitException.Limit.TIME, limits.timeoutMs());
            }
            if (n >= limits.maxFirings()) {
                throw new EvaluationLimitException(rs.id(), EvaluationLimitException.Limit.FIRINGS, limits.maxFirings());
            }
            List<Object> facts = new ArrayList<>(session.getObjects());
            List<ExplanationStep> steps = firings.isEmpty() ? steps(rs, wyjasnienie, seqBefore)
                    : merged(rs, wyjasnienie, firings, seqBefore, texts);
            // a rule in the strict style cannot throw: it states that the case needs a value of law this state does
            // not hold by inserting BrakWartosciPrawnej, and the evaluation stops with it (422), followed by the
            // explanation step of that rule, which names the value (e.g. the GUS farm income of the base year)
            List<BrakWartosciPrawnej> missing = objects(facts, BrakWartosciPrawnej.class);
            if (!missing.isEmpty()) {
                StringBuilder why = new StringBuilder(rs.id() + ": " + missing.get(0).getMessage());
                for (ExplanationStep s : steps) {
                    if (missingBy.contains(s.ruleId())) {
                        why.append(' ').append(s.textPl());
                    }
                }
                throw new BrakWartosciPrawnej(why.toString());
            }
            return new Run(steps, List.copyOf(new LinkedHashSet<>(fired)), facts, keyNames);
        } finally {
            if (listener != null) {
                session.removeEventListener(listener);
            }
            if (insertions != null) {
                session.removeEventListener(insertions);
            }
            session.dispose(); // a pooled session is reset and returned to its pool
        }
    }

    /** A key figure whose name has placeholders ({@code {path}}) to be filled from the inserting rule's match. */
    private static boolean hasPlaceholders(Object o) {
        return o instanceof WartoscWyniku w && (w.getKlucz() != null && w.getKlucz().indexOf('{') >= 0
                || w.getWartosc() instanceof String t && t.indexOf('{') >= 0);
    }

    /**
     * Sessions are taken from a pool per compiled version (reset between uses) instead of being built for every
     * evaluation; {@code -Drules.session-pool=false} builds a fresh session each time.
     */
    private static final boolean POOLED = !"false".equals(System.getProperty("rules.session-pool"));
    private static final int POOL_SIZE = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    private static final java.util.Map<org.kie.api.KieBase, org.kie.api.runtime.KieSessionsPool> POOLS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** A firing of a rule that has an explanation template, with the values its template may name. */
    /** @param read the parameter values the consequence read, a dated series value with its own citation included */
    private record Firing(String rule, Map<String, Object> scope, int legacyStepsBefore, List<Parametr> read) {
    }

    /**
     * Steps in firing order when rules with templates (e.g. a shared concept) and rules that still record their own
     * text (legacy style) fire in one session.
     */
    private static List<ExplanationStep> merged(RuleSet rs, Wyjasnienie w, List<Firing> firings, int seqBefore,
                                                boolean texts) {
        List<ExplanationStep> legacy = steps(rs, w, 0);
        List<ExplanationStep> templated = rendered(rs, firings, 0, texts);
        List<ExplanationStep> out = new ArrayList<>(legacy.size() + templated.size());
        int f = 0;
        for (int i = 0; i <= legacy.size(); i++) {
            while (f < firings.size() && firings.get(f).legacyStepsBefore() <= i) {
                out.add(templated.get(f++));
            }
            if (i < legacy.size()) {
                out.add(legacy.get(i));
            }
        }
        List<ExplanationStep> numbered = new ArrayList<>(out.size());
        int seq = seqBefore + 1;
        for (ExplanationStep s : out) {
            numbered.add(new ExplanationStep(seq++, s.ruleId(), s.textPl(), s.textEn(), s.values(), s.legalBasis(),
                    s.parameters()));
        }
        return numbered;
    }

    private static final Map<org.kie.api.KieBase, Boolean> EXPLANATION_GLOBAL =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Legacy rules record explanations through the global; rules with templates do not declare it. */
    private static boolean declaresExplanationGlobal(RuleSet rs) {
        return EXPLANATION_GLOBAL.computeIfAbsent(rs.kieBase(), kb -> kb.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(GLOBAL_EXPLANATION))));
    }

    /** Explanation steps filled from the templates after the evaluation, in firing order. */
    private static List<ExplanationStep> rendered(RuleSet rs, List<Firing> firings, int seqBefore, boolean texts) {
        Map<String, List<String>> ruleParams = new HashMap<>();
        rs.rules().forEach(r -> ruleParams.put(r.id(), r.parameters()));
        List<ExplanationStep> out = new ArrayList<>(firings.size());
        int seq = seqBefore + 1;
        TemplateRenderer.Context ctx = new TemplateRenderer.Context(rs.names(), rs.citations(), rs.parameters());
        for (Firing fi : firings) {
            MessageTemplate t = rs.templates().get(fi.rule());
            TemplateRenderer.Rendered pl = texts ? TemplateRenderer.render(t.pl(), true, true, fi.scope(), ctx)
                    : new TemplateRenderer.Rendered(null, TemplateRenderer.values(t.pl(), fi.scope(), ctx));
            String en = !texts || t.en() == null ? null
                    : TemplateRenderer.render(t.en(), false, false, fi.scope(), ctx).text();
            List<ExplanationStep.ParameterUse> params = new ArrayList<>();
            for (String n : ruleParams.getOrDefault(fi.rule(), List.of())) {
                // a value the consequence read on another date (scope: history) is cited as read, with its own citation
                boolean read = false;
                for (Parametr p : fi.read()) {
                    if (p.nazwa().equals(n) && rs.history().containsKey(n)) {
                        params.add(new ExplanationStep.ParameterUse(p.nazwa(), p.wartosc(), p.jednostka(), p.podstawaPrawna()));
                        read = true;
                    }
                }
                Parametr p = read ? null : rs.parameters().get(n);
                if (p != null) {
                    params.add(new ExplanationStep.ParameterUse(p.nazwa(), p.wartosc(), p.jednostka(), p.podstawaPrawna()));
                }
            }
            out.add(new ExplanationStep(seq++, fi.rule(), pl.text(), en, pl.values(), rs.citations().get(fi.rule()),
                    List.copyOf(params)));
        }
        return out;
    }

    private static List<ExplanationStep> steps(RuleSet rs, Wyjasnienie w, int seqBefore) {
        Map<String, List<String>> ruleParams = new HashMap<>();
        rs.rules().forEach(r -> ruleParams.put(r.id(), r.parameters()));
        List<ExplanationStep> out = new ArrayList<>();
        int seq = seqBefore + 1;
        for (Wyjasnienie.Krok k : w.getKroki()) {
            LegalCitation c = rs.citations().get(k.regula());
            // parameters read while the consequence ran, then those the rule's conditions refer to
            Map<String, Parametr> used = new LinkedHashMap<>();
            k.parametry().forEach(p -> used.put(p.nazwa(), p));
            ruleParams.getOrDefault(k.regula(), List.of()).forEach(n -> {
                Parametr p = rs.parameters().get(n);
                if (p != null) {
                    used.putIfAbsent(n, p);
                }
            });
            List<ExplanationStep.ParameterUse> params = new ArrayList<>();
            for (Parametr p : used.values()) {
                params.add(new ExplanationStep.ParameterUse(p.nazwa(), p.wartosc(), p.jednostka(), p.podstawaPrawna()));
            }
            out.add(new ExplanationStep(seq++, k.regula(), k.tekstPl(), k.tekstEn(),
                    new LinkedHashMap<>(k.wartosci()), c, List.copyOf(params)));
        }
        return out;
    }

    private static <T> List<T> objects(List<Object> facts, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : facts) {
            if (type.isInstance(o)) {
                out.add(type.cast(o));
            }
        }
        return out;
    }
}
