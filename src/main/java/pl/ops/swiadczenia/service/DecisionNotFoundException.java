package pl.ops.swiadczenia.service;

/** No stored decision has the given id. */
public class DecisionNotFoundException extends RuntimeException {
    /** Only an id of the form of a decision id is repeated in the answer (never a number typed in by mistake). */
    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public DecisionNotFoundException(String id) {
        super(id != null && UUID.matcher(id).matches() && !id.matches(".*\\d{11}.*")
                ? "Nie ma decyzji o identyfikatorze " + id + " / No decision with id " + id
                : "Nie ma takiej decyzji / No such decision");
    }
}
