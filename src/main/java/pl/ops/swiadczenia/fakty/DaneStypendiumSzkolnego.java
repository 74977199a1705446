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
 * Section of the application with the facts specific to stypendium szkolne and zasilek szkolny (pomoc materialna
 * o charakterze socjalnym, ustawa o systemie oswiaty, art. 90b–90n): one section serves both benefits. The pupils
 * (uczniowie) are listed by {@code czlonekId}; their dataUrodzenia is read from {@link CzlonekRodziny}. The family of
 * the pupil (rodzina, art. 6 pkt 14 ustawy o pomocy spolecznej) is the list wniosek.czlonkowieRodziny. Input fact:
 * rules never modify it. Fields may only be added (old rule versions are replayed against this class).
 */
public class DaneStypendiumSzkolnego implements SekcjaWniosku {

    /** Kind of school or centre the pupil attends; it decides the age limit, deadline and maximum period. */
    public enum RodzajSzkoly {
        /**
         * A school (szkola publiczna, niepubliczna o uprawnieniach szkoly publicznej, niepubliczna szkola artystyczna
         * o uprawnieniach publicznej szkoly artystycznej): art. 90b ust. 3 pkt 1 – until the end of education, no
         * longer than until the 24th birthday.
         */
        SZKOLA,
        /** Kolegium pracownikow sluzb spolecznych (sluchacz): until the 24th birthday; deadline 15 October; up to 9 months. */
        KOLEGIUM_PRACOWNIKOW_SLUZB_SPOLECZNYCH,
        /** Osrodek rewalidacyjno-wychowawczy (wychowanek): until the end of obowiazek nauki (18 years). */
        OSRODEK_REWALIDACYJNO_WYCHOWAWCZY
    }

    @Size(max = 30)
    private List<@Valid Uczen> uczniowie = new ArrayList<>();
    @Min(1990)
    @Max(2100)
    private Integer rokSzkolny;
    @DecimalMin("0")
    @DecimalMax("9999999.99")
    @Digits(integer = 7, fraction = 2)
    private BigDecimal dochodRodzinyMiesiecznie;
    private boolean wniosekPoTerminieUzasadniony;
    @Valid
    private ZdarzenieLosowe zdarzenieLosowe;

    public DaneStypendiumSzkolnego() {
    }

    /** The pupils for whom the benefit is claimed (at least one). */
    public List<Uczen> getUczniowie() { return uczniowie; }
    public void setUczniowie(List<Uczen> l) { this.uczniowie = l == null ? new ArrayList<>() : l; }

    /**
     * The calendar year in which the school year (rok szkolny, 1 September – 31 August) of the application starts,
     * e.g. 2024 for 2024/2025. Optional: by default an application filed in July–December concerns the school year
     * starting that year, one filed in January–June the school year that started the year before.
     */
    public Integer getRokSzkolny() { return rokSzkolny; }
    public void setRokSzkolny(Integer r) { this.rokSzkolny = r; }

    /**
     * Stypendium szkolne: the family's income (dochod rodziny) in the month before the application (or in the month
     * of the application if income was lost), PLN, computed under art. 8 ust. 3–13 ustawy o pomocy spolecznej with
     * the exclusions of art. 90d ust. 8 u.s.o. (e.g. pupil material aid, swiadczenie wychowawcze): the sum of net
     * monthly income of all family members. Required for stypendium szkolne; not used for zasilek szkolny.
     */
    public BigDecimal getDochodRodzinyMiesiecznie() { return dochodRodzinyMiesiecznie; }
    public void setDochodRodzinyMiesiecznie(BigDecimal d) { this.dochodRodzinyMiesiecznie = d; }

    /**
     * Stypendium szkolne: the application was filed after the deadline (15 September / 15 October / 15 February)
     * in a justified case (w uzasadnionych przypadkach, art. 90n ust. 7), as accepted by the organ.
     */
    public boolean isWniosekPoTerminieUzasadniony() { return wniosekPoTerminieUzasadniony; }
    public void setWniosekPoTerminieUzasadniony(boolean b) { this.wniosekPoTerminieUzasadniony = b; }

    /** Zasilek szkolny: the random event (zdarzenie losowe) causing the temporary hardship; required for it. */
    public ZdarzenieLosowe getZdarzenieLosowe() { return zdarzenieLosowe; }
    public void setZdarzenieLosowe(ZdarzenieLosowe z) { this.zdarzenieLosowe = z; }

