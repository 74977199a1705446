package pl.ops.swiadczenia.fakty;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Section of the application with the facts specific to dodatek mieszkaniowy (ustawa z 21 czerwca 2001 r. o dodatkach
 * mieszkaniowych, "u.d.m."). The members of the gospodarstwo domowe are {@code wniosek.czlonkowieRodziny} (their
 * number drives the income criterion, the own share and the normatywna powierzchnia). Input fact: rules never modify
 * it. Fields may only be added (old rule versions are replayed against this class).
 */
public class DaneDodatkuMieszkaniowego implements SekcjaWniosku {
    @DecimalMin("0")
    @DecimalMax("99999999.99")
    @Digits(integer = 8, fraction = 2)
    private BigDecimal dochodGospodarstwaDomowegoZaTrzyMiesiace;
    @DecimalMin("0")
    @DecimalMax("10000.00")
    @Digits(integer = 5, fraction = 2)
    private BigDecimal powierzchniaUzytkowa;
    @DecimalMin("0")
    @DecimalMax("10000.00")
    @Digits(integer = 5, fraction = 2)
    private BigDecimal powierzchniaPokoiIKuchni;
    private boolean osobaNiepelnosprawnaNaWozkuLubWymagajacaOddzielnegoPokoju;
    @DecimalMin("0")
    @DecimalMax("99999.99")
    @Digits(integer = 5, fraction = 2)
    private BigDecimal wydatkiMiesieczne;
    private boolean brakCentralnegoOgrzewania;
    private boolean brakCentralnejCieplejWody;
    private boolean brakInstalacjiGazuPrzewodowego;
    @DecimalMin("0")
    @DecimalMax("99.9999")
    @Digits(integer = 2, fraction = 4)
    private BigDecimal cenaKwhEnergiiElektrycznej;
    @DecimalMin("0")
    @DecimalMax("100")
    @Digits(integer = 3, fraction = 2)
    private BigDecimal wskaznikProcentowyWydatkowUchwalaGminy;
    @Size(max = 300)
    private String uchwalaRadyGminy;

    public DaneDodatkuMieszkaniowego() {
    }

    /**
     * Total income (dochod) of all members of the gospodarstwo domowe in the 3 calendar months before the month the
     * application was filed (art. 3 u.d.m.), as the statute defines income for the legal date (before 2021-07-01:
     * gross income less costs and social contributions; from 2021-07-01: art. 3 pkt 1 of the ustawa o swiadczeniach
     * rodzinnych). The rules divide it by 3 and by the number of members.
     */
    public BigDecimal getDochodGospodarstwaDomowegoZaTrzyMiesiace() { return dochodGospodarstwaDomowegoZaTrzyMiesiace; }
    public void setDochodGospodarstwaDomowegoZaTrzyMiesiace(BigDecimal d) { this.dochodGospodarstwaDomowegoZaTrzyMiesiace = d; }

    /** Powierzchnia uzytkowa of the dwelling in m2 (art. 5 u.d.m.). */
    public BigDecimal getPowierzchniaUzytkowa() { return powierzchniaUzytkowa; }
    public void setPowierzchniaUzytkowa(BigDecimal p) { this.powierzchniaUzytkowa = p; }

    /**
     * Area of the rooms and the kitchen (powierzchnia pokoi i kuchni) in m2; needed only when the dwelling exceeds the
     * normatywna powierzchnia by more than the lower tolerance (the higher tolerance applies when rooms and kitchen are
     * no more than a share of the powierzchnia uzytkowa, art. 5 ust. 3). Null = not stated.
     */
    public BigDecimal getPowierzchniaPokoiIKuchni() { return powierzchniaPokoiIKuchni; }
    public void setPowierzchniaPokoiIKuchni(BigDecimal p) { this.powierzchniaPokoiIKuchni = p; }

    /**
     * A disabled person moving in a wheelchair lives in the dwelling, or a disabled person whose disability requires
     * living in a separate room (osoba niepelnosprawna poruszajaca sie na wozku inwalidzkim albo wymagajaca
     * zamieszkiwania w oddzielnym pokoju, art. 5 ust. 2).
     */
    public boolean isOsobaNiepelnosprawnaNaWozkuLubWymagajacaOddzielnegoPokoju() { return osobaNiepelnosprawnaNaWozkuLubWymagajacaOddzielnegoPokoju; }
    public void setOsobaNiepelnosprawnaNaWozkuLubWymagajacaOddzielnegoPokoju(boolean b) { this.osobaNiepelnosprawnaNaWozkuLubWymagajacaOddzielnegoPokoju = b; }

    /**
     * Monthly housing expenses (wydatki ponoszone za zajmowany lokal) of the month before the application, for the
     * whole dwelling, as they may be counted under art. 6 ust. 3-6 u.d.m. (rent or maintenance fees, heating, water,
     * sewage, waste; outside the municipal stock capped by the caseworker at the municipal rates, art. 6 ust. 6). The
     * rules pro-rate them to the normatywna powierzchnia.
     */
    public BigDecimal getWydatkiMiesieczne() { return wydatkiMiesieczne; }
    public void setWydatkiMiesieczne(BigDecimal w) { this.wydatkiMiesieczne = w; }

