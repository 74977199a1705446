package pl.ops.swiadczenia.ruleset;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import pl.ops.swiadczenia.fakty.Parametr;

/**
 * One parameter of law written as data ({@code parametry/<name>.yaml}): unit, description and its values keyed by
 * the date each takes effect, every value with its own citation. A {@code null} value ends the parameter.
 *
 * @param scope   {@code STATE}: the value in force on the case's legal date is used, and every dated value starts a
 *                new legal state; {@code HISTORY}: rules read the value in force on another date (the calendar of days
 *                off on the day a deadline ends; the GUS farm income of the base year)
 * @param perYear each value holds for the one calendar year it is dated on (1 January of year Y: the value of year Y)
 *                and is announced after that year ({@link Value#knownFrom()}): a legal state sees the values known on
 *                its first day, the day a value becomes known starts a new state, and a year without a known value
 *                has none (not the previous year's) — so next year's value is one dated line that leaves every earlier
 *                state, and its hash, as it was. Without it ({@code HISTORY} series such as the calendar of days off)
 *                the whole series belongs to every state: a new statutory day off changes the deadlines of cases
 *                whose legal date is earlier, so it changes those states on purpose (docs/adr/0016-series-announced-later.md)
 */
public record ParameterSeries(String name, String description, String descriptionEn, String unit, Scope scope,
                              boolean perYear, NavigableMap<LocalDate, Value> values, String file) {

    public enum Scope { STATE, HISTORY }

    /**
     * A dated value. {@code value} null ends the parameter from {@code from}.
     *
     * @param knownFrom the day the value became part of the law as published (e.g. the announcement of the GUS farm
     *                  income in Monitor Polski); for a {@code HISTORY} parameter a state sees it from that day on.
     *                  Defaults to {@code from}
     * @param line      the line of the date key in the parameter file (for findings)
     */
    public record Value(LocalDate from, Object value, String reference, String href, String source,
                        LocalDate verifiedOn, LocalDate knownFrom, Integer line) {
        public Value {
            knownFrom = knownFrom == null ? from : knownFrom;
        }
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

    /**
     * The series of a {@code HISTORY} parameter as a legal state starting on {@code stateFrom} sees it (drafts
     * skipped unless included). For a per-year parameter only the values known on that day, and a year after a known
     * one without a known value of its own gets an explicit "no value" (null) entry: built only from what is known on
     * {@code stateFrom}, so it — and the state's hash — does not change when a value becoming known later is added.
     */
    public NavigableMap<LocalDate, Parametr> view(LocalDate stateFrom, Set<LocalDate> draftDates, Set<LocalDate> includedDrafts) {
        NavigableMap<LocalDate, Parametr> series = new TreeMap<>();
        for (Value v : values.values()) {
            boolean draftSkipped = draftDates.contains(v.knownFrom()) && !includedDrafts.contains(v.knownFrom());
            if (!draftSkipped && (!perYear || !v.knownFrom().isAfter(stateFrom))) {
                series.put(v.from(), resolved(v));
            }
        }
        if (perYear) {
            for (LocalDate y : List.copyOf(series.keySet())) {
                LocalDate next = y.plusYears(1);
                if (series.get(y).wartosc() != null && !series.containsKey(next)) {
                    series.put(next, new Parametr(name, description, descriptionEn, unit, null,
                            "brak ogłoszonej wartości za rok " + next.getYear() + " na dzień " + stateFrom, null, null));
                }
            }
        }
        return java.util.Collections.unmodifiableNavigableMap(series);
    }

    /** The parameter as rules and explanations see it on one date. */
    public Parametr resolved(Value v) {
        return new Parametr(name, description, descriptionEn, unit, v.value(), v.reference(), v.href(), v.verifiedOn());
    }
}
