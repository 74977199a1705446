package pl.ops.swiadczenia.fakty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Section of the application with the facts specific to zasilki z pomocy spolecznej (ustawa z 12 marca 2004 r.
 * o pomocy spolecznej, "u.p.s."): zasilek staly (art. 37), zasilek okresowy (art. 38) and zasilek celowy (art. 39-41).
 * The household is {@code wniosek.czlonkowieRodziny} (rodzina in the sense of art. 6 u.p.s.: persons living
 * and keeping house together); the income is the income of the month preceding the application (art. 8 ust. 3),
 * given per person in {@link #getDochody()}. Input fact: rules never modify it. Fields may only be added (old rule
 * versions are replayed against this class).
 */
public class DanePomocySpolecznej implements SekcjaWniosku {

    /** Reasons for granting social assistance listed in art. 7 u.p.s. (pkt 1-15), in the statute's order. */
    public enum PowodPomocy {
        /** art. 7 pkt 1: ubostwo. */
        UBOSTWO,
        /** art. 7 pkt 2: sieroctwo. */
        SIEROCTWO,
        /** art. 7 pkt 3: bezdomnosc. */
        BEZDOMNOSC,
        /** art. 7 pkt 4: bezrobocie. */
        BEZROBOCIE,
        /** art. 7 pkt 5: niepelnosprawnosc. */
        NIEPELNOSPRAWNOSC,
        /** art. 7 pkt 6: dlugotrwala lub ciezka choroba. */
        DLUGOTRWALA_LUB_CIEZKA_CHOROBA,
        /** art. 7 pkt 7: przemoc domowa (before the 2023 amendment: przemoc w rodzinie). */
        PRZEMOC_DOMOWA,
        /** art. 7 pkt 7a: potrzeba ochrony ofiar handlu ludzmi. */
        POTRZEBA_OCHRONY_OFIAR_HANDLU_LUDZMI,
        /** art. 7 pkt 8: potrzeba ochrony macierzynstwa lub wielodzietnosci. */
        POTRZEBA_OCHRONY_MACIERZYNSTWA_LUB_WIELODZIETNOSCI,
        /**
         * art. 7 pkt 9: bezradnosc w sprawach opiekunczo-wychowawczych i prowadzenia gospodarstwa domowego,
         * zwlaszcza w rodzinach niepelnych lub wielodzietnych.
         */
        BEZRADNOSC_W_SPRAWACH_OPIEKUNCZO_WYCHOWAWCZYCH,
        /** art. 7 pkt 10: trudnosci w integracji cudzoziemcow (status uchodzcy, ochrona uzupelniajaca, ...). */
        TRUDNOSCI_W_INTEGRACJI_CUDZOZIEMCOW,
        /** art. 7 pkt 11: trudnosci w przystosowaniu do zycia po zwolnieniu z zakladu karnego. */
        TRUDNOSCI_PO_ZWOLNIENIU_Z_ZAKLADU_KARNEGO,
        /** art. 7 pkt 12: alkoholizm lub narkomania. */
        ALKOHOLIZM_LUB_NARKOMANIA,
        /** art. 7 pkt 13: zdarzenie losowe i sytuacja kryzysowa. */
        ZDARZENIE_LOSOWE_I_SYTUACJA_KRYZYSOWA,
        /** art. 7 pkt 14: kleska zywiolowa lub ekologiczna. */
        KLESKA_ZYWIOLOWA_LUB_EKOLOGICZNA
    }

    /** Incapacity for work relevant to zasilek staly (art. 37 ust. 1 u.p.s.; definitions in art. 6 u.p.s.). */
    public enum NiezdolnoscDoPracy {
        /** niezdolnosc do pracy z tytulu wieku: the person has reached the retirement age (art. 6 u.p.s.). */
        Z_POWODU_WIEKU,
        /**
         * calkowita niezdolnosc do pracy: orzeczenie o calkowitej niezdolnosci do pracy / do samodzielnej
         * egzystencji, or orzeczenie o znacznym albo umiarkowanym stopniu niepelnosprawnosci (art. 6 u.p.s.).
         */
        CALKOWITA,
        /** Neither: the person is able to work. */
        BRAK
    }

