package pl.ops.swiadczenia.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.EvaluationService;

/** Runs every golden case of test-cases/ at engine level (no HTTP, no database): one dynamic test per case. */
class GoldenCasesTest {
    private static RuleSetRegistry registry;
    private static final RuleEvaluator EVALUATOR = new RuleEvaluator();

    @BeforeAll
    static void load() {
        registry = RuleSetRegistry.load(Path.of("rules"), new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)));
        assertThat(registry.failures()).isEmpty();
    }

    @TestFactory
    List<DynamicTest> goldenCases() {
        List<GoldenCase> cases = GoldenCase.load(Path.of("test-cases"));
        assertThat(cases).as("golden cases").isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
            EvaluationRequest req = CanonicalJson.MAPPER.treeToValue(c.input(), EvaluationRequest.class);
            RuleSet rs = registry.select(req.benefit(), req.legalDate());
            c.verify(CanonicalJson.MAPPER.valueToTree(EvaluationService.run(EVALUATOR, rs, req)));
        })).toList();
    }
}
