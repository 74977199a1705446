package pl.ops.swiadczenia.engine;

/** A ruleset misbehaved at run time (a defect of the rules, not of the input). */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
