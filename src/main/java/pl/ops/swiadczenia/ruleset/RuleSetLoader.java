package pl.ops.swiadczenia.ruleset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import pl.ops.swiadczenia.decyzja.LegalCitation;
import pl.ops.swiadczenia.fakty.Parametr;

/**
 * Reads one version folder {@code rules/<benefit>/<version>/}: manifest, parameters and DRL files; checks them,
 * hashes them and compiles them into a {@link RuleSet}. Plain Java, usable without Quarkus (tests, tools).
 */
public class RuleSetLoader {
    public static final String MANIFEST = "ruleset.yaml";
    public static final String PARAMETERS = "parameters.yaml";

    /** Rule ids: citation-based, e.g. art5_ust1_kryterium_dochodowe, art11a_ust1_pkt2_…, par1_pkt2_… */
    static final Pattern RULE_ID = Pattern.compile(
            "^(art\\d+[a-z]?|par\\d+[a-z]?)(_ust\\d+[a-z]?)?(_pkt\\d+[a-z]?)?(_lit[a-z])?(_[a-z0-9]+)+$");
    static final Pattern PARAM_USE = Pattern.compile(
            "\\.(kwota|liczba|lista|zawiera|zawieraTekst|tekst|tak|zawieraNaDzien|takNaDzien|liczbaNaDzien)\\(\\s*\"([^\"]+)\"");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RuleCompiler compiler;
    private final DrlPolicy.Level policyLevel;
    private final java.util.Set<String> allowedFunctions;

    private final HistoryLoader history;

    /** A loader that checks every DRL with {@link DrlPolicy.Level#LEGACY} and the released helper functions. */
    public RuleSetLoader(RuleCompiler compiler) {
        this(compiler, DrlPolicy.Level.LEGACY, DrlPolicy.LEGACY_FUNCTIONS);
    }

    /**
     * @param policyLevel      what the DRL of a folder may contain ({@link DrlPolicy}), checked before compiling
     * @param allowedFunctions the names a DRL {@code function} may have
     */
    public RuleSetLoader(RuleCompiler compiler, DrlPolicy.Level policyLevel, java.util.Set<String> allowedFunctions) {
        this.compiler = compiler;
        this.policyLevel = policyLevel;
        this.allowedFunctions = java.util.Set.copyOf(allowedFunctions);
        this.history = new HistoryLoader(compiler);
    }

    /** The loader of benefits written as one dated history (benefit.yaml), sharing this loader's compiler. */
    public HistoryLoader history() {
        return history;
    }

    /** The Drools package a version folder must declare: rules/zasilek_rodzinny/2016-11-01 → reguly.zasilek_rodzinny.v2016_11_01 */
    public static String packageFor(String benefit, LocalDate version) {
        return "reguly." + benefit + ".v" + version.toString().replace('-', '_');
    }

    /** Loads a folder or throws {@link RuleSetException} listing every error (file:line: problem). */
    public RuleSet load(Path dir) {
        Analysis a = analyse(dir);
        if (!a.ok()) {
            throw new RuleSetException(a.id() + ": " + String.join("\n", a.errors().stream().map(Finding::format).toList()));
        }
        return a.ruleSet();
    }

    /**
     * Everything the loader checks, collected rather than stopping at the first problem; the compiled version when
     * there is no error.
     */
    public record Analysis(String id, String sha256, RuleSetManifest manifest, List<Finding> findings, RuleSet ruleSet) {
        public boolean ok() {
            return ruleSet != null && findings.stream().noneMatch(Finding::isError);
        }

        public List<Finding> errors() {
            return findings.stream().filter(Finding::isError).toList();
        }
    }

