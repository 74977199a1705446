package pl.ops.swiadczenia.fakty;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Section of the application with the facts specific to dodatek energetyczny (ustawa – Prawo energetyczne, art. 3
 * pkt 13c, art. 5c–5d): the three conditions of an odbiorca wrazliwy energii elektrycznej (a granted dodatek
 * mieszkaniowy with its period, a umowa kompleksowa or umowa sprzedazy energii elektrycznej, living at the supply
 * point) and, optionally, the size of the gospodarstwo domowe. The filing date is {@link Wniosek#getDataZlozenia()}.
 * Input fact: rules never modify it. Fields may only be added (old rule versions are replayed against this class).
 */
public class DaneDodatkuEnergetycznego implements SekcjaWniosku {
    private Boolean dodatekMieszkaniowyPrzyznany;
    private LocalDate dataDecyzjiODodatkuMieszkaniowym;
    private LocalDate okresDodatkuMieszkaniowegoOd;
    private LocalDate okresDodatkuMieszkaniowegoDo;
    private Boolean stronaUmowyKompleksowejLubUmowySprzedazy;
    private Boolean zamieszkujeWMiejscuDostarczaniaEnergii;
    @Min(1)
    @Max(30)
    private Integer liczbaOsobGospodarstwaDomowego;

    public DaneDodatkuEnergetycznego() {
    }

    /**
     * The applicant has been granted a dodatek mieszkaniowy (osoba, ktorej przyznano dodatek mieszkaniowy, art. 3 pkt
     * 13c Prawa energetycznego; ustawa z dnia 21 czerwca 2001 r. o dodatkach mieszkaniowych). Required.
     */
    public Boolean getDodatekMieszkaniowyPrzyznany() { return dodatekMieszkaniowyPrzyznany; }
    public void setDodatekMieszkaniowyPrzyznany(Boolean b) { this.dodatekMieszkaniowyPrzyznany = b; }

    /** Date of the decision granting the dodatek mieszkaniowy (informative; shown in the explanation). */
    public LocalDate getDataDecyzjiODodatkuMieszkaniowym() { return dataDecyzjiODodatkuMieszkaniowym; }
    public void setDataDecyzjiODodatkuMieszkaniowym(LocalDate d) { this.dataDecyzjiODodatkuMieszkaniowym = d; }

    /** First day of the period for which the dodatek mieszkaniowy was granted; required if it was granted. */
    public LocalDate getOkresDodatkuMieszkaniowegoOd() { return okresDodatkuMieszkaniowegoOd; }
    public void setOkresDodatkuMieszkaniowegoOd(LocalDate d) { this.okresDodatkuMieszkaniowegoOd = d; }

    /** Last day of the period for which the dodatek mieszkaniowy was granted; required if it was granted. */
    public LocalDate getOkresDodatkuMieszkaniowegoDo() { return okresDodatkuMieszkaniowegoDo; }
    public void setOkresDodatkuMieszkaniowegoDo(LocalDate d) { this.okresDodatkuMieszkaniowegoDo = d; }

    /**
     * The applicant is a party to a umowa kompleksowa or a umowa sprzedazy energii elektrycznej concluded with an
     * energy company (art. 3 pkt 13c; a copy is attached to the application, art. 5d ust. 2). Required.
     */
    public Boolean getStronaUmowyKompleksowejLubUmowySprzedazy() { return stronaUmowyKompleksowejLubUmowySprzedazy; }
    public void setStronaUmowyKompleksowejLubUmowySprzedazy(Boolean b) { this.stronaUmowyKompleksowejLubUmowySprzedazy = b; }

    /** The applicant lives at the place where the electricity is supplied (zamieszkuje w miejscu dostarczania energii elektrycznej, art. 3 pkt 13c). Required. */
    public Boolean getZamieszkujeWMiejscuDostarczaniaEnergii() { return zamieszkujeWMiejscuDostarczaniaEnergii; }
    public void setZamieszkujeWMiejscuDostarczaniaEnergii(Boolean b) { this.zamieszkujeWMiejscuDostarczaniaEnergii = b; }

    /**
     * Number of persons in the gospodarstwo domowe as established in the dodatek mieszkaniowy decision (art. 4 of
     * the ustawa o dodatkach mieszkaniowych); if null, the number of wniosek.czlonkowieRodziny is used.
     */
    public Integer getLiczbaOsobGospodarstwaDomowego() { return liczbaOsobGospodarstwaDomowego; }
    public void setLiczbaOsobGospodarstwaDomowego(Integer n) { this.liczbaOsobGospodarstwaDomowego = n; }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek wniosek) {
        List<BladPola> out = new ArrayList<>();
        if (dodatekMieszkaniowyPrzyznany == null) {
            out.add(new BladPola(sciezka + ".dodatekMieszkaniowyPrzyznany", "pole wymagane: true albo false"));
        } else if (dodatekMieszkaniowyPrzyznany) {
            if (okresDodatkuMieszkaniowegoOd == null) {
                out.add(new BladPola(sciezka + ".okresDodatkuMieszkaniowegoOd", "pole wymagane, gdy dodatekMieszkaniowyPrzyznany ma wartość true"));
            }
            if (okresDodatkuMieszkaniowegoDo == null) {
                out.add(new BladPola(sciezka + ".okresDodatkuMieszkaniowegoDo", "pole wymagane, gdy dodatekMieszkaniowyPrzyznany ma wartość true"));
            }
            if (okresDodatkuMieszkaniowegoOd != null && okresDodatkuMieszkaniowegoDo != null
                    && okresDodatkuMieszkaniowegoDo.isBefore(okresDodatkuMieszkaniowegoOd)) {
                out.add(new BladPola(sciezka + ".okresDodatkuMieszkaniowegoDo", "nie może być wcześniejsza niż okresDodatkuMieszkaniowegoOd"));
            }
        }
        if (stronaUmowyKompleksowejLubUmowySprzedazy == null) {
            out.add(new BladPola(sciezka + ".stronaUmowyKompleksowejLubUmowySprzedazy", "pole wymagane: true albo false"));
        }
        if (zamieszkujeWMiejscuDostarczaniaEnergii == null) {
            out.add(new BladPola(sciezka + ".zamieszkujeWMiejscuDostarczaniaEnergii", "pole wymagane: true albo false"));
        }
        if (liczbaOsobGospodarstwaDomowego != null && liczbaOsobGospodarstwaDomowego < 1) {
            out.add(new BladPola(sciezka + ".liczbaOsobGospodarstwaDomowego", "musi wynosić co najmniej 1"));
        }
        if (liczbaOsobGospodarstwaDomowego == null && wniosek.getCzlonkowieRodziny().isEmpty()) {
            out.add(new BladPola(sciezka + ".liczbaOsobGospodarstwaDomowego",
                    "pole wymagane, gdy lista wniosek.czlonkowieRodziny jest pusta (liczba osób gospodarstwa domowego)"));
        }
        return out;
    }
}
