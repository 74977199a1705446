package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The same payment in every month of a segment of the benefit period – or only in the calendar months
 * {@code miesiaceKalendarza} (1–12) when given. Result fact inserted by rules: one per segment instead of one
 * {@link Wyplata} per month; the engine lists the months after the evaluation (no rule reads them).
 */
public class WyplataOdcinka {
    private final String skladnik;
    private final String czlonekId;
    private final YearMonth od;
    private final YearMonth doMiesiaca;
    private final BigDecimal kwota;
    private final List<Integer> miesiaceKalendarza;

    public WyplataOdcinka(String skladnik, String czlonekId, YearMonth od, YearMonth doMiesiaca, BigDecimal kwota,
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

    /** The payment of each of the segment's months, in month order. */
    public List<Wyplata> wyplaty() {
        List<Wyplata> out = new ArrayList<>();
        for (YearMonth m : Daty.miesiace(od, doMiesiaca)) {
            if (miesiaceKalendarza == null || miesiaceKalendarza.contains(m.getMonthValue())) {
                out.add(new Wyplata(m, skladnik, czlonekId, kwota));
            }
        }
        return out;
    }
}
