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
    private static final Pattern PARAM_USE = Pattern.compile(
            "\\.(kwota|liczba|lista|zawiera|zawieraTekst|tekst|tak)\\(\\s*\"([^\"]+)\"");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final RuleCompiler compiler;

    public RuleSetLoader(RuleCompiler compiler) {
        this.compiler = compiler;
    }

    /** The Drools package a version folder must declare: rules/zasilek_rodzinny/2016-11-01 → reguly.zasilek_rodzinny.v2016_11_01 */
    public static String packageFor(String benefit, LocalDate version) {
        return "reguly." + benefit + ".v" + version.toString().replace('-', '_');
    }

    public RuleSet load(Path dir) {
        String benefit = dir.getParent().getFileName().toString();
        LocalDate version;
        try {
            version = LocalDate.parse(dir.getFileName().toString());
        } catch (RuntimeException e) {
            throw new RuleSetException("Version folder name must be an ISO date (yyyy-MM-dd): " + dir);
        }
        String id = RuleSet.idOf(benefit, version);
        RuleSetManifest manifest = readManifest(dir.resolve(MANIFEST), id);
        check(benefit.equals(manifest.benefit()), id, "manifest benefit '" + manifest.benefit() + "' differs from folder");
        check(version.equals(manifest.version()), id, "manifest version differs from folder name");
        check(version.equals(manifest.effectiveFrom()), id, "effective_from must equal the folder date");
        check(manifest.status() != null, id, "status (draft|released) is required");
        check(manifest.legalBasis() != null && !manifest.legalBasis().isEmpty(), id, "legal_basis is required");
        check(manifest.summary() != null && !manifest.summary().isBlank(), id, "summary is required");
        Map<String, RuleSetManifest.Act> acts = new LinkedHashMap<>();
        for (RuleSetManifest.Act a : manifest.legalBasis()) {
            check(a.id() != null && a.title() != null && a.citeAs() != null && a.officialJournal() != null, id,
                    "each legal_basis entry needs id, title, cite_as and official_journal");
            acts.put(a.id(), a);
        }
        Map<String, Parametr> parameters = readParameters(dir.resolve(PARAMETERS), id);

        Map<String, String> drl = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                if (f.getFileName().toString().endsWith(".drl")) {
                    drl.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(!drl.isEmpty(), id, "no .drl files");
        String pkg = packageFor(benefit, version);
        for (Map.Entry<String, String> e : drl.entrySet()) {
            Matcher m = PACKAGE.matcher(e.getValue());
            check(m.find() && m.group(1).equals(pkg), id, e.getKey() + " must declare 'package " + pkg + ";'");
            Matcher u = PARAM_USE.matcher(e.getValue());
            while (u.find()) {
                check(parameters.containsKey(u.group(2)), id,
                        e.getKey() + " uses parameter '" + u.group(2) + "' that parameters.yaml does not define");
            }
            check(!e.getValue().contains("date-effective") && !e.getValue().contains("date-expires"), id,
                    e.getKey() + ": date-effective/date-expires are forbidden; the version folder carries validity");
        }

        String sha = sha256(dir);
        KieBase kieBase = compiler.compile(id, pkg, drl, sha);

        List<RuleInfo> rules = new ArrayList<>();
        Map<String, LegalCitation> citations = new TreeMap<>();
        Map<String, String> ruleFile = ruleFiles(drl);
        Map<String, List<String>> ruleParams = ruleParameters(drl);
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule r : kp.getRules()) {
                String name = r.getName();
                check(RULE_ID.matcher(name).matches(), id, "rule name '" + name
                        + "' is not a citation-based id (art<n>[_ust<m>][_pkt<k>][_lit<x>]_<topic>)");
                Map<String, Object> md = r.getMetaData();
                String actId = meta(md, "act");
                check(actId != null && acts.containsKey(actId), id, "rule " + name + ": @act must name a legal_basis id");
                check(meta(md, "article") != null, id, "rule " + name + ": @article is required");
                check(meta(md, "description") != null, id, "rule " + name + ": @description is required");
                LegalCitation c = citation(acts.get(actId), md);
                citations.put(name, c);
                rules.add(new RuleInfo(name, ruleFile.get(name), meta(md, "description"), meta(md, "descriptionEn"), c,
                        ruleParams.getOrDefault(name, List.of())));
            }
        }
        rules.sort((a, b) -> a.id().compareTo(b.id()));
        return new RuleSet(id, benefit, version, dir, sha, manifest, parameters, List.copyOf(rules),
                Map.copyOf(citations), kieBase);
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

    private static Map<String, String> ruleFiles(Map<String, String> drl) {
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

    private static RuleSetManifest readManifest(Path file, String id) {
        check(Files.isRegularFile(file), id, MANIFEST + " is missing");
        try {
            return YAML.readValue(file.toFile(), RuleSetManifest.class);
        } catch (IOException e) {
            throw new RuleSetException(id + ": cannot read " + MANIFEST + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Parametr> readParameters(Path file, String id) {
        check(Files.isRegularFile(file), id, PARAMETERS + " is missing");
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new RuleSetException(id + ": cannot read " + PARAMETERS + ": " + e.getMessage(), e);
        }
        Map<String, Parametr> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode n = e.getValue();
            for (String required : List.of("description", "unit", "value", "legal_basis", "verified_on")) {
                check(n.hasNonNull(required), id, "parameter " + name + ": '" + required + "' is required");
            }
            String unit = n.get("unit").asText();
            Object value = value(n.get("value"), unit, id, name);
            out.put(name, new Parametr(name, n.get("description").asText(),
                    n.hasNonNull("description_en") ? n.get("description_en").asText() : null,
                    unit, value, n.get("legal_basis").asText(),
                    n.hasNonNull("href") ? n.get("href").asText() : null,
                    LocalDate.parse(n.get("verified_on").asText())));
        }
        return Map.copyOf(out);
    }

    private static Object value(JsonNode v, String unit, String id, String name) {
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
            check(v.isNumber(), id, "parameter " + name + ": value must be a number");
            return v.decimalValue().setScale(2, RoundingMode.UNNECESSARY);
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

    private static void check(boolean ok, String id, String message) {
        if (!ok) {
            throw new RuleSetException(id + ": " + message);
        }
    }
}
