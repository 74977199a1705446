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
}
