package pl.ops.swiadczenia.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link EvaluationBenchmark} with JMH, only on demand:
 * {@code ./mvnw test -Dtest=EvaluationBenchmarkRunner -Dbench=true}. Results: target/jmh-result.json.
 * Speed and memory targets live here, not in timed unit tests.
 */
class EvaluationBenchmarkRunner {

    @Test
    @EnabledIfSystemProperty(named = "bench", matches = "true")
    void runBenchmarks() throws Exception {
        Options opt = new OptionsBuilder()
                .include(EvaluationBenchmark.class.getSimpleName() + "." + System.getProperty("bench.include", ".*"))
                .threads(Integer.getInteger("bench.threads", 1))
                .forks(1)
                .warmupIterations(Integer.getInteger("bench.warmup", 3))
                .measurementIterations(Integer.getInteger("bench.iterations", 5))
                .addProfiler(GCProfiler.class)
                // e.g. -Dbench.jvmArgs=-XX:StartFlightRecording=filename=target/bench.jfr,settings=profile
                .jvmArgsAppend(System.getProperty("bench.jvmArgs", "-Dbench.fork=true").split(" "))
                .resultFormat(ResultFormatType.JSON)
                .result("target/jmh-result.json")
                .build();
        new Runner(opt).run();
    }
}