    /** Income of one household member in the month preceding the application (art. 8 ust. 3 u.p.s.). */
    public static class DochodCzlonka {
        @Size(max = 50)
        private String czlonekId;
        @DecimalMin("0")
        @DecimalMax("9999999.99")
        @Digits(integer = 7, fraction = 2)
        private BigDecimal przychody;
        @DecimalMin("0")
        @DecimalMax("9999999.99")
        @Digits(integer = 7, fraction = 2)
        private BigDecimal podatekDochodowy;
        @DecimalMin("0")
        @DecimalMax("9999999.99")
        @Digits(integer = 7, fraction = 2)
        private BigDecimal skladkiNaUbezpieczenia;
        @DecimalMin("0")
        @DecimalMax("9999999.99")
        @Digits(integer = 7, fraction = 2)
        private BigDecimal alimentyNaRzeczInnychOsob;
        @DecimalMin("0")
        @DecimalMax("99999.9999")
        @Digits(integer = 5, fraction = 4)
        private BigDecimal hektaryPrzeliczeniowe;

        public DochodCzlonka() {
        }

        /** Id of the person in wniosek.czlonkowieRodziny. */
        public String getCzlonekId() { return czlonekId; }
        public void setCzlonekId(String id) { this.czlonekId = id; }

        /**
         * Sum of the monthly revenue (suma miesiecznych przychodow) of the month preceding the application (or of
         * the application month when income was lost), from any title and source, excluding the items art. 8 ust. 4
         * leaves out and excluding the farm (given in hektaryPrzeliczeniowe); null = 0.
         */
        public BigDecimal getPrzychody() { return przychody; }
        public void setPrzychody(BigDecimal v) { this.przychody = v; }

        /** Monthly personal income tax (miesieczne obciazenie podatkiem dochodowym od osob fizycznych); null = 0. */
        public BigDecimal getPodatekDochodowy() { return podatekDochodowy; }
        public void setPodatekDochodowy(BigDecimal v) { this.podatekDochodowy = v; }

        /** Health and social insurance contributions (skladki na ubezpieczenie zdrowotne i spoleczne); null = 0. */
        public BigDecimal getSkladkiNaUbezpieczenia() { return skladkiNaUbezpieczenia; }
        public void setSkladkiNaUbezpieczenia(BigDecimal v) { this.skladkiNaUbezpieczenia = v; }

        /** Alimony paid to other persons (kwota alimentow swiadczonych na rzecz innych osob); null = 0. */
        public BigDecimal getAlimentyNaRzeczInnychOsob() { return alimentyNaRzeczInnychOsob; }
        public void setAlimentyNaRzeczInnychOsob(BigDecimal v) { this.alimentyNaRzeczInnychOsob = v; }

        /** Hectares (hektary przeliczeniowe) of the member's farm; income is set per hectare by law; null = 0. */
        public BigDecimal getHektaryPrzeliczeniowe() { return hektaryPrzeliczeniowe; }
        public void setHektaryPrzeliczeniowe(BigDecimal v) { this.hektaryPrzeliczeniowe = v; }
    }

    private Boolean osobaSamotnieGospodarujaca;
    @Size(max = 30)
    private List<@Valid DochodCzlonka> dochody = new ArrayList<>();
    @Size(max = 15)
    private List<PowodPomocy> powody = new ArrayList<>();
    @Size(max = 50)
    private String czlonekId;
    private NiezdolnoscDoPracy niezdolnoscDoPracy;
    private boolean zbiegUprawnien;
    @Min(1)
    @Max(120)
    private Integer liczbaMiesiecy;
    @DecimalMin("0")
    @DecimalMax("100")
    @Digits(integer = 3, fraction = 2)
    private BigDecimal procentRoznicyZasilkuOkresowego;
    @DecimalMin("0")
    @DecimalMax("999999.99")
    @Digits(integer = 6, fraction = 2)
    private BigDecimal kwotaZasilkuCelowego;
    @Size(max = 500)
    private String celZasilkuCelowego;
    private boolean stratyWWynikuZdarzeniaLosowego;
    private boolean stratyWWynikuKleskiZywiolowejLubEkologicznej;
    private boolean szczegolnieUzasadnionyPrzypadek;

    public DanePomocySpolecznej() {
    }

