package pl.ops.swiadczenia.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import pl.ops.swiadczenia.testsupport.IsolatedRulesProfile;
import pl.ops.swiadczenia.testsupport.UntrustedRules;

/**
 * The same malicious rules as {@link UntrustedRulesToolTest}, written into a benefit of the new form (a file added to
 * a logic folder of „Za życiem”, which its golden cases would run): the terminal's {@code validate rules/<benefit>}
 * refuses each with the logic file and line naming the construct, no golden case runs and nothing of it runs. A
 * valid history validates with its golden cases.
 */
@Timeout(300)
class UntrustedHistoryToolTest {
    private static final String BENEFIT = "jednorazowe_swiadczenie_za_zyciem";

    @Test
    void theBenefitAsItIsValidatesWithItsGoldenCases() {
        RulesToolTest.Run r = RulesToolTest.run("validate", "rules/" + BENEFIT);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("POPRAWNA / VALID").contains("Przypadki wzorcowe / golden cases")
                .contains("niezgodne / failed 0");
    }

    /**
     * Zasiłek rodzinny holds a draft state (2024-11-01) and a golden case (V14) that documents the law in force today:
     * "2024-11-01 is a draft, so 2021-11-01 decides". Validating the history runs the cases with the draft in force
     * (what-if); that case is reported as what the draft would change, not as a failure, so the benefit validates and
     * policy staff can upload changes to it.
     */
    @Test
    void aDraftStateTakingOverACaseOfTodaysLawIsReportedNotRefused() {
        RulesToolTest.Run r = RulesToolTest.run("validate", "rules/zasilek_rodzinny");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("POPRAWNA / VALID").contains("niezgodne / failed 0")
                .contains("V14").contains("expects zasilek_rodzinny/2021-11-01; the draft zasilek_rodzinny/2024-11-01 "
                        + "would decide it with the same outcome and amounts");
    }

    @Test
    void maliciousLogicIsRefusedWithFileAndLineAndNothingRuns(@TempDir Path tmp) throws Exception {
        Path pwned = tmp.resolve("pwned-by-rule.txt");
        for (UntrustedRules.Draft d : UntrustedRules.drafts(pwned)) {
            Path rules = Files.createTempDirectory(tmp, "rules-");
            IsolatedRulesProfile.copy(Path.of("rules", BENEFIT), rules.resolve(BENEFIT));
            IsolatedRulesProfile.copy(Path.of("rules", "wspolne"), rules.resolve("wspolne"));
            Files.writeString(rules.resolve(BENEFIT).resolve("logika/2017-01-01/zlosliwa.drl"), """
                    import pl.ops.swiadczenia.fakty.*;

                    rule "art1_zlosliwa"
                        @act("zazyciem") @article("1") @description("Reguła, która próbuje wyjść poza obliczenie")
                    when
                        Wniosek()
                    then
                        %s
                    end
                    """.formatted(d.payload()));
            RulesToolTest.Run r = RulesToolTest.run("validate", rules.resolve(BENEFIT).toString(), "--rules",
                    rules.toString());
            assertThat(r.exit()).as(d.key()).isEqualTo(1);
            assertThat(r.out()).as(d.key()).contains("NIEPOPRAWNA / INVALID")
                    .contains("logika/2017-01-01/zlosliwa.drl:8: ERROR [policy] niedozwolone w regułach: " + d.construct())
                    .doesNotContain("Przypadki wzorcowe / golden cases");
        }
        assertThat(pwned).as("the rule that writes a file never ran").doesNotExist();
    }
}