    /** The dwelling has no central heating (brak centralnego ogrzewania) – ryczalt na zakup opalu. */
    public boolean isBrakCentralnegoOgrzewania() { return brakCentralnegoOgrzewania; }
    public void setBrakCentralnegoOgrzewania(boolean b) { this.brakCentralnegoOgrzewania = b; }

    /** The dwelling has no central hot water (brak centralnie ciepłej wody) – ryczalt. */
    public boolean isBrakCentralnejCieplejWody() { return brakCentralnejCieplejWody; }
    public void setBrakCentralnejCieplejWody(boolean b) { this.brakCentralnejCieplejWody = b; }

    /** The dwelling has no piped gas (brak instalacji gazu przewodowego) – ryczalt. */
    public boolean isBrakInstalacjiGazuPrzewodowego() { return brakInstalacjiGazuPrzewodowego; }
    public void setBrakInstalacjiGazuPrzewodowego(boolean b) { this.brakInstalacjiGazuPrzewodowego = b; }

    /**
     * Price of 1 kWh of electricity (cena 1 kWh energii elektrycznej, zl/kWh, up to 4 decimals) used for the
     * ryczalt: from 2021-07-01 one price equal for all applicants (art. 6a u.d.m.), before that the price from the
     * applicant's tariff. Required when any installation is missing.
     */
    public BigDecimal getCenaKwhEnergiiElektrycznej() { return cenaKwhEnergiiElektrycznej; }
    public void setCenaKwhEnergiiElektrycznej(BigDecimal c) { this.cenaKwhEnergiiElektrycznej = c; }

    /**
     * The cap percentage of expenses set by the rada gminy by resolution (wskaznik procentowy, art. 6 ust. 11); null
     * = the statutory default. A value outside the range the statute allows is ignored by the rules (with an
     * explanation step).
     */
    public BigDecimal getWskaznikProcentowyWydatkowUchwalaGminy() { return wskaznikProcentowyWydatkowUchwalaGminy; }
    public void setWskaznikProcentowyWydatkowUchwalaGminy(BigDecimal w) { this.wskaznikProcentowyWydatkowUchwalaGminy = w; }

    /** Reference of the gmina's resolution (uchwala rady gminy) setting the cap percentage, for the explanation. */
    public String getUchwalaRadyGminy() { return uchwalaRadyGminy; }
    public void setUchwalaRadyGminy(String u) { this.uchwalaRadyGminy = u; }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        if (w.getCzlonkowieRodziny().isEmpty()) {
            out.add(new BladPola("wniosek.czlonkowieRodziny", "wymagana lista członków gospodarstwa domowego"));
        }
        wymagana(out, sciezka + ".dochodGospodarstwaDomowegoZaTrzyMiesiace", dochodGospodarstwaDomowegoZaTrzyMiesiace);
        dodatnia(out, sciezka + ".powierzchniaUzytkowa", powierzchniaUzytkowa);
        wymagana(out, sciezka + ".wydatkiMiesieczne", wydatkiMiesieczne);
        if (powierzchniaPokoiIKuchni != null) {
            if (powierzchniaPokoiIKuchni.signum() < 0) {
                out.add(new BladPola(sciezka + ".powierzchniaPokoiIKuchni", "wartość nie może być ujemna"));
            } else if (powierzchniaUzytkowa != null && powierzchniaPokoiIKuchni.compareTo(powierzchniaUzytkowa) > 0) {
                out.add(new BladPola(sciezka + ".powierzchniaPokoiIKuchni", "nie może przekraczać powierzchniaUzytkowa"));
            }
        }
        if (brakCentralnegoOgrzewania || brakCentralnejCieplejWody || brakInstalacjiGazuPrzewodowego) {
            dodatnia(out, sciezka + ".cenaKwhEnergiiElektrycznej", cenaKwhEnergiiElektrycznej);
        } else if (cenaKwhEnergiiElektrycznej != null && cenaKwhEnergiiElektrycznej.signum() < 0) {
            out.add(new BladPola(sciezka + ".cenaKwhEnergiiElektrycznej", "wartość nie może być ujemna"));
        }
        if (wskaznikProcentowyWydatkowUchwalaGminy != null
                && (wskaznikProcentowyWydatkowUchwalaGminy.signum() <= 0
                    || wskaznikProcentowyWydatkowUchwalaGminy.compareTo(BigDecimal.valueOf(100)) > 0)) {
            out.add(new BladPola(sciezka + ".wskaznikProcentowyWydatkowUchwalaGminy", "musi być procentem większym od 0 i nie większym niż 100"));
        }
        return out;
    }

    private static void wymagana(List<BladPola> out, String pole, BigDecimal x) {
        if (x == null) {
            out.add(new BladPola(pole, "pole wymagane"));
        } else if (x.signum() < 0) {
            out.add(new BladPola(pole, "wartość nie może być ujemna"));
        }
    }

    private static void dodatnia(List<BladPola> out, String pole, BigDecimal x) {
        if (x == null) {
            out.add(new BladPola(pole, "pole wymagane"));
        } else if (x.signum() <= 0) {
            out.add(new BladPola(pole, "musi być większa od 0"));
        }
    }
}
