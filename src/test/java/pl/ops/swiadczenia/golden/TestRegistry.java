package pl.ops.swiadczenia.golden;

import java.nio.file.Path;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;

/**
 * One compiled registry of rules/ shared by the plain (non-Quarkus) tests of a test run. With
 * {@code -Dgolden.benefit=<benefit>} only that benefit and the module dochod_rodziny are compiled (fast iteration on
 * one benefit; the full run compiles everything).
 */
public final class TestRegistry {
    private static RuleSetRegistry registry;

    private TestRegistry() {
    }

    public static synchronized RuleSetRegistry get() {
        if (registry == null) {
            String only = System.getProperty("golden.benefit", "");
            registry = RuleSetRegistry.load(Path.of("rules"), new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)),
                    b -> only.isBlank() || b.equals(only) || b.equals("dochod_rodziny"));
        }
        return registry;
    }
}
