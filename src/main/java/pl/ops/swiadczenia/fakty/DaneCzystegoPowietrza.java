package pl.ops.swiadczenia.fakty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Section of the application with the facts specific to the zaswiadczenie o przecietnym miesiecznym dochodzie
 * przypadajacym na jednego czlonka gospodarstwa domowego for the "Czyste Powietrze" programme (art. 411 ust. 10g-10s
 * of the ustawa Prawo ochrony srodowiska). Input fact: rules never modify it. Fields may only be added (old rule
 * versions are replayed against this class).
 *
 * <p>The request date (data zlozenia zadania wydania zaswiadczenia) is {@link Wniosek#getDataZlozenia()}; every
 * person in {@link Wniosek#getCzlonkowieRodziny()} is a member of the gospodarstwo domowe (persons living and
 * keeping house together with the applicant). Incomes are annual amounts of {@link #getRokDochodu()} in PLN.
 */
public class DaneCzystegoPowietrza implements SekcjaWniosku {

    /** Kinds of zasilek that open the alternative path to the najwyzszy poziom dofinansowania. */
    public enum RodzajZasilku {
        /** Zasilek staly (art. 37 ustawy o pomocy spolecznej). */
        ZASILEK_STALY,
        /** Zasilek okresowy (art. 38 ustawy o pomocy spolecznej). */
        ZASILEK_OKRESOWY,
        /** Zasilek rodzinny (art. 4 ustawy o swiadczeniach rodzinnych). */
        ZASILEK_RODZINNY,
        /** Specjalny zasilek opiekunczy (art. 16a ustawy o swiadczeniach rodzinnych). */
        SPECJALNY_ZASILEK_OPIEKUNCZY,
        /** Any other benefit (e.g. zasilek celowy, zasilek pielegnacyjny): does not qualify; accepted to say so. */
        INNY
    }

    /**
     * Income of one household member in {@code rokDochodu}, as defined by art. 3 pkt 1 of the ustawa o swiadczeniach
     * rodzinnych (applied under art. 411 of the ustawa Prawo ochrony srodowiska). All amounts are annual, in PLN, not
     * negative; absent amounts count as 0.
     */
    public static class DochodCzlonka {
        @Size(max = 50)
        private String czlonekId;
        @DecimalMin("0")
        @DecimalMax("99999999.99")
        @Digits(integer = 8, fraction = 2)
        private BigDecimal dochodPodlegajacyOpodatkowaniu;
        @DecimalMin("0")
        @DecimalMax("99999999.99")
        @Digits(integer = 8, fraction = 2)
        private BigDecimal dochodZRyczaltu;
        @DecimalMin("0")
        @DecimalMax("99999999.99")
        @Digits(integer = 8, fraction = 2)
        private BigDecimal naleznyPodatekDochodowy;
        @DecimalMin("0")
        @DecimalMax("99999999.99")
        @Digits(integer = 8, fraction = 2)
        private BigDecimal skladkiNaUbezpieczeniaSpoleczne;
        @DecimalMin("0")
        @DecimalMax("99999999.99")
        @Digits(integer = 8, fraction = 2)
        private BigDecimal skladkiNaUbezpieczenieZdrowotne;
        @DecimalMin("0")
        @DecimalMax("99999999.99")
        @Digits(integer = 8, fraction = 2)
        private BigDecimal dochodNieopodatkowany;
        @DecimalMin("0")
        @DecimalMax("99999999.99")
        @Digits(integer = 8, fraction = 2)
        private BigDecimal alimentyNaRzeczInnychOsob;

        public DochodCzlonka() {
        }

        /** Id of the person in czlonkowieRodziny. Required. */
        public String getCzlonekId() { return czlonekId; }
        public void setCzlonekId(String s) { this.czlonekId = s; }
        /**
         * Dochod from the PIT return: przychody taxed under art. 27, 30b, 30c, 30e and 30f of the ustawa o podatku
         * dochodowym od osob fizycznych less koszty uzyskania przychodu (art. 3 pkt 1 lit. a u.s.r.).
         */
        public BigDecimal getDochodPodlegajacyOpodatkowaniu() { return dochodPodlegajacyOpodatkowaniu; }
        public void setDochodPodlegajacyOpodatkowaniu(BigDecimal b) { this.dochodPodlegajacyOpodatkowaniu = b; }
        /**
         * Income declared from activity taxed by zryczaltowany podatek dochodowy (ryczalt od przychodow
         * ewidencjonowanych, karta podatkowa), art. 3 pkt 1 lit. b u.s.r.
         */
        public BigDecimal getDochodZRyczaltu() { return dochodZRyczaltu; }
        public void setDochodZRyczaltu(BigDecimal b) { this.dochodZRyczaltu = b; }
        /** Nalezny podatek dochodowy on the two incomes above (PIT and zryczaltowany). */
        public BigDecimal getNaleznyPodatekDochodowy() { return naleznyPodatekDochodowy; }
        public void setNaleznyPodatekDochodowy(BigDecimal b) { this.naleznyPodatekDochodowy = b; }
        /** Skladki na ubezpieczenia spoleczne not counted in koszty uzyskania przychodu. */
        public BigDecimal getSkladkiNaUbezpieczeniaSpoleczne() { return skladkiNaUbezpieczeniaSpoleczne; }
        public void setSkladkiNaUbezpieczeniaSpoleczne(BigDecimal b) { this.skladkiNaUbezpieczeniaSpoleczne = b; }
        /** Skladki na ubezpieczenie zdrowotne. */
        public BigDecimal getSkladkiNaUbezpieczenieZdrowotne() { return skladkiNaUbezpieczenieZdrowotne; }
        public void setSkladkiNaUbezpieczenieZdrowotne(BigDecimal b) { this.skladkiNaUbezpieczenieZdrowotne = b; }
        /** Income not subject to PIT listed in art. 3 pkt 1 lit. c u.s.r. (part III of the request form). */
        public BigDecimal getDochodNieopodatkowany() { return dochodNieopodatkowany; }
        public void setDochodNieopodatkowany(BigDecimal b) { this.dochodNieopodatkowany = b; }
        /** Alimenty swiadczone na rzecz innych osob (paid by this member; reduce the income). */
        public BigDecimal getAlimentyNaRzeczInnychOsob() { return alimentyNaRzeczInnychOsob; }
        public void setAlimentyNaRzeczInnychOsob(BigDecimal b) { this.alimentyNaRzeczInnychOsob = b; }
    }

    /** An established right (ustalone prawo) of a household member to a zasilek, with its period. */
    public static class ZasilekCzlonka {
        @Size(max = 50)
        private String czlonekId;
        private RodzajZasilku rodzaj;
        private LocalDate okresOd;
        private LocalDate okresDo;

        public ZasilekCzlonka() {
        }

        /** Id of the person in czlonkowieRodziny for whom the right was established. Required. */
        public String getCzlonekId() { return czlonekId; }
        public void setCzlonekId(String s) { this.czlonekId = s; }
        /** Kind of the benefit. Required. */
        public RodzajZasilku getRodzaj() { return rodzaj; }
        public void setRodzaj(RodzajZasilku r) { this.rodzaj = r; }
        /** First day of the period the benefit was granted for. Required. */
        public LocalDate getOkresOd() { return okresOd; }
        public void setOkresOd(LocalDate d) { this.okresOd = d; }
        /** Last day of the period the benefit was granted for; null = bezterminowo (e.g. zasilek staly). */
        public LocalDate getOkresDo() { return okresDo; }
        public void setOkresDo(LocalDate d) { this.okresDo = d; }
    }

    @Min(1900)
    @Max(2100)
    private Integer rokDochodu;
    @Size(max = 30)
    private List<@Valid DochodCzlonka> dochodyCzlonkow = new ArrayList<>();
    @DecimalMin("0")
    @DecimalMax("99999.9999")
    @Digits(integer = 5, fraction = 4)
    private BigDecimal hektaryPrzeliczeniowe;
    @Size(max = 100)
    private List<@Valid ZasilekCzlonka> zasilki = new ArrayList<>();

    public DaneCzystegoPowietrza() {
    }

    /** The calendar year whose incomes are stated in {@link #getDochodyCzlonkow()}. Required. */
    public Integer getRokDochodu() { return rokDochodu; }
    public void setRokDochodu(Integer r) { this.rokDochodu = r; }
    /** Incomes of household members in rokDochodu; a member without an entry had no income. */
    public List<DochodCzlonka> getDochodyCzlonkow() { return dochodyCzlonkow; }
    public void setDochodyCzlonkow(List<DochodCzlonka> l) { this.dochodyCzlonkow = l == null ? new ArrayList<>() : l; }
    /** Hektary przeliczeniowe of the household's farm (gospodarstwo rolne) in rokDochodu; null or 0 = none. */
    public BigDecimal getHektaryPrzeliczeniowe() { return hektaryPrzeliczeniowe; }
    public void setHektaryPrzeliczeniowe(BigDecimal b) { this.hektaryPrzeliczeniowe = b; }
    /** Established rights of household members to zasilki (alternative path to the najwyzszy poziom). */
    public List<ZasilekCzlonka> getZasilki() { return zasilki; }
    public void setZasilki(List<ZasilekCzlonka> l) { this.zasilki = l == null ? new ArrayList<>() : l; }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        if (rokDochodu == null) {
            out.add(new BladPola(sciezka + ".rokDochodu", "pole wymagane"));
        } else if (rokDochodu < 1990 || rokDochodu > 2200) {
            out.add(new BladPola(sciezka + ".rokDochodu", "musi być rokiem kalendarzowym"));
        }
        if (w.getDataZlozenia() == null) {
            out.add(new BladPola("wniosek.dataZlozenia", "pole wymagane (data wniosku o wydanie orzeczenia)"));
        }
        if (hektaryPrzeliczeniowe != null && hektaryPrzeliczeniowe.signum() < 0) {
            out.add(new BladPola(sciezka + ".hektaryPrzeliczeniowe", "wartość nie może być ujemna"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < dochodyCzlonkow.size(); i++) {
            DochodCzlonka d = dochodyCzlonkow.get(i);
            String q = sciezka + ".dochodyCzlonkow[" + i + "]";
            if (d == null) {
                out.add(new BladPola(q, "nie może być puste (null)"));
                continue;
            }
            if (!SekcjaWniosku.jestCzlonkiem(w, d.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
            } else if (!ids.add(d.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "każda osoba może wystąpić tylko raz"));
            }
            nieujemna(out, q + ".dochodPodlegajacyOpodatkowaniu", d.getDochodPodlegajacyOpodatkowaniu());
            nieujemna(out, q + ".dochodZRyczaltu", d.getDochodZRyczaltu());
            nieujemna(out, q + ".naleznyPodatekDochodowy", d.getNaleznyPodatekDochodowy());
            nieujemna(out, q + ".skladkiNaUbezpieczeniaSpoleczne", d.getSkladkiNaUbezpieczeniaSpoleczne());
            nieujemna(out, q + ".skladkiNaUbezpieczenieZdrowotne", d.getSkladkiNaUbezpieczenieZdrowotne());
            nieujemna(out, q + ".dochodNieopodatkowany", d.getDochodNieopodatkowany());
            nieujemna(out, q + ".alimentyNaRzeczInnychOsob", d.getAlimentyNaRzeczInnychOsob());
        }
        for (int i = 0; i < zasilki.size(); i++) {
            ZasilekCzlonka z = zasilki.get(i);
            String q = sciezka + ".zasilki[" + i + "]";
            if (z == null) {
                out.add(new BladPola(q, "nie może być puste (null)"));
                continue;
            }
            if (!SekcjaWniosku.jestCzlonkiem(w, z.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
            }
            if (z.getRodzaj() == null) {
                out.add(new BladPola(q + ".rodzaj",
                        "pole wymagane (ZASILEK_STALY, ZASILEK_OKRESOWY, ZASILEK_RODZINNY, SPECJALNY_ZASILEK_OPIEKUNCZY, INNY)"));
            }
            if (z.getOkresOd() == null) {
                out.add(new BladPola(q + ".okresOd", "pole wymagane"));
            } else if (z.getOkresDo() != null && z.getOkresDo().isBefore(z.getOkresOd())) {
                out.add(new BladPola(q + ".okresDo", "nie może być wcześniejsza niż okresOd"));
            }
        }
        return out;
    }

    private static void nieujemna(List<BladPola> out, String pole, BigDecimal x) {
        if (x != null && x.signum() < 0) {
            out.add(new BladPola(pole, "wartość nie może być ujemna"));
        }
    }
}
