package pl.ops.swiadczenia.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import pl.ops.swiadczenia.decyzja.LegalCitation;
import pl.ops.swiadczenia.fakty.Parametr;

/**
 * Reads a benefit written as one dated history ({@code rules/<benefit>/benefit.yaml}, {@code parametry/*.yaml},
 * {@code logika/<date>/*.drl}, {@code komunikaty.yaml}) together with the shared legal concepts it uses
 * ({@code rules/wspolne/<concept>/}, same layout) and derives its legal states: one per date on which a logic folder
 * or a parameter value takes effect. Each state is a {@link RuleSet} whose content hash covers exactly what decides
 * on that date; states with the same logic share one compiled KieBase. See docs/adr/0014-law-as-data.md.
 *
 * <p>Logic folders are overlays: {@code logika/2016-01-01/} holds only the files that changed on that date; the others
 * carry over from the earlier folder. A file is withdrawn by listing it under {@code removes:} in the folder's
 * {@code logika.yaml}.
 */
public class HistoryLoader {
    public static final String MANIFEST = "benefit.yaml";
    public static final String PARAMETERS_DIR = "parametry";
    public static final String LOGIC_DIR = "logika";
    public static final String TEMPLATES = "komunikaty.yaml";
    public static final String LOGIC_MANIFEST = "logika.yaml";
    public static final String CONCEPTS_DIR = "wspolne";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;?[ \\t]*$");

    private final RuleCompiler compiler;
    /** Compile units already built (same files → same KieBase), across the states of all benefits loaded by this loader. */
    private final Map<String, RuleCompiler.Compiled> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    public HistoryLoader(RuleCompiler compiler) {
        this.compiler = compiler;
    }

    /** Whether a folder under the rules root holds a benefit written as a dated history. */
    public static boolean isHistory(Path benefitDir) {
        return Files.isRegularFile(benefitDir.resolve(MANIFEST));
    }

    /** The result of reading one benefit: every finding, and the legal states when there is no error. */
    public record Result(String benefit, List<Finding> findings, List<RuleSet> states) {
        public boolean ok() {
            return findings.stream().noneMatch(Finding::isError);
        }
    }

    /** Everything read from one history folder (a benefit or a shared concept), before any state is derived. */
    record History(String name, Path dir, String displayPrefix, BenefitManifest manifest,
                   Map<String, ParameterSeries> parameters, NavigableMap<LocalDate, LogicFolder> logic,
                   Map<String, MessageTemplate> templates, String templatesText, DisplayNames names) {
    }

    /** One {@code logika/<date>/} folder: its files (name → text) and the files it withdraws. */
    record LogicFolder(LocalDate from, Map<String, String> files, Set<String> removes) {
    }

    /** Loads and throws {@link RuleSetException} listing every error. */
    public List<RuleSet> load(Path benefitDir) {
        Result r = analyse(benefitDir);
        if (!r.ok()) {
            throw new RuleSetException(r.benefit() + ": " + String.join("\n",
                    r.findings().stream().filter(Finding::isError).map(Finding::format).toList()));
        }
        return r.states();
    }

    public Result analyse(Path benefitDir) {
        Path dir = benefitDir.toAbsolutePath().normalize();
        String benefit = dir.getFileName().toString();
        List<Finding> f = new ArrayList<>();
        History h = read(dir, benefit, "", f);
        if (h == null) {
            return new Result(benefit, List.copyOf(f), List.of());
        }
        Path conceptsRoot = dir.getParent().resolve(CONCEPTS_DIR);
        List<History> concepts = new ArrayList<>();
        for (String c : h.manifest().uses()) {
            Path cdir = conceptsRoot.resolve(c);
            if (!isHistory(cdir)) {
                f.add(Finding.error("manifest", MANIFEST, RuleSetLoader.lineOfKey(readText(dir.resolve(MANIFEST)), "uses:"),
                        "uses concept '" + c + "', but rules/" + CONCEPTS_DIR + "/" + c + "/" + MANIFEST + " does not exist"));
                continue;
            }
            History ch = read(cdir, c, "../" + CONCEPTS_DIR + "/" + c + "/", f);
            if (ch != null) {
                concepts.add(ch);
            }
        }
        if (f.stream().anyMatch(Finding::isError)) {
            return new Result(benefit, List.copyOf(f), List.of());
        }
        Set<String> functions = allowedFunctions(conceptsRoot, new ArrayList<>());
        List<RuleSet> states = derive(h, concepts, mergedNames(h, concepts), functions, f);
        return new Result(benefit, List.copyOf(f), f.stream().anyMatch(Finding::isError) ? List.of() : states);
    }

    // ------------------------------------------------------------------------------------------------------------
    // reading

