package pl.ops.swiadczenia.ruleset;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import pl.ops.swiadczenia.fakty.Parametr;

/**
 * One parameter of law written as data ({@code parametry/<name>.yaml}): unit, description and its values keyed by
 * the date each takes effect, every value with its own citation. A {@code null} value ends the parameter.
 *
 * @param scope {@code STATE}: the value in force on the case's legal date is used, and every dated value starts a
 *              new legal state; {@code HISTORY}: rules read the value in force on another date (e.g. the calendar of
 *              days off on the day a deadline ends), so the whole series belongs to every legal state
 */
public record ParameterSeries(String name, String description, String descriptionEn, String unit, Scope scope,
                              NavigableMap<LocalDate, Value> values, String file) {

    public enum Scope { STATE, HISTORY }

    /**
     * A dated value. {@code value} null ends the parameter from {@code from}.
     *
     * @param line the line of the date key in the parameter file (for findings)
     */
    public record Value(LocalDate from, Object value, String reference, String href, String source,
                        LocalDate verifiedOn, Integer line) {
    }

    public ParameterSeries {
        values = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(values));
    }

    /**
     * The value in force on {@code date}, skipping values dated on a draft change unless {@code drafts} contains it;
     * null when none is in force (before the first value, or ended by null).
     */
    public Value at(LocalDate date, Set<LocalDate> draftDates, Set<LocalDate> includedDrafts) {
        for (Map.Entry<LocalDate, Value> e = values.floorEntry(date); e != null; e = values.lowerEntry(e.getKey())) {
            if (draftDates.contains(e.getKey()) && !includedDrafts.contains(e.getKey())) {
                continue;
            }
            return e.getValue().value() == null ? null : e.getValue();
        }
        return null;
    }

    /** The parameter as rules and explanations see it on one date. */
    public Parametr resolved(Value v) {
        return new Parametr(name, description, descriptionEn, unit, v.value(), v.reference(), v.href(), v.verifiedOn());
    }
}
