package pl.ops.swiadczenia.service;

/** No stored decision has the given id. */
public class DecisionNotFoundException extends RuntimeException {
    public DecisionNotFoundException(String id) {
        super("No decision with id " + id);
    }
}
