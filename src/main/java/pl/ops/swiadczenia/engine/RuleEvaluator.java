package pl.ops.swiadczenia.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import pl.ops.swiadczenia.decyzja.ExplanationStep;
import pl.ops.swiadczenia.decyzja.LegalCitation;
import pl.ops.swiadczenia.fakty.CzlonekRodziny;
import pl.ops.swiadczenia.fakty.Parametr;
import pl.ops.swiadczenia.fakty.Parametry;
import pl.ops.swiadczenia.fakty.PozycjaKwoty;
import pl.ops.swiadczenia.fakty.Rozstrzygniecie;
import pl.ops.swiadczenia.fakty.Sprawa;
import pl.ops.swiadczenia.fakty.WartoscWyniku;
import pl.ops.swiadczenia.fakty.Wniosek;
import pl.ops.swiadczenia.fakty.Wyjasnienie;
import pl.ops.swiadczenia.fakty.Wyplata;
import pl.ops.swiadczenia.ruleset.RuleSet;

/**
 * Runs one ruleset version on one application: a fresh session, the facts inserted in a fixed order, all rules
 * fired, the result facts collected and sorted. Pure: the legal date comes from the request, nothing reads a clock.
 */
public class RuleEvaluator {
    /** Global through which rules record explanation steps. */
    public static final String GLOBAL_EXPLANATION = "wyjasnienie";
    /** Guards against a ruleset that loops forever. */
    private static final int MAX_FIRINGS = 200_000;

    public EngineResult evaluate(RuleSet ruleSet, LocalDate legalDate, Wniosek wniosek) {
        Wyjasnienie wyjasnienie = new Wyjasnienie();
        List<String> fired = new ArrayList<>();
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            session.setGlobal(GLOBAL_EXPLANATION, wyjasnienie);
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    wyjasnienie.rozpocznijRegule(event.getMatch().getRule().getName());
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                    wyjasnienie.zakonczRegule();
                }
            });
            session.insert(new Sprawa(ruleSet.benefit(), legalDate));
            session.insert(new Parametry(ruleSet.parameters(), wyjasnienie));
            session.insert(wniosek);
            for (CzlonekRodziny c : wniosek.getCzlonkowieRodziny()) {
                session.insert(c);
            }
            int n = session.fireAllRules(MAX_FIRINGS);
            if (n >= MAX_FIRINGS) {
                throw new EngineException(ruleSet.id() + ": rules did not settle after " + MAX_FIRINGS + " firings");
            }

            List<Rozstrzygniecie> outcomes = objects(session, Rozstrzygniecie.class);
            if (outcomes.size() != 1) {
                throw new EngineException(ruleSet.id() + ": rules must insert exactly one Rozstrzygniecie, got "
                        + outcomes.size());
            }
            List<PozycjaKwoty> entitlements = objects(session, PozycjaKwoty.class);
            entitlements.sort(Comparator.comparing(PozycjaKwoty::getMiesiac)
                    .thenComparing(PozycjaKwoty::getSkladnik)
                    .thenComparing(PozycjaKwoty::getCzlonekId, Comparator.nullsFirst(Comparator.naturalOrder())));
            List<Wyplata> payments = objects(session, Wyplata.class);
            payments.sort(Comparator.comparing(Wyplata::getMiesiac)
                    .thenComparing(Wyplata::getSkladnik)
                    .thenComparing(Wyplata::getCzlonekId, Comparator.nullsFirst(Comparator.naturalOrder())));
            Map<String, Object> keyFigures = new TreeMap<>();
            for (WartoscWyniku w : objects(session, WartoscWyniku.class)) {
                Object prev = keyFigures.put(w.getKlucz(), w.getWartosc());
                if (prev != null && !Objects.equals(prev, w.getWartosc())) {
                    throw new EngineException(ruleSet.id() + ": key figure '" + w.getKlucz() + "' set twice");
                }
            }
            return new EngineResult(outcomes.get(0).getWynik(), steps(ruleSet, wyjasnienie), distinct(fired),
                    List.copyOf(entitlements), List.copyOf(payments), keyFigures);
        } finally {
            session.dispose();
        }
    }

    private static List<String> distinct(List<String> fired) {
        Set<String> s = new LinkedHashSet<>(fired);
        return List.copyOf(s);
    }

    private static List<ExplanationStep> steps(RuleSet rs, Wyjasnienie w) {
        Map<String, List<String>> ruleParams = new java.util.HashMap<>();
        rs.rules().forEach(r -> ruleParams.put(r.id(), r.parameters()));
        List<ExplanationStep> out = new ArrayList<>();
        int seq = 1;
        for (Wyjasnienie.Krok k : w.getKroki()) {
            LegalCitation c = rs.citations().get(k.regula());
            // parameters read while the consequence ran, then those the rule's conditions refer to
            Map<String, Parametr> used = new LinkedHashMap<>();
            k.parametry().forEach(p -> used.put(p.nazwa(), p));
            ruleParams.getOrDefault(k.regula(), List.of()).forEach(n -> used.putIfAbsent(n, rs.parameters().get(n)));
            List<ExplanationStep.ParameterUse> params = new ArrayList<>();
            for (Parametr p : used.values()) {
                params.add(new ExplanationStep.ParameterUse(p.nazwa(), p.wartosc(), p.jednostka(), p.podstawaPrawna()));
            }
            out.add(new ExplanationStep(seq++, k.regula(), k.tekstPl(), k.tekstEn(),
                    new LinkedHashMap<>(k.wartosci()), c, List.copyOf(params)));
        }
        return List.copyOf(out);
    }

    private static <T> List<T> objects(KieSession s, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : s.getObjects(new ClassObjectFilter(type))) {
            out.add(type.cast(o));
        }
        return out;
    }
}
