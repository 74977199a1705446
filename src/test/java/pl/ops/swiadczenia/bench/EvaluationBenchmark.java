package pl.ops.swiadczenia.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.golden.GoldenCase;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.EvaluationService;

/**
 * Speed of one evaluation (shared income module + benefit: new sessions, all rules, explanation, canonical JSON)
 * and of compiling one version.
 * Inputs are golden cases: W2 (złotówka za złotówkę) and the richest case of dodatki.yaml.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluationBenchmark {
    private final RuleEvaluator evaluator = new RuleEvaluator();
    private pl.ops.swiadczenia.ruleset.RuleSetRegistry registry;
    private EvaluationRequest w2;
    private EvaluationRequest large;

    @Setup
    public void setUp() throws Exception {
        registry = pl.ops.swiadczenia.ruleset.RuleSetRegistry.load(Path.of("rules"),
                new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)));
        var cases = GoldenCase.load(Path.of("test-cases/zasilek_rodzinny"));
        w2 = CanonicalJson.MAPPER.treeToValue(cases.stream().filter(c -> c.name().startsWith("W2 ")).findFirst()
                .orElseThrow().input(), EvaluationRequest.class);
        // the case with the most persons: the heaviest evaluation among the golden cases
        GoldenCase biggest = cases.stream().max((a, b) -> Integer.compare(
                a.input().at("/wniosek/czlonkowieRodziny").size(), b.input().at("/wniosek/czlonkowieRodziny").size()))
                .orElseThrow();
        large = CanonicalJson.MAPPER.treeToValue(biggest.input(), EvaluationRequest.class);
    }

    @Benchmark
    public String evaluateW2ToCanonicalJson() {
        Evaluation e = EvaluationService.run(evaluator, registry, w2);
        return CanonicalJson.write(e);
    }

    @Benchmark
    public Evaluation evaluateLargestFamily() {
        return EvaluationService.run(evaluator, registry, large);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public pl.ops.swiadczenia.ruleset.RuleSet compileOneVersion() {
        return new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL))
                .load(Path.of("rules/zasilek_rodzinny/2016-11-01"));
    }
}
