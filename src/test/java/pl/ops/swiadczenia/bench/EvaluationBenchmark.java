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
    private EvaluationRequest family5;
    private EvaluationRequest fundusz;
    private EvaluationRequest mieszkaniowy;

    @Setup
    public void setUp() throws Exception {
        // the forked benchmark JVM has no Quarkus log configuration: without this, Drools' TRACE messages are
        // formatted on every propagation (a fifth of the measured time), which the service (INFO) never does
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
        if (org.slf4j.LoggerFactory.getLogger("org.drools.core.phreak.RuleExecutor").isTraceEnabled()) {
            throw new IllegalStateException("Drools TRACE logging is on: the figures would measure log formatting");
        }
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
        family5 = CanonicalJson.MAPPER.readValue(java.nio.file.Files.readString(
                Path.of("src/test/resources/bench/zr-rodzina-5-osob.json")), EvaluationRequest.class);
        fundusz = firstWorkedExample("swiadczenie_z_funduszu_alimentacyjnego");
        mieszkaniowy = firstWorkedExample("dodatek_mieszkaniowy");
        // the hand-written baseline must compute the same amounts as the rules, or the ratio means nothing
        Evaluation e = EvaluationService.run(evaluator, registry, family5);
        HandWrittenZasilekRodzinny.Result h = HandWrittenZasilekRodzinny.evaluate(family5);
        if (e.amounts().total().compareTo(h.total()) != 0) {
            throw new IllegalStateException("baseline " + h.total() + " ≠ engine " + e.amounts().total());
        }
        e.amounts().monthly().forEach(m -> {
            if (h.monthly().get(m.month()).compareTo(m.total()) != 0) {
                throw new IllegalStateException("baseline differs in " + m.month());
            }
        });
    }

    private EvaluationRequest firstWorkedExample(String benefit) throws Exception {
        GoldenCase c = GoldenCase.load(Path.of("test-cases", benefit)).stream()
                .filter(GoldenCase::workedExample).findFirst()
                .orElseGet(() -> GoldenCase.load(Path.of("test-cases", benefit)).get(0));
        return CanonicalJson.MAPPER.treeToValue(c.input(), EvaluationRequest.class);
    }

    /** Zasiłek rodzinny, family of 5: four children, dodatki art. 11a and 12a, złotówka za złotówkę, explanation. */
    @Benchmark
    public String zasilekRodzinnyFamilyOf5Engine() {
        return CanonicalJson.write(EvaluationService.run(evaluator, registry, family5));
    }

    /**
     * The same evaluation written as the service stores it: the full explanation (every step, its text in Polish and
     * English, values, citation and parameters), citations and parameters by reference to the catalogue.
     */
    @Benchmark
    public String zasilekRodzinnyFamilyOf5EngineStoredForm() {
        return pl.ops.swiadczenia.service.StoredForm.compact(EvaluationService.run(evaluator, registry, family5)).json();
    }

    private final RuleEvaluator structuredOnly = new RuleEvaluator(RuleEvaluator.Limits.fromSystemProperties(), false);

    /**
     * Measuring aid, not what the service does: the stored form with the structured explanation only (rule ids,
     * values, citations, parameters – no Polish or English text), i.e. the cost of the design in docs/performance.md
     * where texts are rendered when a decision is read.
     */
    @Benchmark
    public String zasilekRodzinnyFamilyOf5EngineStructuredOnly() {
        return pl.ops.swiadczenia.service.StoredForm.compact(EvaluationService.run(structuredOnly, registry, family5)).json();
    }

    /** The same case computed by hand-written Java (benchmark baseline only). */
    @Benchmark
    public Object zasilekRodzinnyFamilyOf5HandWritten() {
        return HandWrittenZasilekRodzinny.evaluate(family5);
    }

    /** An income-tested benefit of issue 3 with the shared income module: fundusz alimentacyjny. */
    @Benchmark
    public String funduszAlimentacyjny() {
        return CanonicalJson.write(EvaluationService.run(evaluator, registry, fundusz));
    }

    /** Dodatek mieszkaniowy (income, floor area, expenses). */
    @Benchmark
    public String dodatekMieszkaniowy() {
        return CanonicalJson.write(EvaluationService.run(evaluator, registry, mieszkaniowy));
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
                .load(Path.of("src/test/resources/fixtures/rules-folders/zasilek_rodzinny/2016-11-01"));
    }
}
