package pl.ops.swiadczenia.fakty;

import java.time.LocalDate;

/**
 * One parameter of a ruleset version (an amount, threshold, age limit, percentage or period) with its unit and
 * legal citation, as read from {@code parameters.yaml}. Immutable.
 */
public record Parametr(
        String nazwa,
        String opis,
        String opisEn,
        String jednostka,
        Object wartosc,
        String podstawaPrawna,
        String href,
        LocalDate zweryfikowano) {
}
