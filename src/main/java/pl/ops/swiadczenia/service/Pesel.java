package pl.ops.swiadczenia.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * PESEL numbers: format, checksum and the birth date they encode. Error messages never repeat the number.
 * The check digit is (10 − (Σ wᵢ·dᵢ mod 10)) mod 10 with weights 1 3 7 9 1 3 7 9 1 3 (ustawa o ewidencji
 * ludności, art. 15 ust. 2; rozporządzenie MSWiA o sposobie nadawania numeru PESEL).
 */
public final class Pesel {
    private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

    private Pesel() {
    }

    /** Adds a field error when the PESEL is malformed, has a wrong check digit or does not match the birth date. */
    public static void check(String field, String pesel, LocalDate birthDate, List<FieldError> errors) {
        if (pesel == null || !pesel.matches("\\d{11}")) {
            errors.add(new FieldError(field, "musi składać się z 11 cyfr"));
            return;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += WEIGHTS[i] * (pesel.charAt(i) - '0');
        }
        if ((10 - sum % 10) % 10 != pesel.charAt(10) - '0') {
            errors.add(new FieldError(field, "niepoprawny numer PESEL (zła cyfra kontrolna)"));
            return;
        }
        LocalDate encoded = birthDate(pesel);
        if (encoded == null) {
            errors.add(new FieldError(field, "niepoprawny numer PESEL (nie ma takiej daty urodzenia)"));
        } else if (birthDate != null && !encoded.equals(birthDate)) {
            errors.add(new FieldError(field, "nie zgadza się z dataUrodzenia"));
        }
    }

    /** The birth date a PESEL encodes (months +80 for 1800s, +20 for 2000s, +40 for 2100s, +60 for 2200s). */
    public static LocalDate birthDate(String pesel) {
        int yy = Integer.parseInt(pesel.substring(0, 2));
        int mm = Integer.parseInt(pesel.substring(2, 4));
        int dd = Integer.parseInt(pesel.substring(4, 6));
        int century = mm > 80 ? 1800 : mm > 60 ? 2200 : mm > 40 ? 2100 : mm > 20 ? 2000 : 1900;
        try {
            return LocalDate.of(century + yy, mm % 20, dd);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
