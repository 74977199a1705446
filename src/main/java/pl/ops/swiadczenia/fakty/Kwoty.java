package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.Locale;

/**
 * Money arithmetic for rules: every amount is a {@link BigDecimal} in złoty with 2 decimal places, rounded
 * half-up ("do pełnych groszy") at each step the rules call. No legal values live here.
 */
public final class Kwoty {
    /** Scale of money amounts (grosze). */
    public static final int SKALA = 2;

    private static final ThreadLocal<DecimalFormat> PL = ThreadLocal.withInitial(() -> format(',', ' '));
    private static final ThreadLocal<DecimalFormat> EN = ThreadLocal.withInitial(() -> format('.', ','));

    private Kwoty() {
    }

    private static DecimalFormat format(char decimal, char grouping) {
        DecimalFormatSymbols s = new DecimalFormatSymbols(Locale.ROOT);
        s.setDecimalSeparator(decimal);
        s.setGroupingSeparator(grouping);
        DecimalFormat f = new DecimalFormat("#,##0.00", s);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    /** Rounds to grosze, half-up. */
    public static BigDecimal grosze(BigDecimal x) {
        return x == null ? null : x.setScale(SKALA, RoundingMode.HALF_UP);
    }

    public static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SKALA);
    }

    /** a / b rounded half-up to grosze. */
    public static BigDecimal podziel(BigDecimal a, long b) {
        return a.divide(BigDecimal.valueOf(b), SKALA, RoundingMode.HALF_UP);
    }

    /** a / b rounded half-up to grosze. */
    public static BigDecimal podziel(BigDecimal a, BigDecimal b) {
        return a.divide(b, SKALA, RoundingMode.HALF_UP);
    }

    public static BigDecimal razy(BigDecimal a, long n) {
        return grosze(a.multiply(BigDecimal.valueOf(n)));
    }

    public static BigDecimal razy(BigDecimal a, BigDecimal b) {
        return grosze(a.multiply(b));
    }

    public static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return grosze(a.add(b));
    }

    public static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return grosze(a.subtract(b));
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? grosze(a) : grosze(b);
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? grosze(a) : grosze(b);
    }

    public static BigDecimal suma(Collection<BigDecimal> xs) {
        BigDecimal s = zero();
        for (BigDecimal x : xs) {
            s = s.add(x);
        }
        return grosze(s);
    }

    /** a &gt; b */
    public static boolean wieksza(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) > 0;
    }

    /** a &lt;= b */
    public static boolean nieWieksza(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0;
    }

    /** a &lt; b */
    public static boolean mniejsza(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) < 0;
    }

    /** Polish notation with the currency: "1 348,00 zł". */
    public static String zl(BigDecimal x) {
        return PL.get().format(grosze(x)) + " zł";
    }

    /** English notation with the currency: "PLN 1,348.00". */
    public static String pln(BigDecimal x) {
        return "PLN " + EN.get().format(grosze(x));
    }
}
