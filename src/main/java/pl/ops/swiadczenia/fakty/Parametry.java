package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the ruleset version in force, inserted into every evaluation as a fact. Rules read legal
 * numbers only through this class ({@code $p.kwota("kryterium_dochodowe")}), so each number used can be cited:
 * a read made while a rule's consequence runs is recorded into that rule's explanation step.
 */
public class Parametry {
    private final Map<String, Parametr> definicje;
    private final Map<String, java.util.NavigableMap<java.time.LocalDate, Parametr>> historia;
    private final java.time.LocalDate dataPrawna;
    private final Wyjasnienie wyjasnienie;

    public Parametry(Map<String, Parametr> definicje, Wyjasnienie wyjasnienie) {
        this(definicje, Map.of(), null, wyjasnienie);
    }

    /**
     * @param historia   the dated series of the parameters rules read on another date than the legal date (e.g. the
     *                   calendar of days off on the day a deadline ends), as known on the legal state's first day
     * @param dataPrawna the case's legal date
     */
    public Parametry(Map<String, Parametr> definicje, Map<String, java.util.NavigableMap<java.time.LocalDate, Parametr>> historia,
                     java.time.LocalDate dataPrawna, Wyjasnienie wyjasnienie) {
        this.definicje = definicje;
        this.historia = historia == null ? Map.of() : historia;
        this.dataPrawna = dataPrawna;
        this.wyjasnienie = wyjasnienie;
    }

    /** The value of a dated-series parameter in force on {@code dzien} (not the legal date); null when none. */
    private Object naDzien(String nazwa, java.time.LocalDate dzien) {
        java.util.NavigableMap<java.time.LocalDate, Parametr> s = historia.get(nazwa);
        if (s == null) {
            throw new IllegalArgumentException("Parameter '" + nazwa + "' has no dated series (scope: history)");
        }
        Map.Entry<java.time.LocalDate, Parametr> e = s.floorEntry(dzien);
        if (e == null || e.getValue().wartosc() == null) {
            return null;
        }
        if (wyjasnienie != null) {
            wyjasnienie.uzytoParametru(e.getValue()); // the dated value used, with its own citation, in the rule's step
        }
        return e.getValue().wartosc();
    }

    /** Whether the text list parameter, as in force on {@code dzien}, contains {@code wartosc}. */
    public boolean zawieraNaDzien(String nazwa, java.time.LocalDate dzien, String wartosc) {
        Object v = naDzien(nazwa, dzien);
        return v instanceof List<?> l && l.contains(wartosc);
    }

    /** The whole-number parameter as in force on {@code dzien}; -1 when none is in force. */
    public int liczbaNaDzien(String nazwa, java.time.LocalDate dzien) {
        Object v = naDzien(nazwa, dzien);
        if (v == null) {
            return -1;
        }
        if (v instanceof Integer i) {
            return i;
        }
        throw new IllegalArgumentException("Parameter '" + nazwa + "' is not a whole number: " + v);
    }

    /** Whether the yes/no parameter, as in force on {@code dzien}, is true. */
    public boolean takNaDzien(String nazwa, java.time.LocalDate dzien) {
        return Boolean.TRUE.equals(naDzien(nazwa, dzien));
    }

    private Parametr get(String nazwa) {
        Parametr p = definicje.get(nazwa);
        if (p == null) {
            throw new IllegalArgumentException("Unknown parameter '" + nazwa + "' in this ruleset version");
        }
        if (wyjasnienie != null) {
            wyjasnienie.uzytoParametru(p);
        }
        return p;
    }

    /** A money amount or other decimal (PLN, %). */
    public BigDecimal kwota(String nazwa) {
        Object v = get(nazwa).wartosc();
        if (v instanceof BigDecimal b) {
            return b;
        }
        throw new IllegalArgumentException("Parameter '" + nazwa + "' is not a decimal: " + v);
    }

    /** A whole number (years, months, weeks, persons). */
    public int liczba(String nazwa) {
        Object v = get(nazwa).wartosc();
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof BigDecimal b) {
            return b.intValueExact();
        }
        throw new IllegalArgumentException("Parameter '" + nazwa + "' is not a whole number: " + v);
    }

    /** A list of whole numbers (e.g. calendar months). */
    @SuppressWarnings("unchecked")
    public List<Integer> lista(String nazwa) {
        Object v = get(nazwa).wartosc();
        if (v instanceof List<?> l) {
            return Collections.unmodifiableList((List<Integer>) l);
        }
        throw new IllegalArgumentException("Parameter '" + nazwa + "' is not a list: " + v);
    }

    /** Whether month {@code miesiac} (1–12) is in the list parameter. */
    public boolean zawiera(String nazwa, int miesiac) {
        return lista(nazwa).contains(miesiac);
    }

    /**
     * The calendar months (1–12) of the list parameter {@code nazwa}, or null (every month) when {@code nazwa} is null:
     * the months in which a component of a {@link PozycjaKwotyOdcinka} or {@link WyplataOdcinka} is paid.
     */
    public List<Integer> miesiaceKalendarza(String nazwa) {
        return nazwa == null ? null : lista(nazwa);
    }

    /**
     * Whether any month from {@code od} to {@code doMiesiaca} is one of the calendar months of the list parameter
     * {@code nazwa} (always, when {@code nazwa} is null).
     */
    public boolean obejmujeMiesiac(String nazwa, java.time.YearMonth od, java.time.YearMonth doMiesiaca) {
        if (nazwa == null) {
            return !od.isAfter(doMiesiaca);
        }
        List<Integer> l = lista(nazwa);
        for (java.time.YearMonth m : Daty.miesiace(od, doMiesiaca)) {
            if (l.contains(m.getMonthValue())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the list parameter (of identifiers) contains {@code wartosc}. */
    public boolean zawieraTekst(String nazwa, String wartosc) {
        Object v = get(nazwa).wartosc();
        if (v instanceof List<?> l) {
            return l.contains(wartosc);
        }
        throw new IllegalArgumentException("Parameter '" + nazwa + "' is not a list: " + v);
    }

    /** A text or identifier value. */
    public String tekst(String nazwa) {
        return String.valueOf(get(nazwa).wartosc());
    }

    /** A yes/no value. */
    public boolean tak(String nazwa) {
        Object v = get(nazwa).wartosc();
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("Parameter '" + nazwa + "' is not a boolean: " + v);
    }

    public boolean ma(String nazwa) {
        return definicje.containsKey(nazwa);
    }
}