    private History read(Path dir, String name, String prefix, List<Finding> f) {
        String manifestText = readText(dir.resolve(MANIFEST));
        BenefitManifest m;
        try {
            m = RuleSetLoader.YAML.readValue(manifestText, BenefitManifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            f.add(Finding.error("manifest", prefix + MANIFEST, line, "cannot be read: " + e.getOriginalMessage()));
            return null;
        }
        if (m == null) {
            f.add(Finding.error("manifest", prefix + MANIFEST, 1, MANIFEST + " is empty"));
            return null;
        }
        if (!name.equals(m.benefit())) {
            f.add(Finding.error("manifest", prefix + MANIFEST, RuleSetLoader.lineOfKey(manifestText, "benefit:"),
                    "benefit '" + m.benefit() + "' differs from the folder name '" + name + "'"));
        }
        if (m.name() == null || m.name().isBlank()) {
            f.add(Finding.error("manifest", prefix + MANIFEST, null, "name (Polish display name) is required"));
        }
        for (RuleSetManifest.Act a : m.acts()) {
            if (a.id() == null || a.title() == null || a.citeAs() == null || a.officialJournal() == null) {
                f.add(Finding.error("manifest", prefix + MANIFEST, RuleSetLoader.lineOfKey(manifestText, "id: " + a.id()),
                        "each act needs id, title, cite_as and official_journal"));
            }
        }
        boolean concept = !prefix.isEmpty();
        if (!concept && m.periods().isEmpty()) {
            f.add(Finding.error("manifest", prefix + MANIFEST, null, "periods (from/to) are required"));
        }
        Map<String, ParameterSeries> params = readParameters(dir.resolve(PARAMETERS_DIR), prefix, f);
        NavigableMap<LocalDate, LogicFolder> logic = readLogic(dir.resolve(LOGIC_DIR), prefix, f);
        // untrusted rules: every file is checked before anything of it is compiled or run (ADR 0012). A benefit's own
        // files may define no function; the shared concepts may define those on the allow-list rules/wspolne/funkcje.yaml.
        boolean strict = concept || m.ruleStyle() == BenefitManifest.RuleStyle.STRICT;
        Set<String> allowed = concept ? allowedFunctions(dir.getParent(), f)
                : strict ? Set.of() : DrlPolicy.LEGACY_FUNCTIONS;
        for (LogicFolder lf : logic.values()) {
            lf.files().forEach((n, t) -> {
                String file = prefix + LOGIC_DIR + "/" + lf.from() + "/" + n;
                f.addAll(DrlPolicy.check(file, t, strict ? DrlPolicy.Level.STRICT : DrlPolicy.Level.LEGACY, allowed));
                // a number of law (amount, threshold, age, period) belongs in parametry/ with its date and citation
                if (n.endsWith(".drl")) {
                    f.addAll(LegalNumbers.scan(file, t, Finding.Severity.ERROR));
                }
            });
        }
        String templatesText = readText(dir.resolve(TEMPLATES));
        Map<String, MessageTemplate> templates = readTemplates(templatesText, prefix + TEMPLATES, f);
        DisplayNames names = readNames(templatesText, prefix + TEMPLATES, f);
        if (logic.isEmpty() && !concept) {
            f.add(Finding.error("structure", prefix + LOGIC_DIR, null, "no logic folder (logika/<yyyy-MM-dd>/*.drl)"));
        }
        return new History(name, dir, prefix, m, params, logic, templates, templatesText, names);
    }

    /** The allow-list of functions shared concepts may define: rules/wspolne/funkcje.yaml (name: what it computes). */
    public static final String FUNCTIONS = "funkcje.yaml";

    static Set<String> allowedFunctions(Path conceptsRoot, List<Finding> f) {
        String text = readText(conceptsRoot.resolve(FUNCTIONS));
        if (text == null) {
            return Set.of();
        }
        try {
            JsonNode n = RuleSetLoader.YAML.readTree(text);
            Set<String> out = new TreeSet<>();
            if (n != null) {
                n.fieldNames().forEachRemaining(out::add);
            }
            return out;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            f.add(Finding.error("policy", "../" + CONCEPTS_DIR + "/" + FUNCTIONS, null, "cannot be read: " + e.getOriginalMessage()));
            return Set.of();
        }
    }

    private static Map<String, ParameterSeries> readParameters(Path pdir, String prefix, List<Finding> f) {
        Map<String, ParameterSeries> out = new TreeMap<>();
        if (!Files.isDirectory(pdir)) {
            return out;
        }
        for (Path p : list(pdir)) {
            String fn = p.getFileName().toString();
            if (!fn.endsWith(".yaml")) {
                continue;
            }
            String file = prefix + PARAMETERS_DIR + "/" + fn;
            String name = fn.substring(0, fn.length() - ".yaml".length());
            String text = readText(p);
            JsonNode n;
            try {
                n = RuleSetLoader.YAML.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
                f.add(Finding.error("parameters", file, line, "cannot be read: " + e.getOriginalMessage()));
                continue;
            }
            if (n == null || !n.isObject()) {
                f.add(Finding.error("parameters", file, 1, "must be a map with description, unit and values"));
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (String k : List.of("description", "unit", "values")) {
                if (!n.hasNonNull(k)) {
                    missing.add(k);
                }
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!Set.of("description", "description_en", "unit", "values", "scope", "per", "note").contains(k)) {
                    f.add(Finding.error("parameters", file, RuleSetLoader.lineOfKey(text, k + ":"), "unknown key '" + k
                            + "' (description, description_en, unit, scope, per, note, values)"));
                }
            }
            if (!missing.isEmpty()) {
                f.add(Finding.error("parameters", file, 1, String.join(", ", missing) + " required"));
                continue;
            }
            ParameterSeries.Scope scope = ParameterSeries.Scope.STATE;
            if (n.hasNonNull("scope")) {
                String s = n.get("scope").asText();
                if (s.equals("history")) {
                    scope = ParameterSeries.Scope.HISTORY;
                } else if (!s.equals("state")) {
                    f.add(Finding.error("parameters", file, RuleSetLoader.lineOfKey(text, "scope:"),
                            "scope is 'state' (the value on the legal date) or 'history' (rules read the value on another date)"));
                }
            }
            boolean perYear = false;
            if (n.hasNonNull("per")) {
                perYear = n.get("per").asText().equals("year");
                if (!perYear || scope != ParameterSeries.Scope.HISTORY) {
                    f.add(Finding.error("parameters", file, RuleSetLoader.lineOfKey(text, "per:"),
                            "per: year (each value holds for the calendar year it is dated on) is allowed only with scope: history"));
                }
            }
            String unit = n.get("unit").asText();
            NavigableMap<LocalDate, ParameterSeries.Value> values = new TreeMap<>();
            JsonNode vs = n.get("values");
            if (!vs.isObject() || vs.isEmpty()) {
                f.add(Finding.error("parameters", file, RuleSetLoader.lineOfKey(text, "values:"),
                        "values is a map: <yyyy-MM-dd>: { value, reference, verified_on }"));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = vs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Integer line = RuleSetLoader.lineOfKey(text, e.getKey() + ":");
                if (e.getValue() != null && e.getValue().has("known_from") && !perYear) {
                    f.add(Finding.error("parameters", file, line, "value " + e.getKey() + ": known_from is for a per: year "
                            + "series (a value announced after the year it is for); any other value is known when it takes effect"));
                }
                if (!DATE.matcher(e.getKey()).matches()) {
                    f.add(Finding.error("parameters", file, line, "'" + e.getKey() + "' is not a date (yyyy-MM-dd)"));
                    continue;
                }
                LocalDate from;
                try {
                    from = LocalDate.parse(e.getKey());
                } catch (RuntimeException ex) {
                    f.add(Finding.error("parameters", file, line, "'" + e.getKey() + "' is not a date (yyyy-MM-dd)"));
                    continue;
                }
                JsonNode v = e.getValue();
                if (v == null || !v.isObject() || !v.has("value")) {
                    f.add(Finding.error("parameters", file, line, "the value dated " + from
                            + " needs value (null ends the parameter), reference and verified_on"));
                    continue;
                }
                for (Iterator<String> kt = v.fieldNames(); kt.hasNext(); ) {
                    String k = kt.next();
                    if (!Set.of("value", "reference", "href", "source", "verified_on", "known_from", "note").contains(k)) {
                        f.add(Finding.error("parameters", file, line, "value " + from + ": unknown key '" + k
                                + "' (value, reference, href, source, verified_on, known_from, note)"));
                    }
                }
                LocalDate knownFrom = null;
                if (v.hasNonNull("known_from")) {
                    try {
                        knownFrom = LocalDate.parse(v.get("known_from").asText());
                    } catch (RuntimeException ex) {
                        f.add(Finding.error("parameters", file, line, "value " + from + ": known_from is not a date (yyyy-MM-dd)"));
                    }

                }
                if (perYear && (from.getDayOfYear() != 1)) {
                    f.add(Finding.error("parameters", file, line, "value " + from + ": with per: year a value is dated "
                            + "1 January of the year it holds for"));
                }
                Object value = null;
                if (!v.get("value").isNull()) {
                    try {
                        value = RuleSetLoader.value(v.get("value"), unit, name);
                    } catch (RuntimeException ex) {
                        f.add(Finding.error("parameters", file, line, "value " + from + ": " + ex.getMessage()));
                        continue;
                    }
                }
                String reference = v.hasNonNull("reference") ? v.get("reference").asText() : null;
                if (reference == null || reference.isBlank()) {
                    f.add(Finding.error("parameters", file, line, "value " + from
                            + ": reference (act, article, ustęp, punkt) is required for every dated value"));
                    continue;
                }
                if (value != null && !RuleSetLoader.CITES_PROVISION.matcher(reference).find()) {
                    // an honest "to be verified" citation (the provision's number not yet checked in ISAP) is reported,
                    // not refused: the standard is to say what is still unverified, not to invent a number
                    boolean saysUnverified = reference.contains("do weryfikacji");
                    f.add(new Finding(saysUnverified ? Finding.Severity.WARNING : Finding.Severity.ERROR, "parameters",
                            file, line, "value " + from + ": reference must cite a provision (art./§/ust./pkt and its "
                            + "number)" + (saysUnverified ? "; it says the provision is still to be verified" : "")));
                }
                LocalDate verified = null;
                if (v.hasNonNull("verified_on")) {
                    try {
                        verified = LocalDate.parse(v.get("verified_on").asText());
                    } catch (RuntimeException ex) {
                        f.add(Finding.error("parameters", file, line, "value " + from + ": verified_on is not a date"));
                    }
                } else if (value != null) {
                    f.add(Finding.error("parameters", file, line, "value " + from + ": verified_on is required"));
                }
                values.put(from, new ParameterSeries.Value(from, value, reference,
                        v.hasNonNull("href") ? v.get("href").asText() : null,
                        v.hasNonNull("source") ? v.get("source").asText() : null, verified, knownFrom, line));
            }
            out.put(name, new ParameterSeries(name, n.get("description").asText(),
                    n.hasNonNull("description_en") ? n.get("description_en").asText() : null, unit, scope, perYear,
                    values, file));
        }
        return out;
    }

    private static NavigableMap<LocalDate, LogicFolder> readLogic(Path ldir, String prefix, List<Finding> f) {
        NavigableMap<LocalDate, LogicFolder> out = new TreeMap<>();
        if (!Files.isDirectory(ldir)) {
            return out;
        }
        for (Path d : list(ldir)) {
            String dn = d.getFileName().toString();
            if (!Files.isDirectory(d)) {
                continue;
            }
            LocalDate from;
            try {
                from = LocalDate.parse(dn);
            } catch (RuntimeException e) {
                f.add(Finding.error("structure", prefix + LOGIC_DIR + "/" + dn, null,
                        "a logic folder is named by the date its logic takes effect (yyyy-MM-dd)"));
                continue;
            }
            Map<String, String> files = new TreeMap<>();
            Set<String> removes = new TreeSet<>();
            for (Path p : list(d)) {
                String fn = p.getFileName().toString();
                if (fn.endsWith(".drl")) {
                    files.put(fn, readText(p));
                } else if (fn.endsWith(DecisionTables.SUFFIX)) {
                    DecisionTables.Converted c = DecisionTables.convert(fn, readText(p));
                    for (Finding x : c.findings()) {
                        f.add(new Finding(x.severity(), x.check(), prefix + LOGIC_DIR + "/" + dn + "/" + fn, x.line(), x.message()));
                    }
                    if (c.drl() != null) {
                        files.put(fn, c.drl());
                    }
                } else if (fn.equals(LOGIC_MANIFEST)) {
                    try {
                        JsonNode n = RuleSetLoader.YAML.readTree(readText(p));
                        if (n != null && n.has("removes")) {
                            n.get("removes").forEach(x -> removes.add(x.asText()));
                        }
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        f.add(Finding.error("structure", prefix + LOGIC_DIR + "/" + dn + "/" + fn, null,
                                "cannot be read: " + e.getOriginalMessage()));
                    }
                } else if (!fn.equals("README.md")) {
                    f.add(Finding.error("structure", prefix + LOGIC_DIR + "/" + dn + "/" + fn, null,
                            "a logic folder holds only *.drl, *.drl.csv, " + LOGIC_MANIFEST + " and README.md"));
                }
            }
            out.put(from, new LogicFolder(from, files, removes));
        }
        return out;
    }

    private static Map<String, MessageTemplate> readTemplates(String text, String file, List<Finding> f) {
        Map<String, MessageTemplate> out = new TreeMap<>();
        if (text == null) {
            return out;
        }
        try {
            JsonNode n = RuleSetLoader.YAML.readTree(text);
            if (n == null) {
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (e.getKey().equals(NAMES_KEY)) {
                    continue;
                }
                if (!v.hasNonNull("pl")) {
                    f.add(Finding.error("templates", file, RuleSetLoader.lineOfKey(text, e.getKey() + ":"),
                            "template of " + e.getKey() + " needs pl (and en)"));
                    continue;
                }
                out.put(e.getKey(), new MessageTemplate(v.get("pl").asText(), v.hasNonNull("en") ? v.get("en").asText() : null));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            f.add(Finding.error("templates", file, line, "cannot be read: " + e.getOriginalMessage()));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------------------
    // deriving legal states

    /**
     * Display names of the codes this benefit's (or concept's) explanations may show, under {@code nazwy:} in its
     * komunikaty.yaml: code → { pl, en }. Kept per benefit so that a name added for one benefit changes the hashes of
     * that benefit's states only.
     */
    public static final String NAMES_KEY = "nazwy";

    private static DisplayNames readNames(String text, String file, List<Finding> f) {
        if (text == null) {
            return DisplayNames.EMPTY;
        }
        Map<String, String> pl = new TreeMap<>();
        Map<String, String> en = new TreeMap<>();
        try {
            JsonNode root = RuleSetLoader.YAML.readTree(text);
            JsonNode n = root == null ? null : root.get(NAMES_KEY);
            if (n == null) {
                return DisplayNames.EMPTY;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().hasNonNull("pl")) {
                    f.add(Finding.error("names", file, RuleSetLoader.lineOfKey(text, e.getKey() + ":"),
                            e.getKey() + ": pl (and en) required"));
                    continue;
                }
                pl.put(e.getKey(), e.getValue().get("pl").asText());
                en.put(e.getKey(), e.getValue().hasNonNull("en") ? e.getValue().get("en").asText() : e.getValue().get("pl").asText());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // reported by readTemplates
        }
        return new DisplayNames(pl, en);
    }

    /** The names of a benefit and the concepts it uses; a concept's name does not override the benefit's. */
    private static DisplayNames mergedNames(History h, List<History> concepts) {
        Map<String, String> pl = new TreeMap<>();
        Map<String, String> en = new TreeMap<>();
        for (History x : concepts) {
            pl.putAll(x.names().pl());
            en.putAll(x.names().en());
        }
        pl.putAll(h.names().pl());
        en.putAll(h.names().en());
        return new DisplayNames(java.util.Collections.unmodifiableMap(pl), java.util.Collections.unmodifiableMap(en));
    }

    private List<RuleSet> derive(History h, List<History> concepts, DisplayNames names, Set<String> functions,
                                 List<Finding> f) {
        BenefitManifest m = h.manifest();
        String manifestText = readText(h.dir().resolve(MANIFEST));
        // change points: logic folders and STATE parameter values of the benefit and of the concepts it uses
        TreeSet<LocalDate> points = new TreeSet<>();
        for (History x : concat(h, concepts)) {
            points.addAll(x.logic().keySet());
            x.parameters().values().stream().filter(p -> p.scope() == ParameterSeries.Scope.STATE)
                    .forEach(p -> points.addAll(p.values().keySet()));
        }
        // a value of a per-year parameter becoming known starts a state (the states before it do not see it)
        Map<LocalDate, String[]> announced = new TreeMap<>();
        for (History x : concat(h, concepts)) {
            for (ParameterSeries p : x.parameters().values()) {
                if (p.perYear()) {
                    for (ParameterSeries.Value v : p.values().values()) {
                        if (points.add(v.knownFrom()) || announced.containsKey(v.knownFrom())) {
                            announced.merge(v.knownFrom(), new String[] {
                                    "Nowa wartość: " + p.description() + " – za " + v.from().getYear() + " r., znana od "
                                            + java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(v.knownFrom()) + ".",
                                    "A new value: " + (p.descriptionEn() == null ? p.description() : p.descriptionEn())
                                            + " – for " + v.from().getYear() + ", known from " + v.knownFrom() + "."}, (a, b) -> new String[] {a[0] + " " + b[0], a[1] + " " + b[1]});
                        }
                    }
                }
            }
        }
        m.periods().forEach(p -> points.add(p.from()));
        Set<LocalDate> draftDates = new TreeSet<>();
        m.changes().forEach((d, c) -> {
            if (c.draft()) {
                draftDates.add(d);
            }
        });
        // only the benefit's own dates need a summary: a concept's change is summarised in the concept
        TreeSet<LocalDate> ownPoints = new TreeSet<>(h.logic().keySet());
        // (a value of a scope: history parameter starts no state, so it needs no entry either)
        h.parameters().values().stream().filter(p -> p.scope() == ParameterSeries.Scope.STATE)
                .forEach(p -> ownPoints.addAll(p.values().keySet()));
        m.periods().forEach(p -> ownPoints.add(p.from()));
        for (LocalDate d : ownPoints) {
            if (inPeriods(m, d) && !m.changes().containsKey(d)) {
                f.add(Finding.error("manifest", MANIFEST, RuleSetLoader.lineOfKey(manifestText, "changes:"),
                        "the law changes on " + d + " (a logic folder or a parameter value), but changes: has no entry "
                                + d + " saying what changed (summary, summary_en, status)"));
            }
        }
        for (LocalDate d : m.changes().keySet()) {
            if (!points.contains(d)) {
                f.add(Finding.error("manifest", MANIFEST, RuleSetLoader.lineOfKey(manifestText, d + ":"),
                        "changes: " + d + " names no date on which a logic folder or a parameter value takes effect"));
            }
        }
        Map<String, RuleSetManifest.Act> acts = new LinkedHashMap<>();
        for (History x : concat(h, concepts)) {
            for (RuleSetManifest.Act a : x.manifest().acts()) {
                RuleSetManifest.Act prev = acts.putIfAbsent(a.id(), a);
                if (prev != null && !prev.equals(a)) {
                    f.add(Finding.error("manifest", x.displayPrefix() + MANIFEST, null, "act id '" + a.id()
                            + "' is defined differently in " + h.name() + " and in the concept " + x.name()));
                }
            }
        }
        List<LocalDate> dates = points.stream().filter(d -> inPeriods(m, d)).toList();
        List<RuleSet> out = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            BenefitManifest.Change change = m.changes().get(d);
            boolean draft = change != null && change.draft();
            Set<LocalDate> included = draft ? draftDates : Set.of();
            // the next state this one gives way to: for a draft, the next released one; a released state ignores drafts
            LocalDate next = null;
            for (int j = i + 1; j < dates.size(); j++) {
                BenefitManifest.Change cj = m.changes().get(dates.get(j));
                if (cj == null || !cj.draft()) {
                    next = dates.get(j);
                    break;
                }
            }
            BenefitManifest.Period period = m.periods().stream().filter(p -> p.covers(d)).findFirst().orElseThrow();
            LocalDate effectiveTo = period.to() != null && (next == null || next.isAfter(period.to())) ? period.to() : null;
            if (change == null && announced.containsKey(d)) {
                change = new BenefitManifest.Change(announced.get(d)[0], announced.get(d)[1], RuleSetManifest.Status.RELEASED);
            }
            RuleSet rs = state(h, concepts, acts, names, functions, d, draft, included, draftDates, effectiveTo, change, f);
            if (rs != null) {
                out.add(rs);
            }
        }
        return out;
    }

    private static boolean inPeriods(BenefitManifest m, LocalDate d) {
        return m.periods().stream().anyMatch(p -> p.covers(d));
    }

    private static List<History> concat(History h, List<History> concepts) {
        List<History> all = new ArrayList<>();
        all.add(h);
        all.addAll(concepts);
        return all;
    }

    /** The resolved logic of one history on a date: overlays applied oldest first; file name → (display path, text). */
    private static Map<String, String[]> logicOn(History h, LocalDate d, Set<LocalDate> draftDates, Set<LocalDate> included) {
        Map<String, String[]> files = new TreeMap<>();
        for (LogicFolder lf : h.logic().headMap(d, true).values()) {
            if (draftDates.contains(lf.from()) && !included.contains(lf.from())) {
                continue;
            }
            lf.removes().forEach(files::remove);
            lf.files().forEach((n, t) -> files.put(n, new String[] {
                    h.displayPrefix() + LOGIC_DIR + "/" + lf.from() + "/" + n, t}));
        }
        return files;
    }

    private RuleSet state(History h, List<History> concepts, Map<String, RuleSetManifest.Act> acts, DisplayNames names,
                          Set<String> allowList, LocalDate d,
                          boolean draft, Set<LocalDate> included, Set<LocalDate> draftDates, LocalDate effectiveTo,
                          BenefitManifest.Change change, List<Finding> f) {
        BenefitManifest m = h.manifest();
        String id = RuleSet.idOf(h.name(), d);
        // parameters in force
        Map<String, Parametr> params = new TreeMap<>();
        Map<String, NavigableMap<LocalDate, Parametr>> history = new TreeMap<>();
        Map<String, String> paramFile = new HashMap<>();
        for (History x : concat(h, concepts)) {
            for (ParameterSeries p : x.parameters().values()) {
                if (paramFile.containsKey(p.name())) {
                    f.add(Finding.error("parameters", p.file(), null, "parameter '" + p.name() + "' is also defined in "
                            + paramFile.get(p.name()) + "; names are shared by a benefit and the concepts it uses"));
                    continue;
                }
                paramFile.put(p.name(), p.file());
                if (p.scope() == ParameterSeries.Scope.HISTORY) {
                    NavigableMap<LocalDate, Parametr> series = p.view(d, draftDates, included);
                    history.put(p.name(), series);
                    Map.Entry<LocalDate, Parametr> v = series.floorEntry(d);
                    if (v != null && v.getValue().wartosc() != null) {
                        params.put(p.name(), v.getValue());
                    }
                } else {
                    ParameterSeries.Value v = p.at(d, draftDates, included);
                    if (v != null) {
                        params.put(p.name(), p.resolved(v));
                    }
                }
            }
        }
        // logic in force: the benefit's files, then each concept's, in one compile unit
        Map<String, String> unit = new TreeMap<>();
        Map<String, String> display = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        String pkg = "reguly." + h.name();
        for (History x : concat(h, concepts)) {
            logicOn(x, d, draftDates, included).forEach((n, pt) -> {
                String key = (x == h ? "" : x.name() + "__") + n;
                String text = withPackage(pt[1], pkg);
                unit.put(key + (n.endsWith(".drl") ? "" : ".drl"), text);
                display.put(key + (n.endsWith(".drl") ? "" : ".drl"), pt[0]);
                sources.put(pt[0], pt[1]);
            });
        }
        if (unit.isEmpty()) {
            f.add(Finding.error("structure", LOGIC_DIR, null, id + ": no logic in force on " + d
                    + " (the first logic folder is dated later)"));
            return null;
        }
        // parameters used but not in force on this date
        Matcher u;
        for (Map.Entry<String, String> e : unit.entrySet()) {
            u = RuleSetLoader.PARAM_USE.matcher(e.getValue());
            while (u.find()) {
                if (!params.containsKey(u.group(2)) && !history.containsKey(u.group(2))) {
                    f.add(Finding.error("parameters", display.get(e.getKey()), RuleSetLoader.lineOf(e.getValue(), u.start()),
                            "uses parameter '" + u.group(2) + "', which has no value in force on " + d + " (" + id + ")"));
                }
            }
            Matcher de = Pattern.compile("date-(effective|expires)").matcher(e.getValue());
            while (de.find()) {
                f.add(Finding.error("structure", display.get(e.getKey()), RuleSetLoader.lineOf(e.getValue(), de.start()),
                        "date-effective/date-expires are forbidden: the legal date selects the law"));
            }
        }
        // templates of the benefit and the concepts
        Map<String, MessageTemplate> templates = new TreeMap<>();
        for (History x : concat(h, concepts)) {
            templates.putAll(x.templates());
        }
        String unitHash = hashUnit(unit);
        RuleCompiler.Compiled c = compiled.get(unitHash);
        if (c == null) {
            c = compiler.tryCompile(h.name() + "/logika-" + unitHash.substring(0, 12), pkg, unit, unitHash);
            if (c.kieBase() != null) {
                compiled.put(unitHash, c); // a failed build is not kept: a retry compiles again
            }
        }
        for (Finding e : c.errors()) {
            String file = e.file() == null ? null : display.getOrDefault(e.file(), e.file());
            f.add(new Finding(e.severity(), e.check(), file, e.line(), e.message() + " (" + id + ")"));
        }
        if (c.kieBase() == null) {
            return null;
        }
        KieBase kieBase = c.kieBase();
        List<RuleInfo> rules = new ArrayList<>();
        Map<String, LegalCitation> citations = new TreeMap<>();
        Map<String, String> ruleFile = RuleSetLoader.ruleFiles(unit);
        Map<String, List<String>> ruleParams = RuleSetLoader.ruleParameters(unit);
        Map<String, MessageTemplate> used = new TreeMap<>();
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule r : kp.getRules()) {
                String name = r.getName();
                String uf = ruleFile.get(name);
                String file = uf == null ? null : display.get(uf);
                Integer line = uf == null ? null : RuleSetLoader.ruleLine(unit.get(uf), name);
                List<String> problems = new ArrayList<>();
                if (!RuleSetLoader.RULE_ID.matcher(name).matches()) {
                    problems.add("rule name '" + name + "' is not a stable citation-based id "
                            + "(art<n>[_ust<m>][_pkt<k>][_lit<x>]_<topic>, or par<n>… for a regulation)");
                }
                Map<String, Object> md = r.getMetaData();
                String actId = RuleSetLoader.meta(md, "act");
                if (actId == null || !acts.containsKey(actId)) {
                    problems.add("rule " + name + ": @act must name an act of benefit.yaml " + acts.keySet());
                }
                if (RuleSetLoader.meta(md, "article") == null) {
                    problems.add("rule " + name + ": @article (the provision it implements) is required");
                }
                String desc = RuleSetLoader.meta(md, "description");
                if (desc == null || desc.isBlank()) {
                    problems.add("rule " + name + ": @description (Polish text of what the rule decides) is required");
                }
                if (templates.containsKey(name)) {
                    used.put(name, templates.get(name));
                }
                problems.forEach(p -> f.add(Finding.error("rules", file, line, p)));
                if (problems.isEmpty()) {
                    LegalCitation lc = RuleSetLoader.citation(acts.get(actId), md);
                    citations.put(name, lc);
                    rules.add(new RuleInfo(name, file, desc, RuleSetLoader.meta(md, "descriptionEn"), lc,
                            ruleParams.getOrDefault(name, List.of())));
                }
            }
        }
        rules.sort((a, b) -> a.id().compareTo(b.id()));
        Map<String, RuleSetManifest.Act> stateActs = acts;
        RuleSetManifest manifest = new RuleSetManifest(h.name(), d, d, effectiveTo,
                draft ? RuleSetManifest.Status.DRAFT : RuleSetManifest.Status.RELEASED, List.copyOf(stateActs.values()),
                change == null ? "Zmiana wspólnej instytucji prawa (zob. rules/wspolne)." : change.summary(),
                change == null ? "A change of a shared legal concept (see rules/wspolne)." : change.summaryEn(),
                m.kind(), m.modulesOn(d), m.input());
        // the allow-list entries of the functions this state's logic defines or calls (the list is hashed content)
        Set<String> functions = new TreeSet<>();
        for (String fn : allowList) {
            if (unit.values().stream().anyMatch(t -> t.contains(fn + "("))) {
                functions.add(fn);
            }
        }
        sources.put("../" + CONCEPTS_DIR + "/" + FUNCTIONS, String.join("\n", functions));
        String sha = stateHash(id, manifest, sources, params, history, used,
                used.isEmpty() ? DisplayNames.EMPTY : names);
        return new RuleSet(id, h.name(), d, h.dir(), sha, manifest, Map.copyOf(params), List.copyOf(rules),
                Map.copyOf(citations), kieBase, java.util.Collections.unmodifiableMap(sources),
                java.util.Collections.unmodifiableMap(used), java.util.Collections.unmodifiableMap(history),
                used.isEmpty() ? DisplayNames.EMPTY : names);
    }

    /** The DRL with its package line set to the compile unit's package (the loader writes it, authors need not). */
    static String withPackage(String text, String pkg) {
        Matcher pm = PACKAGE_LINE.matcher(text);
        if (pm.find()) {
            return text.substring(0, pm.start()) + "package " + pkg + ";" + text.substring(pm.end());
        }
        return "package " + pkg + ";\n" + text;
    }

    private static String hashUnit(Map<String, String> unit) {
        MessageDigest md = sha();
        unit.forEach((n, t) -> {
            field(md, n);
            field(md, t);
        });
        field(md, FactModelFingerprint.VALUE);
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The content hash of a legal state: everything that determines its decisions and their explanation — the logic
     * files in force (the benefit's and the concepts'), each parameter value in force with its unit and citation,
     * the whole series of the parameters read on other dates, the acts cited, the input requirements, the templates
     * of its rules, and the fingerprint of the Java the rules may call (the fact model). Adding a value dated after
     * this state does not change it.
     */
    static String stateHash(String id, RuleSetManifest manifest, Map<String, String> sources, Map<String, Parametr> params,
                            Map<String, NavigableMap<LocalDate, Parametr>> history, Map<String, MessageTemplate> templates,
                            DisplayNames names) {
        MessageDigest md = sha();
        field(md, "ops-legal-state/1");
        field(md, id);
        field(md, String.valueOf(manifest.effectiveTo()));
        field(md, String.valueOf(manifest.kind()));
        field(md, String.valueOf(manifest.modules()));
        field(md, String.valueOf(manifest.input()));
        for (RuleSetManifest.Act a : manifest.legalBasis()) {
            field(md, String.valueOf(a));
        }
        sources.forEach((n, t) -> {
            field(md, n);
            field(md, t);
        });
        params.forEach((n, p) -> field(md, param(p)));
        history.forEach((n, s) -> s.forEach((d, p) -> field(md, d + "=" + param(p))));
        templates.forEach((n, t) -> {
            field(md, n);
            field(md, t.pl());
            field(md, String.valueOf(t.en()));
        });
        names.pl().forEach((k, v) -> field(md, k + "=" + v + "|" + names.en().get(k)));
        field(md, FactModelFingerprint.VALUE);
        return HexFormat.of().formatHex(md.digest());
    }

    private static String param(Parametr p) {
        return p.nazwa() + "|" + p.jednostka() + "|" + p.wartosc() + "|" + p.podstawaPrawna() + "|" + p.opis();
    }

    private static void field(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
        md.update(b);
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readText(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
