package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every version folder under rules/ loads and compiles against today's fact model (plain JUnit, no Quarkus). */
class RuleSetsCompileTest {

    @TestFactory
    List<DynamicTest> everyVersionCompiles() {
        RuleSetLoader loader = new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL));
        return RuleSetRegistry.versionDirs(Path.of("rules")).stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getParent().getFileName() + "/" + dir.getFileName(), () -> {
                    RuleSet rs = loader.load(dir);
                    assertThat(rs.sha256()).hasSize(64);
                    assertThat(rs.rules()).isNotEmpty();
                    assertThat(rs.rules()).allSatisfy(r -> assertThat(r.legalBasis().text()).contains("art."));
                }))
                .toList();
    }
}
