package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A released version folder never changes: its SHA-256 is locked in {@code rules/released.sha256} (one line
 * "hash  benefit/version"), and stored decisions carry that hash. A correction is a new version folder.
 * Releasing a version means adding its line to the lock file (the failure message prints it).
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
        StringBuilder expectedFile = new StringBuilder();
        actual.forEach((id, sha) -> expectedFile.append(sha).append("  ").append(id).append('\n'));
        assertThat(actual)
                .as("released folders must not change; a new released version needs its line in rules/released.sha256:\n"
                        + expectedFile)
                .isEqualTo(locked);
    }
}
