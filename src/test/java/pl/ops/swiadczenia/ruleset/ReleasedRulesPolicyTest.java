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
 * Every DRL under rules/ passes the policy at its level, unchanged: version folders (released and draft, DRL and
 * decision tables) and logic folders of benefits carried over unchanged at LEGACY; logic of benefits in the strict
 * style and of the shared concepts at STRICT (concepts may define only the allow-listed functions). The policy
 * refuses nothing the law as published needs.
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
        for (Path benefit : RuleSetRegistry.historyDirs(Path.of("rules"))) {
            boolean strict = Files.readString(benefit.resolve(HistoryLoader.MANIFEST)).contains("rule_style: strict");
            files += checkLogic(benefit, strict ? DrlPolicy.Level.STRICT : DrlPolicy.Level.LEGACY,
                    strict ? java.util.Set.of() : DrlPolicy.LEGACY_FUNCTIONS, findings);
        }
        Path concepts = Path.of("rules", HistoryLoader.CONCEPTS_DIR);
        java.util.Set<String> allowed = HistoryLoader.allowedFunctions(concepts, new ArrayList<>());
        try (Stream<Path> s = Files.list(concepts)) {
            for (Path c : s.filter(Files::isDirectory).sorted().toList()) {
                files += checkLogic(c, DrlPolicy.Level.STRICT, allowed, findings);
            }
        }
        assertThat(files).as("DRL files checked (all benefits, concepts)").isGreaterThan(100);
        assertThat(findings).isEmpty();
    }

    private static int checkLogic(Path dir, DrlPolicy.Level level, java.util.Set<String> functions, List<String> findings)
            throws IOException {
        int files = 0;
        Path logic = dir.resolve(HistoryLoader.LOGIC_DIR);
        if (!Files.isDirectory(logic)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(logic)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".drl")).sorted().toList()) {
                files++;
                DrlPolicy.check(p.toString(), Files.readString(p, StandardCharsets.UTF_8), level, functions)
                        .forEach(f -> findings.add(f.format()));
            }
        }
        return files;
    }
}