    /** One pupil (uczen, sluchacz or wychowanek) for whom the benefit is claimed. */
    public static class Uczen {
        @Size(max = 50)
        private String czlonekId;
        private RodzajSzkoly rodzajSzkoly = RodzajSzkoly.SZKOLA;
        private boolean zajeciaOdLutego;
        @DecimalMin("0")
        @DecimalMax("99999.99")
        @Digits(integer = 5, fraction = 2)
        private BigDecimal kwotaMiesiecznaStypendium;
        @Min(1)
        @Max(12)
        private Integer liczbaMiesiecy;
        @DecimalMin("0")
        @DecimalMax("99999.99")
        @Digits(integer = 5, fraction = 2)
        private BigDecimal kwotaZasilkuSzkolnego;

        public Uczen() {
        }

        /** Id of the pupil in wniosek.czlonkowieRodziny (dataUrodzenia is read there and is required). */
        public String getCzlonekId() { return czlonekId; }
        public void setCzlonekId(String id) { this.czlonekId = id; }

        /** Kind of school or centre (default SZKOLA). */
        public RodzajSzkoly getRodzajSzkoly() { return rodzajSzkoly; }
        public void setRodzajSzkoly(RodzajSzkoly r) { this.rodzajSzkoly = r == null ? RodzajSzkoly.SZKOLA : r; }

        /**
         * The pupil's school starts its classes on the first working day of February (zajecia dydaktyczno-
         * wychowawcze rozpoczynaja sie w pierwszym powszednim dniu lutego): deadline 15 February (art. 90n ust. 6).
         */
        public boolean isZajeciaOdLutego() { return zajeciaOdLutego; }
        public void setZajeciaOdLutego(boolean b) { this.zajeciaOdLutego = b; }

        /**
         * Stypendium szkolne: the monthly amount set by the gmina under its regulamin (art. 90f), PLN. Optional: if
         * absent, the statutory minimum (80 % of the art. 6 ust. 2 pkt 2 u.s.r. amount) is used; an amount outside
         * the statutory range of art. 90d ust. 9 is brought to the nearest limit, and the decision says so.
         */
        public BigDecimal getKwotaMiesiecznaStypendium() { return kwotaMiesiecznaStypendium; }
        public void setKwotaMiesiecznaStypendium(BigDecimal k) { this.kwotaMiesiecznaStypendium = k; }

        /**
         * Stypendium szkolne: the number of months granted (art. 90d ust. 10), counted from the first month of the
         * period. Optional: by default every month from September (or the month of filing, if later) to June.
         */
        public Integer getLiczbaMiesiecy() { return liczbaMiesiecy; }
        public void setLiczbaMiesiecy(Integer n) { this.liczbaMiesiecy = n; }

        /**
         * Zasilek szkolny: the amount requested or proposed for this pupil, PLN. Optional: if absent, the statutory
         * maximum (art. 90e ust. 3) is used; a higher amount is reduced to the maximum.
         */
        public BigDecimal getKwotaZasilkuSzkolnego() { return kwotaZasilkuSzkolnego; }
        public void setKwotaZasilkuSzkolnego(BigDecimal k) { this.kwotaZasilkuSzkolnego = k; }
    }

    /** The random event (zdarzenie losowe) for zasilek szkolny (art. 90e ust. 1). */
    public static class ZdarzenieLosowe {
        @Size(max = 200)
        private String rodzaj;
        private LocalDate dataZdarzenia;
        private boolean przejsciowoTrudnaSytuacjaMaterialna = true;

        public ZdarzenieLosowe() {
        }

        /** What happened, in words (e.g. "pozar", "smierc rodzica", "powodz", "choroba"). */
        public String getRodzaj() { return rodzaj; }
        public void setRodzaj(String r) { this.rodzaj = r; }

        /** The day the event happened; the application is due within 2 months of it (art. 90e ust. 4). Required. */
        public LocalDate getDataZdarzenia() { return dataZdarzenia; }
        public void setDataZdarzenia(LocalDate d) { this.dataZdarzenia = d; }

