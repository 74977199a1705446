package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One amount the family is entitled to in full: a component (zasiłek or a dodatek), for one person (or the
 * family when {@code czlonekId} is null), in one month of the benefit period. Result fact inserted by rules.
 */
public class PozycjaKwoty {
    private final String skladnik;
    private final String czlonekId;
    private final YearMonth miesiac;
    private final BigDecimal kwota;

    public PozycjaKwoty(String skladnik, String czlonekId, YearMonth miesiac, BigDecimal kwota) {
        this.skladnik = skladnik;
        this.czlonekId = czlonekId;
        this.miesiac = miesiac;
        this.kwota = Kwoty.grosze(kwota);
    }

    public String getSkladnik() { return skladnik; }
    public String getCzlonekId() { return czlonekId; }
    public YearMonth getMiesiac() { return miesiac; }
    public BigDecimal getKwota() { return kwota; }

    @Override
    public String toString() {
        return skladnik + "[" + czlonekId + "," + miesiac + "]=" + kwota;
    }
}
