package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** An amount the family is entitled to in full in each month of a segment: a {@link PozycjaKwoty} per month. */
public class PozycjaKwotyOdcinka extends KwotaNaMiesiaceOdcinka {

    public PozycjaKwotyOdcinka(String skladnik, String czlonekId, YearMonth od, YearMonth doMiesiaca, BigDecimal kwota,
                               List<Integer> miesiaceKalendarza) {
        super(skladnik, czlonekId, od, doMiesiaca, kwota, miesiaceKalendarza);
    }

    /** The segment's amount in each of its months, in month order. */
    public List<PozycjaKwoty> pozycje() {
        return miesiace().stream().map(m -> new PozycjaKwoty(getSkladnik(), getCzlonekId(), m, getKwota())).toList();
    }
}
