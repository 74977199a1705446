package pl.ops.swiadczenia.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import pl.ops.swiadczenia.service.FieldError;

/** Parses query parameters, collecting errors that name the parameter instead of failing with a bare 404/500. */
final class Params {
    private Params() {
    }

    static LocalDate date(String name, String v, List<FieldError> errors) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.trim());
        } catch (RuntimeException e) {
            errors.add(new FieldError(name, "must be an ISO date yyyy-MM-dd"));
            return null;
        }
    }

    static Instant instant(String name, String v, List<FieldError> errors) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v.trim());
        } catch (RuntimeException e) {
            errors.add(new FieldError(name, "must be an ISO instant such as 2026-01-31T12:00:00Z"));
            return null;
        }
    }

    static int integer(String name, String v, int dflt, int min, int max, List<FieldError> errors) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                errors.add(new FieldError(name, "must be between " + min + " and " + max));
                return dflt;
            }
            return i;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "must be a whole number"));
            return dflt;
        }
    }
}
