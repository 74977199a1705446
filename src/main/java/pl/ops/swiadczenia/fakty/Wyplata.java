package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * An amount payable in one month: what the decision grants. Equal to the {@link PozycjaKwoty} items when the
 * benefit is granted in full, or a reduced amount (e.g. "złotówka za złotówkę"). Result fact inserted by rules.
 */
public class Wyplata {
    private final YearMonth miesiac;
    private final String skladnik;
    private final String czlonekId;
    private final BigDecimal kwota;

    public Wyplata(YearMonth miesiac, String skladnik, String czlonekId, BigDecimal kwota) {
        this.miesiac = miesiac;
        this.skladnik = skladnik;
        this.czlonekId = czlonekId;
        this.kwota = Kwoty.grosze(kwota);
    }

    public YearMonth getMiesiac() { return miesiac; }
    public String getSkladnik() { return skladnik; }
    public String getCzlonekId() { return czlonekId; }
    public BigDecimal getKwota() { return kwota; }
}
