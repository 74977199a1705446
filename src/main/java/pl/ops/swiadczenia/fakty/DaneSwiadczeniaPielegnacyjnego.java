package pl.ops.swiadczenia.fakty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Section of the application with the facts specific to swiadczenie pielegnacyjne (art. 17 u.s.r.; art. 63 of the
 * ustawa z dnia 7 lipca 2023 r. o swiadczeniu wspierajacym): the carer (osoba sprawujaca opieke), the carer's title
 * and situation, and one entry per person cared for (osoba wymagajaca opieki). Household facts (dataUrodzenia,
 * orzeczenie, zwiazek malzenski) stay on {@link CzlonekRodziny}. Input fact: rules never modify it. Fields may only be
 * added (old rule versions are replayed against this class).
 */
public class DaneSwiadczeniaPielegnacyjnego implements SekcjaWniosku {
    /** Allowed values of {@link #getTytulOpiekuna()}; which of them entitle is decided by each ruleset version. */
    public static final List<String> TYTULY_OPIEKUNA = List.of(
            "MATKA_LUB_OJCIEC", "OPIEKUN_FAKTYCZNY", "RODZINA_ZASTEPCZA_SPOKREWNIONA", "RODZINA_ZASTEPCZA",
            "PROWADZACY_RODZINNY_DOM_DZIECKA", "DYREKTOR_PLACOWKI", "MALZONEK", "INNA_OSOBA_ZOBOWIAZANA_DO_ALIMENTACJI");

    @Size(max = 50)
    private String opiekunId;
    @Size(max = 50)
    private String tytulOpiekuna;
    private Boolean spelnioneWarunkiArt17Ust1a;
    private boolean niePodejmujeLubRezygnujeZZatrudnienia;
    private boolean opiekunMaPrawoDoEmeryturyRentyLubZasilku;
    private boolean opiekunMaPrawoDoInnegoSwiadczeniaOpiekunczego;
    private boolean prawoUstalonePrzed2024;
    private boolean wybranoZasadyOd2024;
    private boolean noweOrzeczeniePo2023;
    private Boolean terminyArt63Ust3Zachowane;
    @Size(max = 30)
    private List<@Valid OsobaWymagajacaOpieki> osobyWymagajaceOpieki = new ArrayList<>();

    public DaneSwiadczeniaPielegnacyjnego() {
    }

    /** Id of the carer (osoba sprawujaca opieke, the applicant) in wniosek.czlonkowieRodziny. */
    public String getOpiekunId() { return opiekunId; }
    public void setOpiekunId(String id) { this.opiekunId = id; }

    /**
     * The carer's title to the benefit (art. 17 ust. 1 u.s.r.), one of {@link #TYTULY_OPIEKUNA}: MATKA_LUB_OJCIEC,
     * OPIEKUN_FAKTYCZNY (opiekun faktyczny dziecka), RODZINA_ZASTEPCZA_SPOKREWNIONA, RODZINA_ZASTEPCZA (other foster
     * family), PROWADZACY_RODZINNY_DOM_DZIECKA, DYREKTOR_PLACOWKI (placowka opiekunczo-wychowawcza, regionalna
     * placowka opiekunczo-terapeutyczna, interwencyjny osrodek preadopcyjny), MALZONEK, INNA_OSOBA_ZOBOWIAZANA_DO_ALIMENTACJI
     * (another person with obowiazek alimentacyjny under the Kodeks rodzinny i opiekunczy).
     */
    public String getTytulOpiekuna() { return tytulOpiekuna; }
    public void setTytulOpiekuna(String t) { this.tytulOpiekuna = t; }

    /**
     * For INNA_OSOBA_ZOBOWIAZANA_DO_ALIMENTACJI: the conditions of art. 17 ust. 1a are all met (the parents of the
     * person cared for are dead, deprived of parental authority, minors or hold orzeczenie o znacznym stopniu; there
     * are no persons obliged to alimony in the first order, or they are minors or hold znaczny stopien); null if not
     * stated.
     */
    public Boolean getSpelnioneWarunkiArt17Ust1a() { return spelnioneWarunkiArt17Ust1a; }
    public void setSpelnioneWarunkiArt17Ust1a(Boolean b) { this.spelnioneWarunkiArt17Ust1a = b; }

    /**
     * The carer does not take up or gives up employment or other gainful work (nie podejmuje lub rezygnuje z
     * zatrudnienia lub innej pracy zarobkowej) to care for the person: a condition under the rules in force until
     * 31 December 2023 only.
     */
    public boolean isNiePodejmujeLubRezygnujeZZatrudnienia() { return niePodejmujeLubRezygnujeZZatrudnienia; }
    public void setNiePodejmujeLubRezygnujeZZatrudnienia(boolean b) { this.niePodejmujeLubRezygnujeZZatrudnienia = b; }

