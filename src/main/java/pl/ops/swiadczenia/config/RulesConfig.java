package pl.ops.swiadczenia.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import pl.ops.swiadczenia.ruleset.RuleCompiler;

/**
 * Where the rules live and how they are compiled (keys {@code rules.*}): one dated history per benefit, from which the
 * legal states are derived (docs/adr/0014-law-as-data.md).
 */
@ConfigMapping(prefix = "rules")
public interface RulesConfig {
    /**
     * Directory holding the dated histories {@code <benefit>/} (benefit.yaml, parametry/, logika/&lt;date&gt;/,
     * komunikaty.yaml), the shared concepts {@code wspolne/} and {@code released.sha256} / {@code retired.sha256};
     * relative to the working directory. Env: RULES_DIR. (Folders {@code <benefit>/<yyyy-MM-dd>/} of the retired
     * version-folder form are still loaded if present; only a test fixture has them.)
     */
    @WithDefault("rules")
    String dir();

    /**
     * The service-owned working copy the rules are served, staged, uploaded and published in (the service never writes
     * into {@link #dir()}); env RULES_WORK_DIR. At start-up it is emptied and filled from {@link #dir()}, then the
     * publications recorded in the database are restored into it. It must not be the rules directory, lie inside it or
     * contain it, and must be empty or a working copy made before. Unset: a fresh temporary directory
     * {@code ops-rules-*}, removed at shutdown.
     */
    java.util.Optional<String> workDir();

    /**
     * Golden cases ({@code <benefit>/*.yaml}) run by the validation of a history or of a draft change;
     * env RULES_TEST_CASES_DIR.
     */
    @WithDefault("test-cases")
    String testCasesDir();

    /**
     * Directory of compiled rules kept between starts (empty: no cache); env RULES_CACHE_DIR. An entry is one compile
     * unit (the resolved logic of a legal state, shared by the states with the same logic), keyed by the hash of its
     * files, the build mode and the code fingerprint.
     */
    java.util.Optional<String> cacheDir();

    /** Drools build mode: EXEC_MODEL (default, stricter at compile time) or CLASSIC. */
    @WithDefault("EXEC_MODEL")
    RuleCompiler.Mode mode();
}