    public Analysis analyse(Path dir) {
        List<Finding> f = new ArrayList<>();
        String benefit = dir.toAbsolutePath().normalize().getParent().getFileName().toString();
        LocalDate version;
        try {
            version = LocalDate.parse(dir.getFileName().toString());
        } catch (RuntimeException e) {
            f.add(Finding.error("structure", null, null, "version folder name must be an ISO date (yyyy-MM-dd): " + dir));
            return new Analysis(benefit + "/" + dir.getFileName(), null, null, f, null);
        }
        String id = RuleSet.idOf(benefit, version);
        String sha = Files.isDirectory(dir) ? sha256(dir) : null;
        if (sha == null) {
            f.add(Finding.error("structure", null, null, "folder not found: " + dir));
            return new Analysis(id, null, null, f, null);
        }
        String manifestText = read(dir.resolve(MANIFEST));
        RuleSetManifest manifest = readManifest(manifestText, f);
        Map<String, RuleSetManifest.Act> acts = new LinkedHashMap<>();
        boolean released = false;
        if (manifest != null) {
            released = manifest.status() == RuleSetManifest.Status.RELEASED;
            need(f, benefit.equals(manifest.benefit()), MANIFEST, manifestText, "benefit:",
                    "benefit '" + manifest.benefit() + "' differs from the folder '" + benefit + "'");
            need(f, version.equals(manifest.version()), MANIFEST, manifestText, "version:",
                    "version differs from the folder name " + version);
            need(f, version.equals(manifest.effectiveFrom()), MANIFEST, manifestText, "effective_from:",
                    "effective_from must equal the folder date " + version);
            need(f, manifest.effectiveTo() == null || !manifest.effectiveTo().isBefore(version), MANIFEST,
                    manifestText, "effective_to:", "effective_to is before effective_from");
            need(f, manifest.status() != null, MANIFEST, manifestText, "status:", "status (draft|released) is required");
            need(f, manifest.legalBasis() != null && !manifest.legalBasis().isEmpty(), MANIFEST, manifestText,
                    "legal_basis:", "legal_basis is required");
            need(f, manifest.summary() != null && !manifest.summary().isBlank(), MANIFEST, manifestText, "summary:",
                    "summary (Polish: what this version changes) is required");
            if (manifest.legalBasis() != null) {
                for (RuleSetManifest.Act a : manifest.legalBasis()) {
                    need(f, a.id() != null && a.title() != null && a.citeAs() != null && a.officialJournal() != null,
                            MANIFEST, manifestText, "id: " + a.id(),
                            "each legal_basis entry needs id, title, cite_as and official_journal");
                    if (a.id() != null) {
                        acts.put(a.id(), a);
                    }
                }
            }
        }
        Map<String, Parametr> parameters = readParameters(dir.resolve(PARAMETERS), f, released);

        Map<String, String> drl = new TreeMap<>();
        Map<String, String> generatedFrom = new TreeMap<>();
        Map<String, String> tables = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".drl")) {
                    drl.put(name, Files.readString(p, StandardCharsets.UTF_8));
                } else if (name.endsWith(DecisionTables.SUFFIX)) {
                    tables.put(name, Files.readString(p, StandardCharsets.UTF_8));
                    DecisionTables.Converted c = DecisionTables.convert(name, tables.get(name));
                    f.addAll(c.findings());
                    if (c.drl() != null) {
                        String generated = name + ".drl";
                        drl.put(generated, c.drl());
                        generatedFrom.put(generated, name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (drl.isEmpty() && generatedFrom.isEmpty()) {
            f.add(Finding.error("structure", null, null, "no .drl files (nor *.drl.csv decision tables)"));
        }
        String pkg = packageFor(benefit, version);
        for (Map.Entry<String, String> e : drl.entrySet()) {
            String file = generatedFrom.getOrDefault(e.getKey(), e.getKey());
            boolean table = generatedFrom.containsKey(e.getKey());
            String text = e.getValue();
            f.addAll(table ? tablePolicy(file, tables.get(file), text) : DrlPolicy.check(file, text, policyLevel,
                    allowedFunctions));
            Matcher m = PACKAGE.matcher(text);
            if (!m.find() || !m.group(1).equals(pkg)) {
                f.add(Finding.error("structure", file, m.find(0) ? lineOf(text, m.start()) : 1,
                        (table ? "RuleSet cell" : "package") + " must be '" + pkg + "' (folder " + id + ")"));
            }
            Matcher u = PARAM_USE.matcher(text);
            while (u.find()) {
                if (!parameters.containsKey(u.group(2))) {
                    f.add(Finding.error("parameters", file, table ? null : lineOf(text, u.start()), "uses parameter '"
                            + u.group(2) + "' that parameters.yaml does not define"));
                }
            }
            Matcher d = Pattern.compile("date-(effective|expires)").matcher(text);
            while (d.find()) {
                f.add(Finding.error("structure", file, table ? null : lineOf(text, d.start()),
                        "date-effective/date-expires are forbidden: the version folder carries legal validity"));
            }
            if (!table) {
                f.addAll(LegalNumbers.scan(file, text, released ? Finding.Severity.WARNING : Finding.Severity.ERROR));
            }
        }
        if (drl.isEmpty() || manifest == null) {
            return new Analysis(id, sha, manifest, List.copyOf(f), null);
        }
        if (f.stream().anyMatch(x -> x.isError() && DrlPolicy.CHECK.equals(x.check()))) {
            // untrusted rules: nothing of a folder that breaks the policy is compiled, loaded or run
            return new Analysis(id, sha, manifest, List.copyOf(f), null);
        }

        RuleCompiler.Compiled compiled = compiler.tryCompile(id, pkg, drl, sha);
        for (Finding e : compiled.errors()) {
            String file = e.file() == null ? null : generatedFrom.getOrDefault(e.file(), e.file());
            boolean table = e.file() != null && generatedFrom.containsKey(e.file());
            f.add(new Finding(e.severity(), e.check(), file, table ? null : e.line(),
                    e.message() + (table ? " (in the DRL generated from the table, line " + e.line() + ")" : "")));
        }
        if (compiled.kieBase() == null) {
            return new Analysis(id, sha, manifest, List.copyOf(f), null);
        }
        KieBase kieBase = compiled.kieBase();

        List<RuleInfo> rules = new ArrayList<>();
        Map<String, LegalCitation> citations = new TreeMap<>();
        Map<String, String> ruleFile = ruleFiles(drl);
        Map<String, List<String>> ruleParams = ruleParameters(drl);
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule r : kp.getRules()) {
                String name = r.getName();
                String genFile = ruleFile.get(name);
                String file = genFile == null ? null : generatedFrom.getOrDefault(genFile, genFile);
                Integer line = genFile == null || generatedFrom.containsKey(genFile) ? null : ruleLine(drl.get(genFile), name);
                List<String> problems = new ArrayList<>();
                if (!RULE_ID.matcher(name).matches()) {
                    problems.add("rule name '" + name + "' is not a stable citation-based id "
                            + "(art<n>[_ust<m>][_pkt<k>][_lit<x>]_<topic>, or par<n>… for a regulation)");
                }
                Map<String, Object> md = r.getMetaData();
                String actId = meta(md, "act");
                if (actId == null || !acts.containsKey(actId)) {
                    problems.add("rule " + name + ": @act must name a legal_basis id of ruleset.yaml " + acts.keySet());
                }
                if (meta(md, "article") == null) {
                    problems.add("rule " + name + ": @article (the provision it implements) is required");
                }
                if (meta(md, "description") == null || meta(md, "description").isBlank()) {
                    problems.add("rule " + name + ": @description (Polish text of what the rule decides) is required");
                }
                if (meta(md, "descriptionEn") == null) {
                    f.add(Finding.warning("rules", file, line, "rule " + name + ": no @descriptionEn (English text)"));
                }
                problems.forEach(p -> f.add(Finding.error("rules", file, line, p)));
                if (problems.isEmpty()) {
                    LegalCitation c = citation(acts.get(actId), md);
                    citations.put(name, c);
                    rules.add(new RuleInfo(name, file, meta(md, "description"), meta(md, "descriptionEn"), c,
                            ruleParams.getOrDefault(name, List.of())));
                }
            }
        }
        if (f.stream().anyMatch(Finding::isError)) {
            return new Analysis(id, sha, manifest, List.copyOf(f), null);
        }
        rules.sort((a, b) -> a.id().compareTo(b.id()));
        RuleSet rs = new RuleSet(id, benefit, version, dir, sha, manifest, parameters, List.copyOf(rules),
                Map.copyOf(citations), kieBase);
        return new Analysis(id, sha, manifest, List.copyOf(f), rs);
    }

    /**
     * The policy findings of the DRL generated from a decision table, placed on the table's line that holds the
     * construct (templates and cells are where it came from), with the generated line in the message.
     */
    private List<Finding> tablePolicy(String file, String csv, String generated) {
        List<Finding> out = new ArrayList<>();
        String[] csvLines = csv == null ? new String[0] : csv.split("\r?\n", -1);
        for (DrlPolicy.Violation v : DrlPolicy.violations(generated, policyLevel, allowedFunctions)) {
            Integer line = null;
            String needle = longestName(v.construct());
            for (int i = 0; needle != null && i < csvLines.length && line == null; i++) {
                if (csvLines[i].contains(needle)) {
                    line = i + 1;
                }
            }
            out.add(Finding.error(DrlPolicy.CHECK, file, line, v.message() + " (w DRL wygenerowanym z tabeli linia "
                    + v.line() + " / in the DRL generated from the table, line " + v.line() + ")"));
        }
        return out;
    }

    private static String longestName(String construct) {
        String best = null;
        for (String part : construct.split("[^\\p{L}\\p{N}_$.]+")) {
            if (!part.isEmpty() && (best == null || part.length() > best.length())) {
                best = part;
            }
        }
        return best;
    }

    static Integer ruleLine(String text, String name) {
        int i = text == null ? -1 : text.indexOf("rule \"" + name + "\"");
        return i < 0 ? null : lineOf(text, i);
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The line of the first occurrence of {@code needle} at a line start (after indentation), or null. */
    static Integer lineOfKey(String text, String needle) {
        if (text == null || needle == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?m)^[\\s-]*" + Pattern.quote(needle)).matcher(text);
        return m.find() ? lineOf(text, m.start()) : null;
    }

    private static void need(List<Finding> f, boolean ok, String file, String text, String key, String message) {
        if (!ok) {
            f.add(Finding.error("manifest", file, lineOfKey(text, key), message));
        }
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The source text of every rule of a version folder (decision tables as the DRL generated from them), by rule id,
     * normalised (package line and whitespace runs) so that two versions can be compared rule by rule.
     */
    public static Map<String, String> ruleSources(RuleSet rs) {
        if (!rs.fromHistory()) {
            return ruleSources(rs.directory());
        }
        Map<String, String> out = new TreeMap<>();
        Pattern rule = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^end\\b");
        rs.sources().forEach((file, text) -> {
            String drl = file.endsWith(DecisionTables.SUFFIX) ? DecisionTables.convert(file, text).drl() : text;
            if (drl == null) {
                return;
            }
            Matcher m = rule.matcher(drl);
            while (m.find()) {
                out.put(m.group(1), m.group(2).replaceAll("\\s+", " ").trim());
            }
        });
        return out;
    }

    public static Map<String, String> ruleSources(Path dir) {
        Map<String, String> out = new TreeMap<>();
        Pattern rule = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^end\\b");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                String text = null;
                if (name.endsWith(".drl")) {
                    text = Files.readString(p, StandardCharsets.UTF_8);
                } else if (name.endsWith(DecisionTables.SUFFIX)) {
                    text = DecisionTables.convert(name, Files.readString(p, StandardCharsets.UTF_8)).drl();
                }
                if (text == null) {
                    continue;
                }
                Matcher m = rule.matcher(text);
                while (m.find()) {
                    out.put(m.group(1), m.group(2).replaceAll("\\s+", " ").trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** For each rule, the parameters its text (conditions and consequence) refers to, in order of first use. */
    static Map<String, List<String>> ruleParameters(Map<String, String> drl) {
        Map<String, List<String>> out = new TreeMap<>();
        Pattern rule = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^end\\b");
        drl.values().forEach(text -> {
            Matcher m = rule.matcher(text);
            while (m.find()) {
                java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
                Matcher u = PARAM_USE.matcher(m.group(2));
                while (u.find()) {
                    names.add(u.group(2));
                }
                out.put(m.group(1), List.copyOf(names));
            }
        });
        return out;
    }

    static Map<String, String> ruleFiles(Map<String, String> drl) {
        Map<String, String> out = new TreeMap<>();
        Pattern rule = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
        drl.forEach((file, text) -> {
            Matcher m = rule.matcher(text);
            while (m.find()) {
                out.put(m.group(1), file);
            }
        });
        return out;
    }

    static String meta(Map<String, Object> md, String key) {
        Object v = md.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    static LegalCitation citation(RuleSetManifest.Act act, Map<String, Object> md) {
        String article = meta(md, "article");
        String paragraph = meta(md, "paragraph");
        String point = meta(md, "point");
        String letter = meta(md, "letter");
        boolean paragraphSign = article.startsWith("§");
        StringBuilder pl = new StringBuilder(paragraphSign ? article : "art. " + article);
        StringBuilder en = new StringBuilder(paragraphSign ? article : "Article " + article);
        String section = meta(md, "section");
        if (section != null) {
            pl.append(" § ").append(section);
            en.append(" § ").append(section);
        }
        if (paragraph != null) {
            pl.append(" ust. ").append(paragraph);
            en.append("(").append(paragraph).append(")");
        }
        if (point != null) {
            pl.append(" pkt ").append(point);
            en.append(" point ").append(point);
        }
        if (letter != null) {
            pl.append(" lit. ").append(letter);
            en.append(" letter ").append(letter);
        }
        pl.append(' ').append(act.citeAs()).append(" (").append(act.officialJournal()).append(')');
        en.append(' ').append(act.citeAsEn() != null ? act.citeAsEn() : act.citeAs())
                .append(" (").append(act.officialJournal()).append(')');
        return new LegalCitation(act.id(), act.title(), article, paragraph, point, letter, pl.toString(), en.toString());
    }

    private static RuleSetManifest readManifest(String text, List<Finding> f) {
        if (text == null) {
            f.add(Finding.error("manifest", MANIFEST, null, MANIFEST + " is missing"));
            return null;
        }
        try {
            return YAML.readValue(text, RuleSetManifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            f.add(Finding.error("manifest", MANIFEST, line, "cannot be read: " + e.getOriginalMessage()));
            return null;
        }
    }

    static final Pattern CITES_PROVISION = Pattern.compile("(art\\.|§|pkt|ust\\.)\\s*\\d");

    private static Map<String, Parametr> readParameters(Path file, List<Finding> f, boolean released) {
        String text = read(file);
        if (text == null) {
            f.add(Finding.error("parameters", PARAMETERS, null, PARAMETERS + " is missing"));
            return Map.of();
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            f.add(Finding.error("parameters", PARAMETERS, line, "cannot be read: " + e.getOriginalMessage()));
            return Map.of();
        }
        Map<String, Parametr> out = new LinkedHashMap<>();
        if (root == null || !root.isObject()) {
            f.add(Finding.error("parameters", PARAMETERS, 1, "must be a map of parameter name to its definition"));
            return Map.of();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode n = e.getValue();
            Integer line = lineOfKey(text, name + ":");
            List<String> missing = new ArrayList<>();
            for (String required : List.of("description", "unit", "value", "legal_basis", "verified_on")) {
                if (!n.hasNonNull(required)) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                f.add(Finding.error("parameters", PARAMETERS, line, "parameter " + name + ": " + String.join(", ", missing)
                        + (missing.size() == 1 ? " is" : " are") + " required (every number of law has a unit and a citation)"));
                continue;
            }
            if (!CITES_PROVISION.matcher(n.get("legal_basis").asText()).find()) {
                f.add(new Finding(released ? Finding.Severity.WARNING : Finding.Severity.ERROR, "parameters", PARAMETERS,
                        line, "parameter " + name + ": legal_basis must cite a provision (art./§/ust./pkt and its number)"));
            }
            LocalDate verified;
            try {
                verified = LocalDate.parse(n.get("verified_on").asText());
            } catch (RuntimeException ex) {
                f.add(Finding.error("parameters", PARAMETERS, line, "parameter " + name + ": verified_on is not a date (yyyy-MM-dd)"));
                continue;
            }
            String unit = n.get("unit").asText();
            Object value;
            try {
                value = value(n.get("value"), unit, name);
            } catch (RuntimeException ex) {
                f.add(Finding.error("parameters", PARAMETERS, line, "parameter " + name + ": " + ex.getMessage()));
                continue;
            }
            out.put(name, new Parametr(name, n.get("description").asText(),
                    n.hasNonNull("description_en") ? n.get("description_en").asText() : null,
                    unit, value, n.get("legal_basis").asText(),
                    n.hasNonNull("href") ? n.get("href").asText() : null, verified));
        }
        return Map.copyOf(out);
    }

    static Object value(JsonNode v, String unit, String name) {
        if (v.isArray()) {
            boolean ints = true;
            for (JsonNode x : v) {
                ints &= x.isIntegralNumber();
            }
            List<Object> l = new ArrayList<>();
            for (JsonNode x : v) {
                l.add(ints ? (Object) x.intValue() : x.asText());
            }
            return List.copyOf(l);
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (unit.startsWith("PLN") || unit.equals("%")) {
            if (!v.isNumber()) {
                throw new IllegalArgumentException("value must be a number (unit " + unit + ")");
            }
            try {
                return v.decimalValue().setScale(2, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("an amount in " + unit + " has at most 2 decimal places: " + v.asText());
            }
        }
        if (v.isIntegralNumber()) {
            return v.intValue();
        }
        if (v.isNumber()) {
            return new BigDecimal(v.asText());
        }
        return v.asText();
    }

    /** SHA-256 over every file of the folder: sorted relative paths, each as path NUL content NUL. */
    public static String sha256(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
