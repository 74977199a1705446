package pl.ops.swiadczenia.ruleset;

/**
 * Gives the registry of compiled versions in force now. Each call returns one immutable snapshot; a caller that
 * selects a benefit version and its modules takes one snapshot for the whole evaluation. Implemented by the
 * holder that loads and changes the registry ({@code lifecycle.RuleSets}); the use cases and the readiness check
 * depend only on this interface, so that the change workflow can build on them and not the other way round.
 */
public interface RegistryHolder {
    /** The current registry snapshot. */
    RuleSetRegistry registry();

    /**
     * The release (content-addressed snapshot of the rules in the database) the current registry was loaded from,
     * when it contains the legal state {@code stateId} with hash {@code sha256}; null when no release is recorded or
     * the current rules no longer hold that state as it was.
     */
    default String releaseOf(String stateId, String sha256) {
        return null;
    }

    /**
     * The legal states of the given benefits, and of every module of the release (which benefits run first), as a
     * recorded release holds them, rebuilt from the
     * database; empty when the release is not recorded. Used by the replay, so that a decision is replayed under the
     * rules it recorded whatever the rules directory of the running service holds.
     */
    default java.util.Optional<RuleSetRegistry> releaseRegistry(String releaseId, java.util.Set<String> benefits) {
        return java.util.Optional.empty();
    }

    /**
     * The release the service held at {@code at} (the second time axis: which encoding of the law it knew then);
     * empty when none was recorded by then.
     */
    default java.util.Optional<String> releaseAt(java.time.Instant at) {
        return java.util.Optional.empty();
    }
}