    /**
     * The applicant keeps house alone (osoba samotnie gospodarujaca, art. 6 u.p.s.); then czlonkowieRodziny
     * holds only that person. False: the applicant lives in a family (rodzina) of all czlonkowieRodziny. Required.
     */
    public Boolean getOsobaSamotnieGospodarujaca() { return osobaSamotnieGospodarujaca; }
    public void setOsobaSamotnieGospodarujaca(Boolean b) { this.osobaSamotnieGospodarujaca = b; }

    /** Income of the month preceding the application, one entry per member; a member without an entry has 0. */
    public List<DochodCzlonka> getDochody() { return dochody; }
    public void setDochody(List<DochodCzlonka> l) { this.dochody = l == null ? new ArrayList<>() : l; }

    /** Reasons for assistance (art. 7 u.p.s.) found by the social worker. */
    public List<PowodPomocy> getPowody() { return powody; }
    public void setPowody(List<PowodPomocy> l) { this.powody = l == null ? new ArrayList<>() : l; }

    /** Zasilek staly: id of the person claiming it (czlonkowieRodziny); null = the WNIOSKODAWCA. */
    public String getCzlonekId() { return czlonekId; }
    public void setCzlonekId(String id) { this.czlonekId = id; }

    /** Zasilek staly: the claimant's incapacity for work (niezdolnosc do pracy z powodu wieku / calkowita). */
    public NiezdolnoscDoPracy getNiezdolnoscDoPracy() { return niezdolnoscDoPracy; }
    public void setNiezdolnoscDoPracy(NiezdolnoscDoPracy n) { this.niezdolnoscDoPracy = n; }

    /**
     * Zasilek staly: the claimant is also entitled to renta socjalna, swiadczenie pielegnacyjne, specjalny zasilek
     * opiekunczy, zasilek dla opiekuna or another benefit that the act does not allow together with zasilek staly
     * (zbieg uprawnien).
     */
    public boolean isZbiegUprawnien() { return zbiegUprawnien; }
    public void setZbiegUprawnien(boolean b) { this.zbiegUprawnien = b; }

    /**
     * Zasilek staly and okresowy: number of months, from the month of the legal date, covered by this decision
     * (for zasilek okresowy the period is set by the osrodek, art. 38); null = 1.
     */
    public Integer getLiczbaMiesiecy() { return liczbaMiesiecy; }
    public void setLiczbaMiesiecy(Integer n) { this.liczbaMiesiecy = n; }

    /**
     * Zasilek okresowy: the percentage of the shortfall (roznica miedzy kryterium a dochodem) granted, when the gmina
     * (uchwala rady gminy) or the osrodek sets more than the statutory minimum; null = the statutory minimum.
     */
    public BigDecimal getProcentRoznicyZasilkuOkresowego() { return procentRoznicyZasilkuOkresowego; }
    public void setProcentRoznicyZasilkuOkresowego(BigDecimal v) { this.procentRoznicyZasilkuOkresowego = v; }

    /** Zasilek celowy: the amount set by the social worker (the act leaves the amount to the decision). */
    public BigDecimal getKwotaZasilkuCelowego() { return kwotaZasilkuCelowego; }
    public void setKwotaZasilkuCelowego(BigDecimal v) { this.kwotaZasilkuCelowego = v; }

    /** Zasilek celowy: the need covered (art. 39 ust. 2: zywnosc, leki, opal, odziez, ...), free text. */
    public String getCelZasilkuCelowego() { return celZasilkuCelowego; }
    public void setCelZasilkuCelowego(String s) { this.celZasilkuCelowego = s; }

    /** Zasilek celowy: the person or family suffered losses from a random event (zdarzenie losowe, art. 40 ust. 1). */
    public boolean isStratyWWynikuZdarzeniaLosowego() { return stratyWWynikuZdarzeniaLosowego; }
    public void setStratyWWynikuZdarzeniaLosowego(boolean b) { this.stratyWWynikuZdarzeniaLosowego = b; }

    /** Zasilek celowy: losses from a natural or ecological disaster (kleska zywiolowa lub ekologiczna, art. 40 ust. 2). */
    public boolean isStratyWWynikuKleskiZywiolowejLubEkologicznej() { return stratyWWynikuKleskiZywiolowejLubEkologicznej; }
    public void setStratyWWynikuKleskiZywiolowejLubEkologicznej(boolean b) { this.stratyWWynikuKleskiZywiolowejLubEkologicznej = b; }

