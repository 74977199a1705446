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
            errors.add(new FieldError(name, "niepoprawna wartość: oczekiwano daty w formacie RRRR-MM-DD, np. 2026-01-31"));
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
            errors.add(new FieldError(name, "niepoprawna wartość: oczekiwano daty i godziny w formacie ISO 8601 (UTC), "
                    + "np. 2026-01-31T12:00:00Z"));
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
                errors.add(new FieldError(name, "wartość spoza dozwolonego zakresu: dozwolone od " + liczba(min) + " do "
                        + liczba(max)));
                return dflt;
            }
            return i;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "niepoprawna wartość: oczekiwano liczby całkowitej od " + liczba(min) + " do "
                    + liczba(max)));
            return dflt;
        }
    }

    /** Polish notation of a bound: 1 000 000; 2000 (as the range messages of the application's fields). */
    static String liczba(long n) {
        return pl.ops.swiadczenia.service.InputBounds.liczba(java.math.BigDecimal.valueOf(n));
    }
}
