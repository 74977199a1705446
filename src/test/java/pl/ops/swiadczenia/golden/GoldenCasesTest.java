package pl.ops.swiadczenia.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.EvaluationService;

/**
 * Runs every golden case of test-cases/ at engine level (no HTTP, no database): one dynamic test per case.
 * {@code -Dgolden.benefit=<benefit>} runs only that benefit's folder (and then tolerates other benefits' folders
 * that do not load, which helps while a new ruleset is being written).
 */
class GoldenCasesTest {
    private static RuleSetRegistry registry;
    private static final RuleEvaluator EVALUATOR = new RuleEvaluator();

    private static final String ONLY = System.getProperty("golden.benefit", "");

    @BeforeAll
    static void load() {
        registry = pl.ops.swiadczenia.golden.TestRegistry.get();
        if (ONLY.isBlank()) {
            assertThat(registry.failures()).isEmpty();
        } else {
            assertThat(registry.failures().keySet()).noneMatch(k -> k.startsWith(ONLY + "/") || k.startsWith("dochod_rodziny/"));
        }
    }

    private static final pl.ops.swiadczenia.ruleset.PresentationNames NAMES =
            pl.ops.swiadczenia.ruleset.PresentationNames.load(Path.of("rules"));

    private static String describe(com.fasterxml.jackson.databind.JsonNode result, String name, boolean pl) {
        List<String> ids = new java.util.ArrayList<>(List.of(result.path("rulesetId").asText()));
        result.path("modules").forEach(m -> ids.add(m.path("rulesetId").asText()));
        for (String id : ids) {
            String[] p = id.split("/");
            var rs = registry.find(p[0], java.time.LocalDate.parse(p[1]));
            if (rs.isPresent() && rs.get().describedParameter(name) != null) {
                return rs.get().describedParameter(name).opis();
            }
        }
        return null;
    }

    @TestFactory
    List<DynamicTest> goldenCases() {
        List<GoldenCase> cases = GoldenCase.load(ONLY.isBlank() ? Path.of("test-cases") : Path.of("test-cases", ONLY));
        assertThat(cases).as("golden cases").isNotEmpty();
        java.util.Set<String> exercised = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<DynamicTest> tests = new java.util.ArrayList<>(cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
            EvaluationRequest req = CanonicalJson.MAPPER.treeToValue(c.input(), EvaluationRequest.class);
            com.fasterxml.jackson.databind.JsonNode result = CanonicalJson.MAPPER.valueToTree(
                    EvaluationService.run(EVALUATOR, registry, req));
            exercised.add(result.path("rulesetId").asText());
            result.path("modules").forEach(m -> exercised.add(m.path("rulesetId").asText()));
            c.verify(result);
            // what people read of it names no code: every component, key figure, role and parameter has a display name
            com.fasterxml.jackson.databind.JsonNode view = pl.ops.swiadczenia.service.DecisionView.of(result, c.input(),
                    NAMES, (name, pl) -> describe(result, name, pl));
            assertThat(view.at("/pl/missingNames")).as("codes without a display name (rules/wspolne/nazwy.yaml, "
                    + "parameter descriptions)").isEmpty();
        })).toList());
        if (ONLY.isBlank()) {
            // issue 15, point 8: every released legal state – of a benefit or of a shared module – is decided by at
            // least one golden case (a state no case reaches has amounts no test checks); runs after every case
            tests.add(DynamicTest.dynamicTest("every released legal state is exercised by a golden case", () -> {
                List<String> never = registry.all().stream().filter(rs -> rs.released() && rs.fromHistory())
                        .map(pl.ops.swiadczenia.ruleset.RuleSet::id).filter(id -> !exercised.contains(id)).sorted().toList();
                assertThat(never).as("released legal states no golden case decides under (add a case with its source)")
                        .isEmpty();
            }));
        }
        return tests;
    }
}
