package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A released legal state never changes: its SHA-256 is locked in {@code rules/released.sha256} (one line
 * "hash  benefit/version"), and stored decisions carry that hash. For a version folder the hash is over its files;
 * for a benefit written as a dated history it is the content hash of the derived state (resolved logic, parameter
 * values in force, concepts, templates, fact-model source: docs/adr/0014-law-as-data.md), so adding a value dated
 * later does not change it, but editing what a past state decides with does. Releasing means adding its line (the
 * failure message prints the expected file). Folders of the retired representation are listed in
 * {@code rules/retired.sha256} and must no longer exist.
 */
class ReleasedRulesetsLockTest {

    @Test
    void everyReleasedVersionMatchesItsLockedHash() throws IOException {
        Map<String, String> locked = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("rules/released.sha256"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] p = line.trim().split("\\s+");
                locked.put(p[1], p[0]);
            }
        }
        Map<String, String> actual = new TreeMap<>();
        for (Path dir : RuleSetRegistry.versionDirs(Path.of("rules"))) {
            String manifest = Files.readString(dir.resolve(RuleSetLoader.MANIFEST));
            if (manifest.lines().anyMatch(l -> l.trim().equals("status: released"))) {
                actual.put(dir.getParent().getFileName() + "/" + dir.getFileName(), RuleSetLoader.sha256(dir));
            }
        }
        for (RuleSet rs : pl.ops.swiadczenia.golden.TestRegistry.get().all()) {
            if (rs.fromHistory() && rs.released()) {
                actual.put(rs.id(), rs.sha256());
            }
        }
        StringBuilder expectedFile = new StringBuilder();
        actual.forEach((id, sha) -> expectedFile.append(sha).append("  ").append(id).append('\n'));
        assertThat(actual)
                .as("released folders must not change; a new released version needs its line in rules/released.sha256:\n"
                        + expectedFile)
                .isEqualTo(locked);
    }

    @Test
    void retiredFoldersAreGoneAndNotLocked() throws IOException {
        Map<String, String> retired = RuleSetRegistry.readRetired(Path.of("rules", RuleSetRegistry.RETIRED_FILE));
        for (Map.Entry<String, String> e : retired.entrySet()) {
            assertThat(Path.of("rules", e.getValue())).as("retired folder %s must be removed", e.getValue()).doesNotExist();
        }
        assertThat(Files.readString(Path.of("rules/released.sha256"))).as("a retired hash stays out of the lock file")
                .doesNotContain(retired.keySet().stream().findFirst().orElse("-none-"));
    }
}
