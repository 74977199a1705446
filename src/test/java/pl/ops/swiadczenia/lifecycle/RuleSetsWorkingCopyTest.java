package pl.ops.swiadczenia.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.ops.swiadczenia.config.RulesConfig;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.testsupport.TreeHash;

/**
 * The service's working copy of the rules (issue 13 point 1): made from rules.dir at start-up, never rules.dir itself,
 * inside it or around it; a configured directory is emptied only if it is empty or a working copy made before; a scan
 * brings in exactly the files changed in rules.dir since the last copy and leaves the rest of the working copy alone.
 */
class RuleSetsWorkingCopyTest {
    @TempDir
    Path tmp;

    static RuleSets ruleSets(Path source, String workDir) {
        RuleSets r = new RuleSets();
        r.config = new RulesConfig() {
            @Override
            public String dir() {
                return source.toString();
            }

            @Override
            public Optional<String> workDir() {
                return Optional.ofNullable(workDir);
            }

            @Override
            public String testCasesDir() {
                return "test-cases";
            }

            @Override
            public Optional<String> cacheDir() {
                return Optional.empty();
            }

            @Override
            public RuleCompiler.Mode mode() {
                return RuleCompiler.Mode.EXEC_MODEL;
            }
        };
        return r;
    }

    Path source() throws Exception {
        Path s = tmp.resolve("rules");
        Files.createDirectories(s.resolve("swiadczenie/parametry"));
        Files.writeString(s.resolve("swiadczenie/benefit.yaml"), "name: x\n");
        Files.writeString(s.resolve("swiadczenie/parametry/kwota.yaml"), "values: {}\n");
        Files.writeString(s.resolve("released.sha256"), "abc  swiadczenie/2020-01-01\n");
        Files.createDirectories(s.resolve(".staging/old"));
        Files.writeString(s.resolve(".staging/old/left-over.txt"), "from the time the service wrote here\n");
        return s;
    }

    @Test
    void refusesAWorkingCopyThatIsTheRulesDirectoryLiesInsideItOrContainsIt() throws Exception {
        Path source = source();
        String before = TreeHash.of(source);
        for (Path bad : new Path[] {source, source.resolve("served"), source.resolve("swiadczenie"), tmp,
                source.resolve("x/../served")}) {
            assertThatThrownBy(() -> ruleSets(source, bad.toString()).prepareWorkingCopy()).as(bad.toString())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("rules.work-dir (RULES_WORK_DIR)")
                    .hasMessageContaining("must not be the rules directory");
        }
        // also through a symbolic link to the rules directory
        Path link = Files.createSymbolicLink(tmp.resolve("link"), source);
        assertThatThrownBy(() -> ruleSets(source, link.resolve("served").toString()).prepareWorkingCopy())
                .hasMessageContaining("must not be the rules directory");
        assertThat(TreeHash.of(source)).isEqualTo(before);
    }

    @Test
    void aConfiguredDirectoryIsFilledFromTheRulesAndEmptiedOnlyIfItIsAWorkingCopy() throws Exception {
        Path source = source();
        String before = TreeHash.of(source);
        Path foreign = Files.createDirectories(tmp.resolve("someones-files"));
        Files.writeString(foreign.resolve("important.txt"), "keep me");
        assertThatThrownBy(() -> ruleSets(source, foreign.toString()).prepareWorkingCopy())
                .hasMessageContaining("neither empty nor a working copy");
        assertThat(foreign.resolve("important.txt")).hasContent("keep me");

        Path served = tmp.resolve("served");
        RuleSets r = ruleSets(source, served.toString());
        assertThat(r.prepareWorkingCopy()).isEqualTo(served);
        assertThat(r.root()).isEqualTo(served);
        assertThat(r.source()).isEqualTo(source);
        assertThat(served.resolve("swiadczenie/parametry/kwota.yaml")).hasContent("values: {}");
        assertThat(served.resolve("released.sha256")).hasSameTextualContentAs(source.resolve("released.sha256"));
        assertThat(served.resolve(".staging")).as("hidden top-level entries of the rules are not copied").doesNotExist();
        assertThat(served.resolve(RuleSets.WORK_MARKER)).exists();

        // the next start empties it and copies again; the shutdown never removes a configured directory
        Files.writeString(served.resolve("swiadczenie/uploaded.yaml"), "x: 1\n");
        ruleSets(source, served.toString()).prepareWorkingCopy();
        assertThat(served.resolve("swiadczenie/uploaded.yaml")).doesNotExist();
        r.removeRebuiltReleases();
        assertThat(served.resolve("swiadczenie/benefit.yaml")).exists();
        assertThat(TreeHash.of(source)).isEqualTo(before);
    }