    /**
     * The carer has an established right to an emerytura, renta, renta socjalna, zasilek staly, zasilek or
     * swiadczenie przedemerytalne, nauczycielskie swiadczenie kompensacyjne, rolnicza renta strukturalna or a similar
     * benefit listed in art. 17 ust. 5 pkt 1 lit. a (rules until 31 December 2023).
     */
    public boolean isOpiekunMaPrawoDoEmeryturyRentyLubZasilku() { return opiekunMaPrawoDoEmeryturyRentyLubZasilku; }
    public void setOpiekunMaPrawoDoEmeryturyRentyLubZasilku(boolean b) { this.opiekunMaPrawoDoEmeryturyRentyLubZasilku = b; }

    /**
     * The carer already has an established right to specjalny zasilek opiekunczy, zasilek dla opiekuna, the dodatek
     * of art. 10 u.s.r. (urlop wychowawczy) or swiadczenie pielegnacyjne on another title (art. 17 ust. 5 pkt 1
     * lit. b).
     */
    public boolean isOpiekunMaPrawoDoInnegoSwiadczeniaOpiekunczego() { return opiekunMaPrawoDoInnegoSwiadczeniaOpiekunczego; }
    public void setOpiekunMaPrawoDoInnegoSwiadczeniaOpiekunczego(boolean b) { this.opiekunMaPrawoDoInnegoSwiadczeniaOpiekunczego = b; }

    /**
     * The carer's right to swiadczenie pielegnacyjne arose by 31 December 2023 under the rules then in force
     * (art. 63 ust. 1 ustawy o swiadczeniu wspierajacym): the case keeps the old rules (with the current amount).
     */
    public boolean isPrawoUstalonePrzed2024() { return prawoUstalonePrzed2024; }
    public void setPrawoUstalonePrzed2024(boolean b) { this.prawoUstalonePrzed2024 = b; }

    /** A carer with a right established before 2024 asks for the benefit under the rules in force from 1 January 2024. */
    public boolean isWybranoZasadyOd2024() { return wybranoZasadyOd2024; }
    public void setWybranoZasadyOd2024(boolean b) { this.wybranoZasadyOd2024 = b; }

    /**
     * The right kept under art. 63 is being re-established after a new orzeczenie was issued for the person cared
     * for, following expiry of the previous one (art. 63 ust. 3).
     */
    public boolean isNoweOrzeczeniePo2023() { return noweOrzeczeniePo2023; }
    public void setNoweOrzeczeniePo2023(boolean b) { this.noweOrzeczeniePo2023 = b; }

    /**
     * When noweOrzeczeniePo2023: the application for the new orzeczenie was filed within 3 months from the day after
     * the previous one expired, and the application for the benefit within 3 months of the new orzeczenie (art. 63
     * ust. 3); null if not stated.
     */
    public Boolean getTerminyArt63Ust3Zachowane() { return terminyArt63Ust3Zachowane; }
    public void setTerminyArt63Ust3Zachowane(Boolean b) { this.terminyArt63Ust3Zachowane = b; }

    /** The persons cared for (at least one). */
    public List<OsobaWymagajacaOpieki> getOsobyWymagajaceOpieki() { return osobyWymagajaceOpieki; }
    public void setOsobyWymagajaceOpieki(List<OsobaWymagajacaOpieki> l) { this.osobyWymagajaceOpieki = l == null ? new ArrayList<>() : l; }

    /** One person cared for (osoba wymagajaca opieki). */
    public static class OsobaWymagajacaOpieki {
        @Size(max = 50)
        private String czlonekId;
        private boolean wskazaniaPkt7i8;
        private boolean malzonekZeZnacznymStopniem;
        private boolean pobytWPlacowceCalodobowejPowyzej5DniWTygodniu;
        private boolean innaOsobaMaPrawoDoSwiadczeniaOpiekunczego;
        private boolean maPrawoDoSwiadczeniaWspierajacego;
        private LocalDate orzeczenieWazneDo;

        public OsobaWymagajacaOpieki() {
        }

        /** Id of the person cared for in wniosek.czlonkowieRodziny (orzeczenie, dataUrodzenia read there). */
        public String getCzlonekId() { return czlonekId; }
        public void setCzlonekId(String id) { this.czlonekId = id; }

        /**
         * The orzeczenie o niepelnosprawnosci contains both wskazania: pkt 7 (koniecznosc stalej lub dlugotrwalej
         * opieki lub pomocy innej osoby w zwiazku ze znacznie ograniczona mozliwoscia samodzielnej egzystencji) and
         * pkt 8 (koniecznosc stalego wspoludzialu na co dzien opiekuna dziecka w procesie jego leczenia, rehabilitacji
         * i edukacji).
         */
        public boolean isWskazaniaPkt7i8() { return wskazaniaPkt7i8; }
        public void setWskazaniaPkt7i8(boolean b) { this.wskazaniaPkt7i8 = b; }

