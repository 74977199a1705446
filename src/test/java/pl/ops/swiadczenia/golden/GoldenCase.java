package pl.ops.swiadczenia.golden;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.assertj.core.api.SoftAssertions;

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

    /** Checks an evaluation (or stored decision) JSON against the expectations. */
    public void verify(JsonNode actual) {
        SoftAssertions s = new SoftAssertions();
        JsonNode e = expected;
        if (e.has("ruleset")) {
            s.assertThat(actual.path("rulesetId").asText()).as("ruleset").isEqualTo(e.get("ruleset").asText());
        }
        if (e.has("outcome")) {
            s.assertThat(actual.path("outcome").asText()).as("outcome").isEqualTo(e.get("outcome").asText());
        }
        if (e.has("total")) {
            s.assertThat(dec(actual.path("amounts").path("total"))).as("amounts.total")
                    .isEqualByComparingTo(dec(e.get("total")));
        }
        if (e.has("monthly")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.get("monthly").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                BigDecimal got = null;
                for (JsonNode month : actual.path("amounts").path("monthly")) {
                    if (month.path("month").asText().equals(m.getKey())) {
                        got = dec(month.path("total"));
                    }
                }
                if (got == null) {
                    got = BigDecimal.ZERO;
                }
                s.assertThat(got).as("amounts.monthly[" + m.getKey() + "]").isEqualByComparingTo(dec(m.getValue()));
            }
        }
        if (e.has("key_figures")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.get("key_figures").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> k = it.next();
                JsonNode got = actual.path("keyFigures").path(k.getKey());
                if (k.getValue().isNumber()) {
                    s.assertThat(got.isNumber()).as("keyFigures." + k.getKey() + " present").isTrue();
                    if (got.isNumber()) {
                        s.assertThat(got.decimalValue()).as("keyFigures." + k.getKey()).isEqualByComparingTo(k.getValue().decimalValue());
                    }
                } else {
                    s.assertThat(got.asText()).as("keyFigures." + k.getKey()).isEqualTo(k.getValue().asText());
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
                s.assertThat(found).as("component " + comp + "/" + child).isNotNull();
                if (found != null) {
                    if (c.has("total")) {
                        s.assertThat(dec(found.path("total"))).as("component " + comp + "/" + child + " total")
                                .isEqualByComparingTo(dec(c.get("total")));
                    }
                    if (c.has("months")) {
                        s.assertThat(found.path("months").asInt()).as("component " + comp + "/" + child + " months")
                                .isEqualTo(c.get("months").asInt());
                    }
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
                s.assertThat(got).as("perChild." + k.getKey()).isEqualByComparingTo(dec(k.getValue()));
            }
        }
        List<String> fired = new ArrayList<>();
        actual.path("firedRules").forEach(n -> fired.add(n.asText()));
        if (e.has("rules_fired")) {
            e.get("rules_fired").forEach(r -> s.assertThat(fired).as("rules fired").contains(r.asText()));
        }
        if (e.has("rules_not_fired")) {
            e.get("rules_not_fired").forEach(r -> s.assertThat(fired).as("rules not fired").doesNotContain(r.asText()));
        }
        if (e.has("explanation_contains")) {
            StringBuilder all = new StringBuilder();
            actual.path("explanation").forEach(st -> all.append(st.path("textPl").asText()).append('\n'));
            e.get("explanation_contains").forEach(t -> s.assertThat(all.toString()).as("explanation").contains(t.asText()));
        }
        // every explanation step cites its provision
        actual.path("explanation").forEach(st -> s.assertThat(st.path("legalBasis").path("text").asText())
                .as("step " + st.path("ruleId").asText() + " cites the law").containsPattern("(art\\.|§) ?\\d"));
        s.assertAll();
    }

    private static BigDecimal dec(JsonNode n) {
        assertThat(n.isNumber() || n.isTextual()).as("number expected: " + n).isTrue();
        return new BigDecimal(n.asText());
    }
}
