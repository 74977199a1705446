package pl.ops.swiadczenia.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.UntrustedRules;

/**
 * The terminal's {@code validate} on malicious drafts (write a file, read the environment, run a command, use
 * reflection, loop forever in a consequence): each is refused with file:line naming the construct, and nothing of it
 * runs, although a golden case of the benefit would run the version's rules if it were compiled.
 */
@Timeout(120)
class UntrustedRulesToolTest {
    @Test
    void maliciousDraftsAreRefusedWithFileAndLineAndNothingRuns(@TempDir Path tmp) throws Exception {
        Path pwned = tmp.resolve("pwned-by-rule.txt");
        for (UntrustedRules.Draft d : UntrustedRules.drafts(pwned)) {
            Path work = Files.createTempDirectory(tmp, "draft-");
            Path rules = work.resolve("rules");
            Path cases = Files.createDirectories(work.resolve("test-cases").resolve(UntrustedRules.POLICY_BENEFIT));
            Files.writeString(cases.resolve("przypadki.yaml"), UntrustedRules.goldenCase(UntrustedRules.POLICY_BENEFIT));
            Path dir = UntrustedRules.write(rules, UntrustedRules.POLICY_BENEFIT, UntrustedRules.policyFolder(d));

            RulesToolTest.Run r = RulesToolTest.run("validate", dir.toString(), "--rules", rules.toString(),
                    "--test-cases", work.resolve("test-cases").toString());
            assertThat(r.exit()).as(d.key()).isEqualTo(1);
            assertThat(r.out()).as(d.key()).contains("NIEPOPRAWNA / INVALID")
                    .contains(UntrustedRules.FILE + ":" + UntrustedRules.PAYLOAD_LINE
                            + ": ERROR [policy] niedozwolone w regułach: " + d.construct() + " (")
                    .contains("not allowed in rules: " + d.construct())
                    .doesNotContain("Przypadki wzorcowe / golden cases");

            RulesToolTest.Run json = RulesToolTest.run("validate", dir.toString(), "--rules", rules.toString(),
                    "--test-cases", work.resolve("test-cases").toString(), "--json");
            JsonNode report = CanonicalJson.tree(json.out());
            assertThat(report.get("valid").asBoolean()).isFalse();
            assertThat(report.path("goldenCases").isMissingNode() || report.get("goldenCases").isNull())
                    .as(d.key() + ": no golden case ran").isTrue();
            assertThat(report.get("findings").toString()).contains("\"check\":\"policy\"")
                    .contains("\"file\":\"" + UntrustedRules.FILE + "\",\"line\":" + UntrustedRules.PAYLOAD_LINE);
        }
        assertThat(pwned).as("the rule that writes a file never ran").doesNotExist();
    }
}
