package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The same amount of one component, for one person (or the family when {@code czlonekId} is null), in every month of
 * a segment of the benefit period – or only in the calendar months {@code miesiaceKalendarza} (1–12) when given (a
 * component paid in some months only, e.g. dodatek z tytułu rozpoczęcia roku szkolnego). A rule inserts one such fact
 * per segment instead of one per month, so the number of facts does not grow as months × children; the engine lists
 * the months after the evaluation (no rule reads them): {@link PozycjaKwotyOdcinka}, {@link WyplataOdcinka}.
 */
public abstract class KwotaNaMiesiaceOdcinka {
    private final String skladnik;
    private final String czlonekId;
    private final YearMonth od;
    private final YearMonth doMiesiaca;
    private final BigDecimal kwota;
    private final List<Integer> miesiaceKalendarza;

    protected KwotaNaMiesiaceOdcinka(String skladnik, String czlonekId, YearMonth od, YearMonth doMiesiaca,
                                     BigDecimal kwota, List<Integer> miesiaceKalendarza) {
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

    /** The amount of the whole segment: the monthly amount times the months in which it is due. */
    public BigDecimal getRazem() {
        return Kwoty.razy(kwota, miesiace().size());
    }

    /** The months of the segment in which the amount is due, in order. */
    public List<YearMonth> miesiace() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m : Daty.miesiace(od, doMiesiaca)) {
            if (miesiaceKalendarza == null || miesiaceKalendarza.contains(m.getMonthValue())) {
                out.add(m);
            }
        }
        return out;
    }
}