    @Test
    void unsetItIsATemporaryDirectoryRemovedAtShutdown() throws Exception {
        Path source = source();
        RuleSets r = ruleSets(source, null);
        Path work = r.prepareWorkingCopy();
        assertThat(work.getFileName().toString()).startsWith("ops-rules-");
        assertThat(work.resolve("swiadczenie/benefit.yaml")).hasContent("name: x");
        r.removeRebuiltReleases();
        assertThat(work).doesNotExist();
        assertThat(source.resolve("swiadczenie/benefit.yaml")).exists();
    }

    @Test
    void aScanBringsInOnlyWhatChangedInTheRulesAndKeepsWhatTheServiceWrote() throws Exception {
        Path source = source();
        RuleSets r = ruleSets(source, tmp.resolve("served").toString());
        Path served = r.prepareWorkingCopy();
        assertThat(r.syncFromSource()).as("nothing changed yet").isEmpty();
        // what the service wrote: a published manifest, a new draft folder, a lock line
        Files.writeString(served.resolve("swiadczenie/benefit.yaml"), "name: x\nstatus: released\n");
        Files.createDirectories(served.resolve("swiadczenie/logika/2027-01-01"));
        Files.writeString(served.resolve("swiadczenie/logika/2027-01-01/nowa.drl"), "rule\n");
        Files.writeString(served.resolve("released.sha256"), "abc  swiadczenie/2020-01-01\ndef  swiadczenie/2027-01-01\n");
        // what a developer changed in the rules: one file edited, one added, one removed
        Files.writeString(source.resolve("swiadczenie/parametry/kwota.yaml"), "values: {2027-01-01: 1}\n");
        Files.createDirectories(source.resolve("wspolne"));
        Files.writeString(source.resolve("wspolne/pojecie.yaml"), "a: 1\n");
        Files.delete(source.resolve("swiadczenie/parametry/kwota.yaml"));
        Files.createDirectories(source.resolve("inne/parametry"));
        Files.writeString(source.resolve("inne/parametry/p.yaml"), "p: 1\n");
        Files.writeString(source.resolve("swiadczenie/README.md"), "# opis\n");

        assertThat(r.syncFromSource()).containsExactlyInAnyOrder("inne/parametry/p.yaml", "swiadczenie/README.md",
                "wspolne/pojecie.yaml", "swiadczenie/parametry/kwota.yaml (removed)");
        assertThat(served.resolve("inne/parametry/p.yaml")).hasContent("p: 1");
        assertThat(served.resolve("wspolne/pojecie.yaml")).hasContent("a: 1");
        assertThat(served.resolve("swiadczenie/README.md")).hasContent("# opis");
        assertThat(served.resolve("swiadczenie/parametry")).as("removed with its last file").doesNotExist();
        assertThat(served.resolve("swiadczenie/benefit.yaml")).as("not changed in the rules: stays").hasContent(
                "name: x\nstatus: released");
        assertThat(served.resolve("swiadczenie/logika/2027-01-01/nowa.drl")).exists();
        assertThat(served.resolve("released.sha256")).content().contains("def  swiadczenie/2027-01-01");
        assertThat(r.syncFromSource()).as("copied once").isEmpty();

        // a file changed in the rules is copied over what the service wrote there
        Files.writeString(source.resolve("released.sha256"), "abc  swiadczenie/2020-01-01\nghi  inne/2020-01-01\n");
        assertThat(r.syncFromSource()).containsExactly("released.sha256");
        assertThat(served.resolve("released.sha256")).hasSameTextualContentAs(source.resolve("released.sha256"));
    }
}
