package pl.ops.swiadczenia.service;

/** One invalid input field: its JSON path (e.g. {@code wniosek.czlonkowieRodziny[1].dataUrodzenia}) and why. */
public record FieldError(String field, String message) {
}
