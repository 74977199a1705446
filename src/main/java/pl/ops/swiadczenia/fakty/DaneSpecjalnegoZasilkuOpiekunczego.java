package pl.ops.swiadczenia.fakty;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Section of the application with the facts specific to specjalnego zasilku opiekunczego, art. 16a u.s.r. (until
 * 31.12.2023) and art. 63 ustawy o swiadczeniu wspierajacym (from 1.01.2024). Input fact: rules never modify it.
 * Fields may only be added (old rule versions are replayed against this class).
 *
 * <p>The carer (osoba sprawujaca opieke) is the applicant (rola WNIOSKODAWCA); the carer's family and its income come
 * from czlonkowieRodziny and the shared income calculation. The carer's own orzeczenie is read from the applicant's
 * {@link CzlonekRodziny#getOrzeczenie()}.
 */
public class DaneSpecjalnegoZasilkuOpiekunczego implements SekcjaWniosku {
    @Size(max = 50)
    private String osobaWymagajacaOpiekiId;
    private Orzeczenie orzeczenieOsobyWymagajacejOpieki;
    private boolean wskazaniaStalejOpiekiIWspoludzialuOpiekuna;
    private boolean obowiazekAlimentacyjnyLubMalzonek;
    private boolean rezygnujeLubNiePodejmujeZatrudnienia;
    @DecimalMin("0")
    @DecimalMax("99999999.99")
    @Digits(integer = 8, fraction = 2)
    private BigDecimal dochodRodzinyOsobyWymagajacejOpiekiRokBazowy;
    @Min(1)
    @Max(30)
    private Integer liczbaCzlonkowRodzinyOsobyWymagajacejOpieki;
    private boolean przyslugiwalWPoprzednimOkresieZasilkowym;
    private boolean przekroczenieKryteriumWPoprzednimOkresie;
    private boolean opiekunMaPrawoDoEmeryturyRentyLubZasilku;
    private boolean opiekunPodlegaObowiazkowoUbezpieczeniom;
    private boolean opiekunMaPrawoDoSwiadczeniaOpiekunczego;
    private boolean czlonekRodzinyMaPrawoDoSwiadczeniaOpiekunczego;
    private boolean osobaWymagajacaOpiekiUmieszczonaWPlacowce;
    private boolean naOsobeWymagajacaOpiekiUstalonoSwiadczenie;
    private boolean swiadczenieNaOpiekeZaGranica;
    private LocalDate dataPowstaniaPrawa;
    private LocalDate dataUplywuWaznosciOrzeczenia;
    private LocalDate dataWnioskuONoweOrzeczenie;
    private LocalDate dataWydaniaNowegoOrzeczenia;

    public DaneSpecjalnegoZasilkuOpiekunczego() {
    }

    /**
     * Id of the person requiring care (osoba wymagajaca opieki) when that person is in czlonkowieRodziny of the carer;
     * then, if counted as a family member (art. 3 pkt 16), both families are one and the income is counted once.
     * Null when the person lives in another family (then the two fields on that family are required).
     */
    public String getOsobaWymagajacaOpiekiId() { return osobaWymagajacaOpiekiId; }
    public void setOsobaWymagajacaOpiekiId(String s) { this.osobaWymagajacaOpiekiId = s; }

    /** Orzeczenie of the person requiring care: ZNACZNY, or O_NIEPELNOSPRAWNOSCI with the wskazania below. Required. */
    public Orzeczenie getOrzeczenieOsobyWymagajacejOpieki() { return orzeczenieOsobyWymagajacejOpieki; }
    public void setOrzeczenieOsobyWymagajacejOpieki(Orzeczenie o) { this.orzeczenieOsobyWymagajacejOpieki = o; }

    /**
     * An orzeczenie o niepelnosprawnosci states the need of constant or long-term care of another person and of the
     * carer's constant daily participation in treatment, rehabilitation and education (wskazania pkt 7 i 8).
     */
    public boolean isWskazaniaStalejOpiekiIWspoludzialuOpiekuna() { return wskazaniaStalejOpiekiIWspoludzialuOpiekuna; }
    public void setWskazaniaStalejOpiekiIWspoludzialuOpiekuna(boolean b) { this.wskazaniaStalejOpiekiIWspoludzialuOpiekuna = b; }

    /** The carer owes maintenance to the person (obowiazek alimentacyjny, Kodeks rodzinny i opiekunczy) or is the spouse. */
    public boolean isObowiazekAlimentacyjnyLubMalzonek() { return obowiazekAlimentacyjnyLubMalzonek; }
    public void setObowiazekAlimentacyjnyLubMalzonek(boolean b) { this.obowiazekAlimentacyjnyLubMalzonek = b; }

    /** The carer does not take up, or gives up, employment or other paid work to provide constant care. */
    public boolean isRezygnujeLubNiePodejmujeZatrudnienia() { return rezygnujeLubNiePodejmujeZatrudnienia; }
    public void setRezygnujeLubNiePodejmujeZatrudnienia(boolean b) { this.rezygnujeLubNiePodejmujeZatrudnienia = b; }

    /** Income of the family of the person requiring care in the base year (after its own adjustments), PLN per year. */
    public BigDecimal getDochodRodzinyOsobyWymagajacejOpiekiRokBazowy() { return dochodRodzinyOsobyWymagajacejOpiekiRokBazowy; }
    public void setDochodRodzinyOsobyWymagajacejOpiekiRokBazowy(BigDecimal d) { this.dochodRodzinyOsobyWymagajacejOpiekiRokBazowy = d; }

    /** Number of members of the family of the person requiring care (the person included). */
    public Integer getLiczbaCzlonkowRodzinyOsobyWymagajacejOpieki() { return liczbaCzlonkowRodzinyOsobyWymagajacejOpieki; }
    public void setLiczbaCzlonkowRodzinyOsobyWymagajacejOpieki(Integer n) { this.liczbaCzlonkowRodzinyOsobyWymagajacejOpieki = n; }

    /** The carer was entitled to the specjalny zasilek opiekunczy in the previous okres zasilkowy. */
    public boolean isPrzyslugiwalWPoprzednimOkresieZasilkowym() { return przyslugiwalWPoprzednimOkresieZasilkowym; }
    public void setPrzyslugiwalWPoprzednimOkresieZasilkowym(boolean b) { this.przyslugiwalWPoprzednimOkresieZasilkowym = b; }

    /** In the previous okres the income already exceeded the criterion (the zasilek was kept under the tolerance). */
    public boolean isPrzekroczenieKryteriumWPoprzednimOkresie() { return przekroczenieKryteriumWPoprzednimOkresie; }
    public void setPrzekroczenieKryteriumWPoprzednimOkresie(boolean b) { this.przekroczenieKryteriumWPoprzednimOkresie = b; }

    /**
     * The carer has an established right to emerytura, renta, renta rodzinna z tytulu smierci malzonka (zbieg), renta
     * socjalna, zasilek staly, nauczycielskie swiadczenie kompensacyjne, zasilek przedemerytalny or swiadczenie
     * przedemerytalne.
     */
    public boolean isOpiekunMaPrawoDoEmeryturyRentyLubZasilku() { return opiekunMaPrawoDoEmeryturyRentyLubZasilku; }
    public void setOpiekunMaPrawoDoEmeryturyRentyLubZasilku(boolean b) { this.opiekunMaPrawoDoEmeryturyRentyLubZasilku = b; }

    /** The carer is compulsorily covered by pension and disability insurance on another title. */
    public boolean isOpiekunPodlegaObowiazkowoUbezpieczeniom() { return opiekunPodlegaObowiazkowoUbezpieczeniom; }
    public void setOpiekunPodlegaObowiazkowoUbezpieczeniom(boolean b) { this.opiekunPodlegaObowiazkowoUbezpieczeniom = b; }

    /** The carer already has a right to specjalny zasilek opiekunczy, swiadczenie pielegnacyjne or zasilek dla opiekuna. */
    public boolean isOpiekunMaPrawoDoSwiadczeniaOpiekunczego() { return opiekunMaPrawoDoSwiadczeniaOpiekunczego; }
    public void setOpiekunMaPrawoDoSwiadczeniaOpiekunczego(boolean b) { this.opiekunMaPrawoDoSwiadczeniaOpiekunczego = b; }

    /**
     * A member of the carer's family has a right to specjalny zasilek opiekunczy, swiadczenie pielegnacyjne, zasilek
     * dla opiekuna or dodatek z tytulu opieki nad dzieckiem w okresie korzystania z urlopu wychowawczego.
     */
    public boolean isCzlonekRodzinyMaPrawoDoSwiadczeniaOpiekunczego() { return czlonekRodzinyMaPrawoDoSwiadczeniaOpiekunczego; }
    public void setCzlonekRodzinyMaPrawoDoSwiadczeniaOpiekunczego(boolean b) { this.czlonekRodzinyMaPrawoDoSwiadczeniaOpiekunczego = b; }

    /**
     * The person requiring care is placed in a foster family (other than a related one), a rodzinny dom dziecka or an
     * institution giving 24-hour care for more than 5 days a week.
     */
    public boolean isOsobaWymagajacaOpiekiUmieszczonaWPlacowce() { return osobaWymagajacaOpiekiUmieszczonaWPlacowce; }
    public void setOsobaWymagajacaOpiekiUmieszczonaWPlacowce(boolean b) { this.osobaWymagajacaOpiekiUmieszczonaWPlacowce = b; }

    /**
     * For the person requiring care another person has a right to wczesniejsza emerytura, swiadczenie pielegnacyjne,
     * specjalny zasilek opiekunczy, zasilek dla opiekuna or the dodatek for urlop wychowawczy.
     */
    public boolean isNaOsobeWymagajacaOpiekiUstalonoSwiadczenie() { return naOsobeWymagajacaOpiekiUstalonoSwiadczenie; }
    public void setNaOsobeWymagajacaOpiekiUstalonoSwiadczenie(boolean b) { this.naOsobeWymagajacaOpiekiUstalonoSwiadczenie = b; }

    /** Another person is entitled abroad to a benefit covering the costs of care of this person (no coordination rule). */
    public boolean isSwiadczenieNaOpiekeZaGranica() { return swiadczenieNaOpiekeZaGranica; }
    public void setSwiadczenieNaOpiekeZaGranica(boolean b) { this.swiadczenieNaOpiekeZaGranica = b; }

    /**
     * Day from which the carer's right to the zasilek first arose (dzien powstania prawa), when it is continued from
     * earlier periods; null for a first application. From 1.01.2024 only a right that arose by 31.12.2023 continues
     * (art. 63 ust. 1 ustawy o swiadczeniu wspierajacym).
     */
    public LocalDate getDataPowstaniaPrawa() { return dataPowstaniaPrawa; }
    public void setDataPowstaniaPrawa(LocalDate d) { this.dataPowstaniaPrawa = d; }

    /** When the previous orzeczenie of the person requiring care expired (termin waznosci), if a new one was needed. */
    public LocalDate getDataUplywuWaznosciOrzeczenia() { return dataUplywuWaznosciOrzeczenia; }
    public void setDataUplywuWaznosciOrzeczenia(LocalDate d) { this.dataUplywuWaznosciOrzeczenia = d; }

    /** Day the application for the new orzeczenie was filed. */
    public LocalDate getDataWnioskuONoweOrzeczenie() { return dataWnioskuONoweOrzeczenie; }
    public void setDataWnioskuONoweOrzeczenie(LocalDate d) { this.dataWnioskuONoweOrzeczenie = d; }

    /** Day the new orzeczenie was issued (wydane). */
    public LocalDate getDataWydaniaNowegoOrzeczenia() { return dataWydaniaNowegoOrzeczenia; }
    public void setDataWydaniaNowegoOrzeczenia(LocalDate d) { this.dataWydaniaNowegoOrzeczenia = d; }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        if (orzeczenieOsobyWymagajacejOpieki == null) {
            out.add(new BladPola(sciezka + ".orzeczenieOsobyWymagajacejOpieki", "pole wymagane (np. ZNACZNY albo O_NIEPELNOSPRAWNOSCI)"));
        }
        if (osobaWymagajacaOpiekiId != null && !SekcjaWniosku.jestCzlonkiem(w, osobaWymagajacaOpiekiId)) {
            out.add(new BladPola(sciezka + ".osobaWymagajacaOpiekiId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
        }
        boolean osobnaRodzina = osobaWymagajacaOpiekiId == null;
        if (dochodRodzinyOsobyWymagajacejOpiekiRokBazowy == null) {
            if (osobnaRodzina) {
                out.add(new BladPola(sciezka + ".dochodRodzinyOsobyWymagajacejOpiekiRokBazowy",
                        "pole wymagane, gdy nie podano osobaWymagajacaOpiekiId (osoba wymagająca opieki jest w innej rodzinie)"));
            }
        } else if (dochodRodzinyOsobyWymagajacejOpiekiRokBazowy.signum() < 0) {
            out.add(new BladPola(sciezka + ".dochodRodzinyOsobyWymagajacejOpiekiRokBazowy", "wartość nie może być ujemna"));
        } else if (dochodRodzinyOsobyWymagajacejOpiekiRokBazowy.stripTrailingZeros().scale() > 2) {
            out.add(new BladPola(sciezka + ".dochodRodzinyOsobyWymagajacejOpiekiRokBazowy", "najwyżej 2 miejsca po przecinku (grosze)"));
        }
        if (liczbaCzlonkowRodzinyOsobyWymagajacejOpieki == null) {
            if (osobnaRodzina) {
                out.add(new BladPola(sciezka + ".liczbaCzlonkowRodzinyOsobyWymagajacejOpieki",
                        "pole wymagane, gdy nie podano osobaWymagajacaOpiekiId (osoba wymagająca opieki jest w innej rodzinie)"));
            }
        } else if (liczbaCzlonkowRodzinyOsobyWymagajacejOpieki < 1 || liczbaCzlonkowRodzinyOsobyWymagajacejOpieki > 30) {
            out.add(new BladPola(sciezka + ".liczbaCzlonkowRodzinyOsobyWymagajacejOpieki", "dozwolone od 1 do 30"));
        }
        if (dataWydaniaNowegoOrzeczenia != null && dataWnioskuONoweOrzeczenie == null) {
            out.add(new BladPola(sciezka + ".dataWnioskuONoweOrzeczenie", "pole wymagane, gdy podano dataWydaniaNowegoOrzeczenia"));
        }
        if (dataWnioskuONoweOrzeczenie != null && dataUplywuWaznosciOrzeczenia == null) {
            out.add(new BladPola(sciezka + ".dataUplywuWaznosciOrzeczenia", "pole wymagane, gdy podano dataWnioskuONoweOrzeczenie"));
        }
        if (dataWydaniaNowegoOrzeczenia != null && dataWnioskuONoweOrzeczenie != null
                && dataWydaniaNowegoOrzeczenia.isBefore(dataWnioskuONoweOrzeczenie)) {
            out.add(new BladPola(sciezka + ".dataWydaniaNowegoOrzeczenia", "nie może być wcześniejsza niż dataWnioskuONoweOrzeczenie"));
        }
        return out;
    }
}
