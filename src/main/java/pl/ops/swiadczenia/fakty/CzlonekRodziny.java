package pl.ops.swiadczenia.fakty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A person in the household as stated in the application. Input fact: rules never modify it;
 * whether the person counts as a family member (art. 3 pkt 16 u.ś.r.) is derived by the rules.
 */
public class CzlonekRodziny {
    @Size(max = 50)
    private String id;
    private Rola rola;
    private LocalDate dataUrodzenia;
    private Orzeczenie orzeczenie = Orzeczenie.BRAK;
    private Nauka nauka = Nauka.BRAK;
    private boolean pozostajeNaUtrzymaniu = true;
    private boolean pozostajeWZwiazkuMalzenskim;
    private boolean maWlasneDziecko;
    private boolean podOpiekaOpiekunaPrawnego;
    private boolean umieszczonyWInstytucjiLubPieczyZastepczej;
    private boolean swiadczenieOpiekunczeZTytuluOpieki;
    private AlimentyOdDrugiegoRodzica alimentyOdDrugiegoRodzica;
    private boolean rozpoczynaRokSzkolny;
    private NaukaPozaMiejscemZamieszkania naukaPozaMiejscemZamieszkania;
    private boolean przysposobioneLubObjeteOpieka;
    private Boolean opiekaMedycznaOd10TygodniaCiazy;
    @Valid
    private UrlopWychowawczy urlopWychowawczy;

    public CzlonekRodziny() {
    }

    /** Identifier unique within the application, e.g. "matka", "dziecko1". */
    /**
     * PESEL (optional): validated (checksum, birth date) and used only to find decisions; not stored in clear (the
     * decision keeps a keyed hash) and never used by the rules.
     */
    @Size(min = 11, max = 11)
    private String pesel;

    public String getPesel() { return pesel; }
    public void setPesel(String pesel) { this.pesel = pesel; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Rola getRola() { return rola; }
    public void setRola(Rola rola) { this.rola = rola; }
    public LocalDate getDataUrodzenia() { return dataUrodzenia; }
    public void setDataUrodzenia(LocalDate d) { this.dataUrodzenia = d; }
    public Orzeczenie getOrzeczenie() { return orzeczenie; }
    public void setOrzeczenie(Orzeczenie o) { this.orzeczenie = o == null ? Orzeczenie.BRAK : o; }
    public Nauka getNauka() { return nauka; }
    public void setNauka(Nauka n) { this.nauka = n == null ? Nauka.BRAK : n; }
    /** For a child: whether the child is maintained by the family (pozostające na utrzymaniu). */
    public boolean isPozostajeNaUtrzymaniu() { return pozostajeNaUtrzymaniu; }
    public void setPozostajeNaUtrzymaniu(boolean b) { this.pozostajeNaUtrzymaniu = b; }
    /** For a child: whether the child is married (pozostaje w związku małżeńskim). */
    public boolean isPozostajeWZwiazkuMalzenskim() { return pozostajeWZwiazkuMalzenskim; }
    public void setPozostajeWZwiazkuMalzenskim(boolean b) { this.pozostajeWZwiazkuMalzenskim = b; }
    /** For a child: whether the (adult) child has a child of its own. */
    public boolean isMaWlasneDziecko() { return maWlasneDziecko; }
    public void setMaWlasneDziecko(boolean b) { this.maWlasneDziecko = b; }
    /** For a child: whether the child is under the care of a legal guardian (pod opieką opiekuna prawnego). */
    public boolean isPodOpiekaOpiekunaPrawnego() { return podOpiekaOpiekunaPrawnego; }
    public void setPodOpiekaOpiekunaPrawnego(boolean b) { this.podOpiekaOpiekunaPrawnego = b; }
    /** For a child: placed in an institution giving full free maintenance, or in piecza zastępcza. */
    public boolean isUmieszczonyWInstytucjiLubPieczyZastepczej() { return umieszczonyWInstytucjiLubPieczyZastepczej; }
    public void setUmieszczonyWInstytucjiLubPieczyZastepczej(boolean b) { this.umieszczonyWInstytucjiLubPieczyZastepczej = b; }
    /** For a child aged 25 or more with znaczny stopień: whether SP, SZO or zasiłek dla opiekuna is due for its care. */
    public boolean isSwiadczenieOpiekunczeZTytuluOpieki() { return swiadczenieOpiekunczeZTytuluOpieki; }
    public void setSwiadczenieOpiekunczeZTytuluOpieki(boolean b) { this.swiadczenieOpiekunczeZTytuluOpieki = b; }
    /** For a child of a single parent: alimony title from the other parent, or why there is none. */
    public AlimentyOdDrugiegoRodzica getAlimentyOdDrugiegoRodzica() { return alimentyOdDrugiegoRodzica; }
    public void setAlimentyOdDrugiegoRodzica(AlimentyOdDrugiegoRodzica a) { this.alimentyOdDrugiegoRodzica = a; }
    /** For a child: starts a school year (or roczne przygotowanie przedszkolne) in the benefit period. */
    public boolean isRozpoczynaRokSzkolny() { return rozpoczynaRokSzkolny; }
    public void setRozpoczynaRokSzkolny(boolean b) { this.rozpoczynaRokSzkolny = b; }
    /** For a child: schooling away from home, or null. */
    public NaukaPozaMiejscemZamieszkania getNaukaPozaMiejscemZamieszkania() { return naukaPozaMiejscemZamieszkania; }
    public void setNaukaPozaMiejscemZamieszkania(NaukaPozaMiejscemZamieszkania n) { this.naukaPozaMiejscemZamieszkania = n; }
    /** For a child: adopted (przysposobione) or under the applicant's legal or factual care. */
    public boolean isPrzysposobioneLubObjeteOpieka() { return przysposobioneLubObjeteOpieka; }
    public void setPrzysposobioneLubObjeteOpieka(boolean b) { this.przysposobioneLubObjeteOpieka = b; }
    /** For a newborn: mother under medical care from at least the 10th week of pregnancy; null if not stated. */
    public Boolean getOpiekaMedycznaOd10TygodniaCiazy() { return opiekaMedycznaOd10TygodniaCiazy; }
    public void setOpiekaMedycznaOd10TygodniaCiazy(Boolean b) { this.opiekaMedycznaOd10TygodniaCiazy = b; }
    /** For a parent: the urlop wychowawczy taken, or null. */
    public UrlopWychowawczy getUrlopWychowawczy() { return urlopWychowawczy; }
    public void setUrlopWychowawczy(UrlopWychowawczy u) { this.urlopWychowawczy = u; }
}
