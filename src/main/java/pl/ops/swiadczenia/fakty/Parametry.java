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
    private final Wyjasnienie wyjasnienie;

    public Parametry(Map<String, Parametr> definicje, Wyjasnienie wyjasnienie) {
        this.definicje = definicje;
        this.wyjasnienie = wyjasnienie;
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
