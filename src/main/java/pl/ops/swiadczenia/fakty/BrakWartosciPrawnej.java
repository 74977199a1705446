package pl.ops.swiadczenia.fakty;

/**
 * Thrown by a rule when the case needs a value of law that the ruleset version does not hold yet (e.g. the GUS
 * farm-income value for a base year not announced or not yet encoded). The API answers 422, naming the value.
 */
public class BrakWartosciPrawnej extends RuntimeException {
    public BrakWartosciPrawnej(String message) {
        super(message);
    }
}
