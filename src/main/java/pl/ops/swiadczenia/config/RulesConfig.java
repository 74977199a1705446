package pl.ops.swiadczenia.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import pl.ops.swiadczenia.ruleset.RuleCompiler;

/** Where the versioned rulesets live and how they are compiled (keys {@code rules.*}). */
@ConfigMapping(prefix = "rules")
public interface RulesConfig {
    /** Directory holding {@code <benefit>/<version>/} folders; relative to the working directory. Env: RULES_DIR. */
    @WithDefault("rules")
    String dir();

    /**
     * Golden cases ({@code <benefit>/*.yaml}) run by the validation of a candidate version; env RULES_TEST_CASES_DIR.
     */
    @WithDefault("test-cases")
    String testCasesDir();

    /**
     * Directory of compiled versions kept between starts, keyed by each version's SHA-256 and the code fingerprint
     * (empty: no cache); env RULES_CACHE_DIR.
     */
    java.util.Optional<String> cacheDir();

    /** Drools build mode: EXEC_MODEL (default, stricter at compile time) or CLASSIC. */
    @WithDefault("EXEC_MODEL")
    RuleCompiler.Mode mode();
}
