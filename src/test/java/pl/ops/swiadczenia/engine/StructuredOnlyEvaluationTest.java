package pl.ops.swiadczenia.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.decyzja.ExplanationStep;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.EvaluationService;

/**
 * The measuring aid of docs/performance.md: an evaluation without the templates' texts keeps every step's structured
 * form (rule id, values, citation, parameters) exactly as the full evaluation has it, and the same amounts.
 */
class StructuredOnlyEvaluationTest {

    @Test
    void withoutTextsEveryStepKeepsItsStructuredForm() throws Exception {
        RuleSetRegistry registry = RuleSetRegistry.load(Path.of("rules"),
                new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)),
                b -> b.equals("zasilek_rodzinny") || b.equals("dochod_rodziny"));
        EvaluationRequest family5 = CanonicalJson.MAPPER.readValue(
                Files.readString(Path.of("src/test/resources/bench/zr-rodzina-5-osob.json")), EvaluationRequest.class);
        Evaluation full = EvaluationService.run(new RuleEvaluator(), registry, family5);
        Evaluation bare = EvaluationService.run(new RuleEvaluator(RuleEvaluator.Limits.fromSystemProperties(), false),
                registry, family5);
        assertThat(CanonicalJson.write(bare.amounts())).isEqualTo(CanonicalJson.write(full.amounts()));
        List<ExplanationStep> a = full.explanation();
        List<ExplanationStep> b = bare.explanation();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).ruleId()).isEqualTo(a.get(i).ruleId());
            assertThat(b.get(i).values()).isEqualTo(a.get(i).values());
            assertThat(b.get(i).legalBasis()).isEqualTo(a.get(i).legalBasis());
            assertThat(b.get(i).parameters()).isEqualTo(a.get(i).parameters());
            assertThat(a.get(i).textPl()).isNotBlank();
            assertThat(b.get(i).textPl()).isNull();
            assertThat(b.get(i).textEn()).isNull();
        }
    }
}