        /** The spouse of the (married) person cared for holds orzeczenie o znacznym stopniu (art. 17 ust. 5 pkt 2 lit. a). */
        public boolean isMalzonekZeZnacznymStopniem() { return malzonekZeZnacznymStopniem; }
        public void setMalzonekZeZnacznymStopniem(boolean b) { this.malzonekZeZnacznymStopniem = b; }

        /**
         * The person is placed in a foster family (other than a related one), rodzinny dom dziecka, a placowka or an
         * institution giving 24-hour care and stays there more than 5 days a week (art. 17 ust. 5 pkt 2 lit. b).
         */
        public boolean isPobytWPlacowceCalodobowejPowyzej5DniWTygodniu() { return pobytWPlacowceCalodobowejPowyzej5DniWTygodniu; }
        public void setPobytWPlacowceCalodobowejPowyzej5DniWTygodniu(boolean b) { this.pobytWPlacowceCalodobowejPowyzej5DniWTygodniu = b; }

        /**
         * Another person has an established right to swiadczenie pielegnacyjne, specjalny zasilek opiekunczy, zasilek
         * dla opiekuna or the dodatek of art. 10 for caring for this person (art. 17 ust. 5 pkt 3).
         */
        public boolean isInnaOsobaMaPrawoDoSwiadczeniaOpiekunczego() { return innaOsobaMaPrawoDoSwiadczeniaOpiekunczego; }
        public void setInnaOsobaMaPrawoDoSwiadczeniaOpiekunczego(boolean b) { this.innaOsobaMaPrawoDoSwiadczeniaOpiekunczego = b; }

        /**
         * The (adult) person cared for has an established right to swiadczenie wspierajace, or has applied for it
         * (ustawa z dnia 7 lipca 2023 r.); the old-rules benefit kept under art. 63 is then not payable.
         */
        public boolean isMaPrawoDoSwiadczeniaWspierajacego() { return maPrawoDoSwiadczeniaWspierajacego; }
        public void setMaPrawoDoSwiadczeniaWspierajacego(boolean b) { this.maPrawoDoSwiadczeniaWspierajacego = b; }

        /**
         * Last day of validity of the orzeczenie when issued for a fixed term; null when permanent. Entitlement ends
         * with the month in which it expires (art. 24 ust. 4).
         */
        public LocalDate getOrzeczenieWazneDo() { return orzeczenieWazneDo; }
        public void setOrzeczenieWazneDo(LocalDate d) { this.orzeczenieWazneDo = d; }
    }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        if (!SekcjaWniosku.jestCzlonkiem(w, opiekunId)) {
            out.add(new BladPola(sciezka + ".opiekunId", "pole wymagane: identyfikator osoby z listy czlonkowieRodziny"));
        }
        if (tytulOpiekuna == null || !TYTULY_OPIEKUNA.contains(tytulOpiekuna)) {
            out.add(new BladPola(sciezka + ".tytulOpiekuna", "pole wymagane, jedna z wartości " + String.join(", ", TYTULY_OPIEKUNA)));
        }
        if (noweOrzeczeniePo2023 && terminyArt63Ust3Zachowane == null) {
            out.add(new BladPola(sciezka + ".terminyArt63Ust3Zachowane", "pole wymagane (true albo false), gdy noweOrzeczeniePo2023 ma wartość true"));
        }
        if (osobyWymagajaceOpieki.isEmpty()) {
            out.add(new BladPola(sciezka + ".osobyWymagajaceOpieki", "wymagana co najmniej jedna osoba wymagająca opieki"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < osobyWymagajaceOpieki.size(); i++) {
            OsobaWymagajacaOpieki o = osobyWymagajaceOpieki.get(i);
            String q = sciezka + ".osobyWymagajaceOpieki[" + i + "]";
            if (o == null) {
                out.add(new BladPola(q, "nie może być puste (null)"));
                continue;
            }
            if (!SekcjaWniosku.jestCzlonkiem(w, o.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
            } else if (o.getCzlonekId().equals(opiekunId)) {
                out.add(new BladPola(q + ".czlonekId", "opiekun nie może być osobą wymagającą opieki"));
            } else if (!ids.add(o.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "każda osoba wymagająca opieki może wystąpić tylko raz"));
            }
            if (o.getOrzeczenieWazneDo() != null && o.getOrzeczenieWazneDo().getYear() < 1900) {
                out.add(new BladPola(q + ".orzeczenieWazneDo", "nie może być wcześniejsza niż 1900-01-01"));
            }
        }
        return out;
    }
}
