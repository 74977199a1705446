package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** A payment in each month of a segment (in full or reduced): a {@link Wyplata} per month. */
public class WyplataOdcinka extends KwotaNaMiesiaceOdcinka {

    public WyplataOdcinka(String skladnik, String czlonekId, YearMonth od, YearMonth doMiesiaca, BigDecimal kwota,
                          List<Integer> miesiaceKalendarza) {
        super(skladnik, czlonekId, od, doMiesiaca, kwota, miesiaceKalendarza);
    }

    /** The payment of each of the segment's months, in month order. */
    public List<Wyplata> wyplaty() {
        return miesiace().stream().map(m -> new Wyplata(m, getSkladnik(), getCzlonekId(), getKwota())).toList();
    }
}
