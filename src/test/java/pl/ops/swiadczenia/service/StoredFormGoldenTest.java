package pl.ops.swiadczenia.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.golden.GoldenCase;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;

/**
 * The stored form is written directly from the evaluation (fast path); it must be byte for byte what replacing the
 * citations and parameter uses in the tree of the full form gives (the form decisions were stored in), with the same
 * catalogue – on every golden case that decides, so replay of stored decisions stays IDENTICAL.
 */
class StoredFormGoldenTest {

    /** The reference: the full form's tree with each citation and parameter use replaced by its reference. */
    static StoredForm.Compacted throughTheTree(Evaluation e) {
        JsonNode tree = CanonicalJson.MAPPER.valueToTree(e);
        Map<String, String> catalogue = new TreeMap<>();
        for (JsonNode step : tree.path("explanation")) {
            ObjectNode s = (ObjectNode) step;
            JsonNode basis = s.get("legalBasis");
            if (basis != null && basis.isObject()) {
                s.set("legalBasis", TextNode.valueOf(ref(basis, catalogue)));
            }
            JsonNode params = s.get("parameters");
            if (params != null && params.isArray()) {
                ArrayNode refs = CanonicalJson.MAPPER.createArrayNode();
                params.forEach(p -> refs.add(ref(p, catalogue)));
                s.set("parameters", refs);
            }
        }
        return new StoredForm.Compacted(CanonicalJson.write(tree), catalogue);
    }

    private static String ref(JsonNode entry, Map<String, String> catalogue) {
        String json = CanonicalJson.write(entry);
        String k = StoredForm.key(json);
        catalogue.put(k, json);
        return k;
    }

    @Test
    void theStoredFormOfEveryGoldenCaseIsWhatTheTreeGives() throws Exception {
        RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"),
                new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)));
        RuleEvaluator evaluator = new RuleEvaluator();
        int compared = 0;
        try (Stream<Path> dirs = Files.list(Path.of("test-cases"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                for (GoldenCase c : GoldenCase.load(dir)) {
                    Evaluation e;
                    try {
                        e = EvaluationService.run(evaluator, registry,
                                CanonicalJson.MAPPER.treeToValue(c.input(), EvaluationRequest.class));
                    } catch (RuntimeException refused) {
                        continue; // cases that end in 400/422 have no stored result
                    }
                    // twice: the second run takes the keys from the cache
                    for (int i = 0; i < 2; i++) {
                        StoredForm.Compacted fast = StoredForm.compact(e);
                        StoredForm.Compacted tree = throughTheTree(e);
                        assertThat(fast.json()).as(c.name()).isEqualTo(tree.json());
                        assertThat(fast.catalogue()).as(c.name()).isEqualTo(tree.catalogue());
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).as("golden cases that decide").isGreaterThan(400);
    }
}
