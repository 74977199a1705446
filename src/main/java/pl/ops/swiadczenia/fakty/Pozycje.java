package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Helpers for rules that summarise amount items (sums, months, text). No legal values live here. */
public final class Pozycje {
    private Pozycje() {
    }

    public static BigDecimal suma(Collection<?> pozycje) {
        BigDecimal s = Kwoty.zero();
        for (Object o : pozycje) {
            s = s.add(((PozycjaKwoty) o).getKwota());
        }
        return Kwoty.grosze(s);
    }

    /** Distinct months of the items, ascending. */
    public static List<YearMonth> miesiace(Collection<?> pozycje) {
        TreeSet<YearMonth> s = new TreeSet<>();
        for (Object o : pozycje) {
            s.add(((PozycjaKwoty) o).getMiesiac());
        }
        return new ArrayList<>(s);
    }

    /** Items of one component. */
    public static List<PozycjaKwoty> skladnika(Collection<?> pozycje, String skladnik) {
        List<PozycjaKwoty> out = new ArrayList<>();
        for (Object o : pozycje) {
            PozycjaKwoty p = (PozycjaKwoty) o;
            if (p.getSkladnik().equals(skladnik)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Items grouped by component, then by person ("" for the family), both in natural order. */
    public static Map<String, Map<String, List<PozycjaKwoty>>> wgSkladnikaIOsoby(Collection<?> pozycje) {
        Map<String, Map<String, List<PozycjaKwoty>>> out = new TreeMap<>();
        for (Object o : pozycje) {
            PozycjaKwoty p = (PozycjaKwoty) o;
            out.computeIfAbsent(p.getSkladnik(), k -> new TreeMap<>())
                    .computeIfAbsent(Objects.requireNonNullElse(p.getCzlonekId(), ""), k -> new ArrayList<>())
                    .add(p);
        }
        return out;
    }

    /** "11.2016–02.2017: 4 × 95,00 zł; 03.2017–10.2017: 8 × 124,00 zł" — runs of equal amounts. */
    public static String opisPl(Collection<?> pozycje) {
        return opis(pozycje, true);
    }

    /** English variant of {@link #opisPl}. */
    public static String opisEn(Collection<?> pozycje) {
        return opis(pozycje, false);
    }

    private static String opis(Collection<?> pozycje, boolean pl) {
        List<PozycjaKwoty> l = new ArrayList<>();
        for (Object o : pozycje) {
            l.add((PozycjaKwoty) o);
        }
        l.sort((a, b) -> a.getMiesiac().compareTo(b.getMiesiac()));
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < l.size()) {
            int j = i;
            while (j + 1 < l.size() && l.get(j + 1).getKwota().compareTo(l.get(i).getKwota()) == 0
                    && l.get(j + 1).getMiesiac().equals(l.get(j).getMiesiac().plusMonths(1))) {
                j++;
            }
            String od = mies(l.get(i).getMiesiac());
            String zakres = i == j ? od : od + "–" + mies(l.get(j).getMiesiac());
            BigDecimal k = l.get(i).getKwota();
            parts.add(zakres + ": " + (j - i + 1) + " × " + (pl ? Kwoty.zl(k) : Kwoty.pln(k)));
            i = j + 1;
        }
        return parts.stream().collect(Collectors.joining("; "));
    }

    private static String mies(YearMonth m) {
        return String.format("%02d.%d", m.getMonthValue(), m.getYear());
    }
}
