package pl.ops.swiadczenia.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import pl.ops.swiadczenia.decyzja.Outcome;
import pl.ops.swiadczenia.fakty.Wniosek;
import pl.ops.swiadczenia.ruleset.DrlPolicy;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.testsupport.UntrustedRules;

/**
 * Rules that keep re-activating each other (a counter modified for ever) pass the DRL policy, so the engine's limits
 * must stop them: the firing limit, and the time limit through the watchdog's halt. A stopped evaluation returns
 * nothing; the pooled session is reset and the next evaluation on the same version is correct.
 */
@Timeout(120)
class EvaluationLimitsTest {
    static RuleSet loop;
    static Wniosek looping;
    static Wniosek normal;
    static final LocalDate DATE = LocalDate.parse("2021-03-01");

    @BeforeAll
    static void load(@TempDir Path rules) throws Exception {
        Path dir = UntrustedRules.write(rules, UntrustedRules.LIMIT_BENEFIT, UntrustedRules.limitFolder());
        RuleSetLoader.Analysis a = new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)).analyse(dir);
        assertThat(a.findings()).as("the loop passes the policy and every other check")
                .noneMatch(f -> f.isError() || DrlPolicy.CHECK.equals(f.check()));
        loop = a.ruleSet();
        looping = wniosek(true);
        normal = wniosek(false);
    }

    static Wniosek wniosek(boolean income) throws Exception {
        return CanonicalJson.MAPPER.readValue(UntrustedRules.request(UntrustedRules.LIMIT_BENEFIT, income),
                EvaluationRequest.class).wniosek();
    }

    @Test
    void aLoopIsStoppedByTheFiringLimit() {
        RuleEvaluator evaluator = new RuleEvaluator(new RuleEvaluator.Limits(60_000, 1_000));
        assertThatThrownBy(() -> evaluator.evaluate(loop, DATE, looping))
                .isInstanceOfSatisfying(EvaluationLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(EvaluationLimitException.Limit.FIRINGS);
                    assertThat(e.value()).isEqualTo(1_000);
                    assertThat(e.rulesetId()).isEqualTo("proba_limitow/2020-01-01");
                    assertThat(e.getMessage()).contains("rules.evaluation.max-firings")
                            .contains("przekroczono limit liczby uruchomień reguł");
                })
                .isInstanceOf(EngineException.class);
    }

    @Test
    void aLoopIsHaltedByTheWatchdogWhenTheTimeIsUp() {
        RuleEvaluator evaluator = new RuleEvaluator(new RuleEvaluator.Limits(300, Integer.MAX_VALUE));
        long start = System.nanoTime();
        assertThatThrownBy(() -> evaluator.evaluate(loop, DATE, looping))
                .isInstanceOfSatisfying(EvaluationLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(EvaluationLimitException.Limit.TIME);
                    assertThat(e.value()).isEqualTo(300);
                    assertThat(e.getMessage()).contains("rules.evaluation.timeout-ms");
                });
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).as("stopped soon after the limit, not after the firing limit").isBetween(250L, 20_000L);
    }

    @Test
    void theNextEvaluationOnTheSameVersionIsCorrectAfterAStoppedOne() {
        RuleEvaluator byTime = new RuleEvaluator(new RuleEvaluator.Limits(100, Integer.MAX_VALUE));
        RuleEvaluator byFirings = new RuleEvaluator(new RuleEvaluator.Limits(60_000, 500));
        for (int i = 0; i < 6; i++) {
            RuleEvaluator stopped = i % 2 == 0 ? byTime : byFirings;
            assertThatThrownBy(() -> stopped.evaluate(loop, DATE, looping)).isInstanceOf(EvaluationLimitException.class);
            EngineResult r = byTime.evaluate(loop, DATE, normal);
            assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(r.firedRules()).containsExactly("art1_rozstrzygniecie");
        }
    }

    @Test
    void theLimitsComeFromSystemPropertiesWithDefaults() {
        assertThat(new RuleEvaluator.Limits(10_000, 200_000)).isEqualTo(new RuleEvaluator.Limits(
                RuleEvaluator.Limits.DEFAULT_TIMEOUT_MS, RuleEvaluator.Limits.DEFAULT_MAX_FIRINGS));
        String t = System.getProperty(RuleEvaluator.TIMEOUT_PROPERTY);
        String f = System.getProperty(RuleEvaluator.MAX_FIRINGS_PROPERTY);
        try {
            System.setProperty("rules.evaluation.timeout-ms", "750");
            System.setProperty("rules.evaluation.max-firings", "5000");
            assertThat(new RuleEvaluator().limits()).isEqualTo(new RuleEvaluator.Limits(750, 5_000));
            System.setProperty("rules.evaluation.timeout-ms", "dwie sekundy");
            assertThatThrownBy(RuleEvaluator::new).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rules.evaluation.timeout-ms");
            System.setProperty("rules.evaluation.timeout-ms", "0");
            assertThatThrownBy(RuleEvaluator::new).isInstanceOf(IllegalArgumentException.class);
        } finally {
            restore(RuleEvaluator.TIMEOUT_PROPERTY, t);
            restore(RuleEvaluator.MAX_FIRINGS_PROPERTY, f);
        }
    }

    @Test
    void evaluationsShareOneDaemonWatchdogThread() {
        RuleEvaluator evaluator = new RuleEvaluator(new RuleEvaluator.Limits(5_000, 200_000));
        evaluator.evaluate(loop, DATE, normal);
        List<Thread> before = watchdogs();
        for (int i = 0; i < 20; i++) {
            new RuleEvaluator(new RuleEvaluator.Limits(5_000, 200_000)).evaluate(loop, DATE, normal);
        }
        // no thread per evaluation (a Quarkus test in the same JVM loads the engine in its own class loader, with
        // its own watchdog, which may end meanwhile when idle)
        List<Thread> after = watchdogs();
        assertThat(after).isNotEmpty().allMatch(Thread::isDaemon);
        assertThat(after.size()).isLessThanOrEqualTo(before.size());
    }

    private static List<Thread> watchdogs() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("rules-evaluation-watchdog")).toList();
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
