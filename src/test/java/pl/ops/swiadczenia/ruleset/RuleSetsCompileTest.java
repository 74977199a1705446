package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pl.ops.swiadczenia.golden.TestRegistry;

/** Every version folder under rules/ loads and compiles against today's fact model (plain JUnit, no Quarkus). */
class RuleSetsCompileTest {

    @TestFactory
    List<DynamicTest> everyVersionCompiles() {
        RuleSetRegistry registry = TestRegistry.get();
        return RuleSetRegistry.versionDirs(Path.of("rules")).stream()
                .map(dir -> {
                    String benefit = dir.getParent().getFileName().toString();
                    String id = benefit + "/" + dir.getFileName();
                    return DynamicTest.dynamicTest(id, () -> {
                        assertThat(registry.failures()).as(id + " loads").doesNotContainKey(id);
                        RuleSet rs = registry.find(benefit, LocalDate.parse(dir.getFileName().toString())).orElseThrow();
                        assertThat(rs.sha256()).hasSize(64);
                        assertThat(rs.rules()).isNotEmpty();
                        assertThat(rs.rules()).allSatisfy(r -> assertThat(r.legalBasis().text()).containsPattern("(art\\.|§) ?\\d"));
                    });
                })
                .toList();
    }

    /** Every benefit written as a dated history derives its legal states without a finding of error. */
    @TestFactory
    List<DynamicTest> everyHistoryDerivesItsStates() {
        RuleSetRegistry registry = TestRegistry.get();
        return RuleSetRegistry.historyDirs(Path.of("rules")).stream()
                .map(dir -> {
                    String benefit = dir.getFileName().toString();
                    return DynamicTest.dynamicTest(benefit, () -> {
                        assertThat(registry.failures()).as(benefit + " loads").doesNotContainKey(benefit);
                        List<RuleSet> states = registry.versions(benefit);
                        assertThat(states).as(benefit + " has legal states").isNotEmpty();
                        assertThat(states).allSatisfy(rs -> {
                            assertThat(rs.fromHistory()).isTrue();
                            assertThat(rs.sha256()).hasSize(64);
                            assertThat(rs.rules()).isNotEmpty();
                            assertThat(rs.rules()).allSatisfy(r -> assertThat(r.legalBasis().text())
                                    .containsPattern("(art\\.|§) ?\\d"));
                        });
                    });
                })
                .toList();
    }
}