        /**
         * The event put the pupil in a temporarily difficult material situation (przejsciowo trudna sytuacja
         * materialna z powodu zdarzenia losowego, art. 90e ust. 1), as assessed by the organ. Default true.
         */
        public boolean isPrzejsciowoTrudnaSytuacjaMaterialna() { return przejsciowoTrudnaSytuacjaMaterialna; }
        public void setPrzejsciowoTrudnaSytuacjaMaterialna(boolean b) { this.przejsciowoTrudnaSytuacjaMaterialna = b; }
    }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        if (uczniowie.isEmpty()) {
            out.add(new BladPola(sciezka + ".uczniowie", "wymagany co najmniej jeden uczeń"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < uczniowie.size(); i++) {
            Uczen u = uczniowie.get(i);
            String q = sciezka + ".uczniowie[" + i + "]";
            if (u == null) {
                out.add(new BladPola(q, "nie może być puste (null)"));
                continue;
            }
            if (!SekcjaWniosku.jestCzlonkiem(w, u.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
            } else if (!ids.add(u.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "każdy uczeń może wystąpić tylko raz"));
            } else if (w.getCzlonkowieRodziny().stream()
                    .anyMatch(c -> c != null && u.getCzlonekId().equals(c.getId()) && c.getDataUrodzenia() == null)) {
                out.add(new BladPola(q + ".czlonekId", "wymagana data urodzenia ucznia (dataUrodzenia)"));
            }
            if (u.getKwotaMiesiecznaStypendium() != null) {
                if (u.getKwotaMiesiecznaStypendium().signum() < 0) {
                    out.add(new BladPola(q + ".kwotaMiesiecznaStypendium", "wartość nie może być ujemna"));
                } else if (u.getKwotaMiesiecznaStypendium().stripTrailingZeros().scale() > 2) {
                    out.add(new BladPola(q + ".kwotaMiesiecznaStypendium", "najwyżej 2 miejsca po przecinku (grosze)"));
                }
            }
            if (u.getKwotaZasilkuSzkolnego() != null) {
                if (u.getKwotaZasilkuSzkolnego().signum() <= 0) {
                    out.add(new BladPola(q + ".kwotaZasilkuSzkolnego", "musi być większa od 0"));
                } else if (u.getKwotaZasilkuSzkolnego().stripTrailingZeros().scale() > 2) {
                    out.add(new BladPola(q + ".kwotaZasilkuSzkolnego", "najwyżej 2 miejsca po przecinku (grosze)"));
                }
            }
            if (u.getLiczbaMiesiecy() != null && (u.getLiczbaMiesiecy() < 1 || u.getLiczbaMiesiecy() > 12)) {
                out.add(new BladPola(q + ".liczbaMiesiecy", "dozwolone od 1 do 12"));
            }
        }
        if (rokSzkolny != null && (rokSzkolny < 1990 || rokSzkolny > 2100)) {
            out.add(new BladPola(sciezka + ".rokSzkolny", "rok kalendarzowy, w którym zaczyna się rok szkolny (od 1990 do 2100)"));
        }
        if (dochodRodzinyMiesiecznie != null) {
            if (dochodRodzinyMiesiecznie.signum() < 0) {
                out.add(new BladPola(sciezka + ".dochodRodzinyMiesiecznie", "wartość nie może być ujemna"));
            } else if (dochodRodzinyMiesiecznie.stripTrailingZeros().scale() > 2) {
                out.add(new BladPola(sciezka + ".dochodRodzinyMiesiecznie", "najwyżej 2 miejsca po przecinku (grosze)"));
            }
        }
        if (zdarzenieLosowe != null) {
            LocalDate d = zdarzenieLosowe.getDataZdarzenia();
            if (d == null) {
                out.add(new BladPola(sciezka + ".zdarzenieLosowe.dataZdarzenia", "pole wymagane"));
            } else if (w.getDataZlozenia() != null && d.isAfter(w.getDataZlozenia())) {
                out.add(new BladPola(sciezka + ".zdarzenieLosowe.dataZdarzenia", "nie może być późniejsza niż wniosek.dataZlozenia"));
            } else if (d.getYear() < 1900) {
                out.add(new BladPola(sciezka + ".zdarzenieLosowe.dataZdarzenia", "nie może być wcześniejsza niż 1900-01-01"));
            }
        }
        return out;
    }
}
