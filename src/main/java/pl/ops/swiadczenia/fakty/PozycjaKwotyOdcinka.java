package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The same amount of one component, for one person (or the family when {@code czlonekId} is null), in every month of
 * a segment of the benefit period – or only in the calendar months {@code miesiaceKalendarza} (1–12) when given (a
 * component paid in some months only, e.g. dodatek z tytułu rozpoczęcia roku szkolnego). Result fact inserted by
 * rules: one per segment instead of one {@link PozycjaKwoty} per month, so that the number of facts does not grow as
 * months × children; the engine lists the months after the evaluation (no rule reads them).
 */
public class PozycjaKwotyOdcinka {
    private final String skladnik;
    private final String czlonekId;
    private final YearMonth od;
    private final YearMonth doMiesiaca;
    private final BigDecimal kwota;
    private final List<Integer> miesiaceKalendarza;

    public PozycjaKwotyOdcinka(String skladnik, String czlonekId, YearMonth od, YearMonth doMiesiaca, BigDecimal kwota,
                               List<Integer> miesiaceKalendarza) {
        this.skladnik = skladnik;
        this.czlonekId = czlonekId;
        this.od = od;
        this.doMiesiaca = doMiesiaca;
        this.kwota = Kwoty.grosze(kwota);
        this.miesiaceKalendarza = miesiaceKalendarza == null ? null : List.copyOf(miesiaceKalendarza);
    }

    public String getSkladnik() { return skladnik; }
    public String getCzlonekId() { return czlonekId; }
    public YearMonth getOd() { return od; }
    public YearMonth getDoMiesiaca() { return doMiesiaca; }
    public BigDecimal getKwota() { return kwota; }
    public List<Integer> getMiesiaceKalendarza() { return miesiaceKalendarza; }

    /** The segment's amount in each of its months, in month order. */
    public List<PozycjaKwoty> pozycje() {
        List<PozycjaKwoty> out = new ArrayList<>();
        for (YearMonth m : Daty.miesiace(od, doMiesiaca)) {
            if (miesiaceKalendarza == null || miesiaceKalendarza.contains(m.getMonthValue())) {
                out.add(new PozycjaKwoty(skladnik, czlonekId, m, kwota));
            }
        }
        return out;
    }
}
