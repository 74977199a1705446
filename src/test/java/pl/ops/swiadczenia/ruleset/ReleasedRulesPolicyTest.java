package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every version folder under rules/ (released and draft, DRL and decision tables) passes the LEGACY policy
 * unchanged: the policy refuses nothing the law as published needs.
 */
class ReleasedRulesPolicyTest {
    @Test
    void everyFolderUnderRulesPassesTheLegacyPolicy() throws IOException {
        List<String> findings = new ArrayList<>();
        int files = 0;
        for (Path dir : RuleSetRegistry.versionDirs(Path.of("rules"))) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    String name = p.getFileName().toString();
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    if (name.endsWith(DecisionTables.SUFFIX)) {
                        text = DecisionTables.convert(name, text).drl();
                        assertThat(text).as(p.toString()).isNotNull();
                    } else if (!name.endsWith(".drl")) {
                        continue;
                    }
                    files++;
                    DrlPolicy.check(p.toString(), text, DrlPolicy.Level.LEGACY, DrlPolicy.LEGACY_FUNCTIONS)
                            .forEach(f -> findings.add(f.format()));
                }
            }
        }
        assertThat(files).isGreaterThan(500);
        assertThat(findings).isEmpty();
    }
}
