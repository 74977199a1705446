package pl.ops.swiadczenia.golden;

import java.nio.file.Path;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;

/** One compiled registry of rules/ shared by the plain (non-Quarkus) tests of a test run. */
public final class TestRegistry {
    private static RuleSetRegistry registry;

    private TestRegistry() {
    }

    public static synchronized RuleSetRegistry get() {
        if (registry == null) {
            registry = RuleSetRegistry.load(Path.of("rules"), new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)));
        }
        return registry;
    }
}
