package pl.ops.swiadczenia.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One golden case from {@code test-cases/<benefit>/*.yaml}: the input is exactly an API request body; the
 * expectations come from the law or a worked example. Assertions work on the JSON of an evaluation, so the
 * same case can be checked at engine level and through the REST API.
 */
public record GoldenCase(String file, String name, JsonNode input, JsonNode expected, boolean workedExample) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Set<String> EXPECTED_KEYS = Set.of("ruleset", "outcome", "total", "monthly", "key_figures",
            "components", "per_child", "rules_fired", "rules_not_fired", "explanation_contains");

    public static List<GoldenCase> load(Path root) {
        List<GoldenCase> out = new ArrayList<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode doc = YAML.readTree(f.toFile());
                if (doc == null || !doc.isArray()) {
                    throw new IllegalStateException(f + ": a test-case file is a YAML list of cases");
                }
                Set<String> names = new HashSet<>();
                for (JsonNode c : doc) {
                    String name = c.path("name").asText(null);
                    if (name == null || !names.add(name)) {
                        throw new IllegalStateException(f + ": each case needs a unique name: " + name);
                    }
                    if (!c.has("input") || !c.has("expected")) {
                        throw new IllegalStateException(f + " › " + name + ": input and expected are required");
                    }
                    for (Iterator<String> it = c.get("expected").fieldNames(); it.hasNext(); ) {
                        String k = it.next();
                        if (!EXPECTED_KEYS.contains(k)) {
                            throw new IllegalStateException(f + " › " + name + ": unknown expected key " + k);
                        }
                    }
                    out.add(new GoldenCase(root.relativize(f).toString(), name, c.get("input"), c.get("expected"),
                            c.path("worked_example").asBoolean(false)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public String displayName() {
        return file + " › " + name;
    }

    /** Checks an evaluation (or stored decision) JSON against the expectations; throws listing every mismatch. */
    public void verify(JsonNode actual) {
        List<String> m = mismatches(actual);
        if (!m.isEmpty()) {
            throw new AssertionError(displayName() + ":\n  " + String.join("\n  ", m));
        }
    }

    /** Every expectation the evaluation JSON does not meet, as "what: expected … but was …"; empty when it passes. */
    public List<String> mismatches(JsonNode actual) {
        return mismatches(actual, true);
    }

    /**
     * As {@link #mismatches(JsonNode)}; {@code checkRuleset=false} skips the expected ruleset id (used when a case
     * is run against a candidate version on purpose).
     */
    public List<String> mismatches(JsonNode actual, boolean checkRuleset) {
        List<String> out = new ArrayList<>();
        JsonNode e = expected;
        if (checkRuleset && e.has("ruleset")) {
            eq(out, "ruleset", e.get("ruleset").asText(), actual.path("rulesetId").asText());
        }
        if (e.has("outcome")) {
            eq(out, "outcome", e.get("outcome").asText(), actual.path("outcome").asText());
        }
        if (e.has("total")) {
            num(out, "amounts.total", dec(e.get("total")), dec(actual.path("amounts").path("total")));
        }
        if (e.has("monthly")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.get("monthly").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                BigDecimal got = BigDecimal.ZERO;
                for (JsonNode month : actual.path("amounts").path("monthly")) {
                    if (month.path("month").asText().equals(m.getKey())) {
                        got = dec(month.path("total"));
                    }
                }
                num(out, "amounts.monthly[" + m.getKey() + "]", dec(m.getValue()), got);
            }
        }
        if (e.has("key_figures")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.get("key_figures").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> k = it.next();
                JsonNode got = actual.path("keyFigures").path(k.getKey());
                if (k.getValue().isNumber()) {
                    if (!got.isNumber()) {
                        out.add("keyFigures." + k.getKey() + ": expected " + k.getValue().asText() + " but it is missing");
                    } else {
                        num(out, "keyFigures." + k.getKey(), k.getValue().decimalValue(), got.decimalValue());
                    }
                } else {
                    eq(out, "keyFigures." + k.getKey(), k.getValue().asText(), got.asText());
                }
            }
        }
        if (e.has("components")) {
            for (JsonNode c : e.get("components")) {
                String comp = c.path("component").asText();
                String child = c.hasNonNull("child") ? c.get("child").asText() : null;
                JsonNode found = null;
                for (JsonNode a : actual.path("amounts").path("components")) {
                    String ac = a.path("childId").isNull() ? null : a.path("childId").asText(null);
                    if (a.path("component").asText().equals(comp) && java.util.Objects.equals(ac, child)) {
                        found = a;
                    }
                }
                String what = "component " + comp + "/" + child;
                if (found == null) {
                    out.add(what + ": expected but not granted");
                    continue;
                }
                if (c.has("total")) {
                    num(out, what + " total", dec(c.get("total")), dec(found.path("total")));
                }
                if (c.has("months")) {
                    eq(out, what + " months", c.get("months").asText(), found.path("months").asText());
                }
            }
        }
        if (e.has("per_child")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.get("per_child").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> k = it.next();
                BigDecimal got = BigDecimal.ZERO;
                for (JsonNode a : actual.path("amounts").path("perChild")) {
                    if (a.path("childId").asText().equals(k.getKey())) {
                        got = dec(a.path("total"));
                    }
                }
                num(out, "perChild." + k.getKey(), dec(k.getValue()), got);
            }
        }
        List<String> fired = new ArrayList<>();
        actual.path("firedRules").forEach(n -> fired.add(n.asText()));
        if (e.has("rules_fired")) {
            e.get("rules_fired").forEach(r -> {
                if (!fired.contains(r.asText())) {
                    out.add("rule " + r.asText() + ": expected to fire but did not");
                }
            });
        }
        if (e.has("rules_not_fired")) {
            e.get("rules_not_fired").forEach(r -> {
                if (fired.contains(r.asText())) {
                    out.add("rule " + r.asText() + ": expected not to fire but fired");
                }
            });
        }
        if (e.has("explanation_contains")) {
            StringBuilder all = new StringBuilder();
            actual.path("explanation").forEach(st -> all.append(st.path("textPl").asText()).append('\n'));
            e.get("explanation_contains").forEach(t -> {
                if (!all.toString().contains(t.asText())) {
                    out.add("explanation: expected to contain \"" + t.asText() + "\"");
                }
            });
        }
        // every explanation step cites its provision
        java.util.regex.Pattern cites = java.util.regex.Pattern.compile("(art\\.|§) ?\\d");
        actual.path("explanation").forEach(st -> {
            if (!cites.matcher(st.path("legalBasis").path("text").asText()).find()) {
                out.add("step " + st.path("ruleId").asText() + ": does not cite the law");
            }
        });
        return out;
    }

    private static void eq(List<String> out, String what, String expected, String actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            out.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static void num(List<String> out, String what, BigDecimal expected, BigDecimal actual) {
        if (expected == null || actual == null || expected.compareTo(actual) != 0) {
            out.add(what + ": expected " + (expected == null ? "a number" : expected.toPlainString()) + " but was "
                    + (actual == null ? "missing" : actual.toPlainString()));
        }
    }

    private static BigDecimal dec(JsonNode n) {
        if (n == null || !(n.isNumber() || n.isTextual())) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        try {
            return new BigDecimal(n.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
