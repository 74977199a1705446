package pl.ops.swiadczenia.service;

import java.util.List;

/** The request is syntactically valid JSON but breaks the input contract; carries every bad field. */
public class InvalidRequestException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super("Invalid request: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
