package pl.ops.swiadczenia.ruleset;

/** A ruleset version on disk is invalid (bad manifest, missing parameter, compile error, …). */
public class RuleSetException extends RuntimeException {
    public RuleSetException(String message) {
        super(message);
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