    /**
     * Zasilek celowy: the social worker finds a particularly justified case (szczegolnie uzasadniony przypadek,
     * art. 41) for a person or family whose income exceeds the criterion.
     */
    public boolean isSzczegolnieUzasadnionyPrzypadek() { return szczegolnieUzasadnionyPrzypadek; }
    public void setSzczegolnieUzasadnionyPrzypadek(boolean b) { this.szczegolnieUzasadnionyPrzypadek = b; }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        int liczba = w.getCzlonkowieRodziny().size();
        if (osobaSamotnieGospodarujaca == null) {
            out.add(new BladPola(sciezka + ".osobaSamotnieGospodarujaca", "pole wymagane (true albo false)"));
        } else if (osobaSamotnieGospodarujaca && liczba != 1) {
            out.add(new BladPola(sciezka + ".osobaSamotnieGospodarujaca",
                    "osoba samotnie gospodarująca musi być jedyną osobą na liście czlonkowieRodziny"));
        } else if (!osobaSamotnieGospodarujaca && liczba < 2) {
            out.add(new BladPola(sciezka + ".osobaSamotnieGospodarujaca",
                    "rodzina musi liczyć co najmniej dwie osoby na liście czlonkowieRodziny"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < dochody.size(); i++) {
            DochodCzlonka d = dochody.get(i);
            String q = sciezka + ".dochody[" + i + "]";
            if (d == null) {
                out.add(new BladPola(q, "nie może być puste (null)"));
                continue;
            }
            if (!SekcjaWniosku.jestCzlonkiem(w, d.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
            } else if (!ids.add(d.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "każda osoba może wystąpić tylko raz"));
            }
            nieujemna(out, q + ".przychody", d.getPrzychody());
            nieujemna(out, q + ".podatekDochodowy", d.getPodatekDochodowy());
            nieujemna(out, q + ".skladkiNaUbezpieczenia", d.getSkladkiNaUbezpieczenia());
            nieujemna(out, q + ".alimentyNaRzeczInnychOsob", d.getAlimentyNaRzeczInnychOsob());
            nieujemna(out, q + ".hektaryPrzeliczeniowe", d.getHektaryPrzeliczeniowe());
        }
        for (int i = 0; i < powody.size(); i++) {
            if (powody.get(i) == null) {
                out.add(new BladPola(sciezka + ".powody[" + i + "]", "nie może być puste (null)"));
            }
        }
        if (czlonekId != null && !SekcjaWniosku.jestCzlonkiem(w, czlonekId)) {
            out.add(new BladPola(sciezka + ".czlonekId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
        }
        if (liczbaMiesiecy != null && liczbaMiesiecy < 1) {
            out.add(new BladPola(sciezka + ".liczbaMiesiecy", "musi wynosić co najmniej 1"));
        }
        if (procentRoznicyZasilkuOkresowego != null && (procentRoznicyZasilkuOkresowego.signum() < 0
                || procentRoznicyZasilkuOkresowego.compareTo(BigDecimal.valueOf(100)) > 0)) {
            out.add(new BladPola(sciezka + ".procentRoznicyZasilkuOkresowego", "dozwolone od 0 do 100"));
        }
        if (kwotaZasilkuCelowego != null && kwotaZasilkuCelowego.signum() <= 0) {
            out.add(new BladPola(sciezka + ".kwotaZasilkuCelowego", "musi być większa od 0"));
        }
        return out;
    }

    private static void nieujemna(List<BladPola> out, String pole, BigDecimal v) {
        if (v != null && v.signum() < 0) {
            out.add(new BladPola(pole, "wartość nie może być ujemna"));
        }
    }

    /** The amount of a zasiłek celowy is the caseworker's decision (art. 39, 41): it must be given for that benefit. */
    @Override
    public List<BladPola> bledyDla(String swiadczenie, String sciezka, Wniosek wniosek) {
        if ("zasilek_celowy".equals(swiadczenie) && kwotaZasilkuCelowego == null) {
            return List.of(new BladPola(sciezka + ".kwotaZasilkuCelowego",
                    "pole wymagane dla zasiłku celowego: ustawa pozostawia kwotę decyzji ośrodka (art. 39, 41)"));
        }
        return List.of();
    }
}
