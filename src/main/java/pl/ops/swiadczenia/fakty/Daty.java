package pl.ops.swiadczenia.fakty;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Calendar arithmetic for rules (ages, months of a period). Pure: no clock. No legal values live here. */
public final class Daty {
    private Daty() {
    }

    /** Completed years of life on the given day (a person "ukończył N lat" on the N-th birthday). */
    public static int wiek(LocalDate dataUrodzenia, LocalDate dzien) {
        if (dzien.isBefore(dataUrodzenia)) {
            return -1;
        }
        return Period.between(dataUrodzenia, dzien).getYears();
    }

    /** Completed years of life on the first day of the month. */
    public static int wiekNaPoczatekMiesiaca(LocalDate dataUrodzenia, YearMonth miesiac) {
        return wiek(dataUrodzenia, miesiac.atDay(1));
    }

    /** The day the person turns {@code lata} years old. */
    public static LocalDate dzienUkonczenia(LocalDate dataUrodzenia, int lata) {
        return dataUrodzenia.plusYears(lata);
    }

    public static YearMonth miesiac(LocalDate d) {
        return YearMonth.from(d);
    }

    /** Months from {@code od} to {@code doMiesiaca}, both inclusive; empty if od is after doMiesiaca. */
    public static List<YearMonth> miesiace(YearMonth od, YearMonth doMiesiaca) {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = od; !m.isAfter(doMiesiaca); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /**
     * First day of the yearly period (e.g. okres zasiłkowy) that contains {@code data}, for a period starting on
     * day 1 of month {@code miesiacPoczatku}.
     */
    public static LocalDate poczatekOkresu(LocalDate data, int miesiacPoczatku) {
        LocalDate start = LocalDate.of(data.getYear(), miesiacPoczatku, 1);
        return data.isBefore(start) ? start.minusYears(1) : start;
    }

    /** Number of months in which the interval [od, doDnia] has at least one day within month m. */
    public static boolean obejmujeMiesiac(LocalDate od, LocalDate doDnia, YearMonth m) {
        if (od == null || doDnia == null) {
            return false;
        }
        return !od.isAfter(m.atEndOfMonth()) && !doDnia.isBefore(m.atDay(1));
    }

    public static boolean przed(LocalDate a, LocalDate b) {
        return a.isBefore(b);
    }
}
