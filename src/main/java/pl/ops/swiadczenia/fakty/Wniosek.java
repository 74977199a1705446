package pl.ops.swiadczenia.fakty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The application (wniosek) as sent by the OPS system: the household and its income. Input fact shared by all
 * benefits; fields may only be added, never removed or renamed (old rule versions are replayed against it).
 */
public class Wniosek {
    private LocalDate dataZlozenia;
    @Size(max = 30)
    private List<@Valid CzlonekRodziny> czlonkowieRodziny = new ArrayList<>();
    @DecimalMin("0")
    @DecimalMax("99999999.99")
    @Digits(integer = 8, fraction = 2)
    private BigDecimal dochodRodzinyRokBazowy;
    private boolean samotnieWychowuje;
    private boolean swiadczenieRodzinneZaGranica;
    @Valid
    private DaneDochodu dochod;
    @Valid
    private DaneJednorazowejZapomogi jednorazowaZapomoga;
    @Valid
    private DaneSwiadczeniaRodzicielskiego swiadczenieRodzicielskie;
    @Valid
    private DaneZaZyciem zaZyciem;
    @Valid
    private DaneZasilkuPielegnacyjnego zasilekPielegnacyjny;
    @Valid
    private DaneSwiadczeniaPielegnacyjnego swiadczeniePielegnacyjne;
    @Valid
    private DaneSpecjalnegoZasilkuOpiekunczego specjalnyZasilekOpiekunczy;
    @Valid
    private DaneFunduszuAlimentacyjnego funduszAlimentacyjny;
    @Valid
    private DaneSwiadczeniaWychowawczego swiadczenieWychowawcze;
    @Valid
    private DaneDobryStart dobryStart;
    @Valid
    private DaneDodatkuMieszkaniowego dodatekMieszkaniowy;
    @Valid
    private DaneDodatkuEnergetycznego dodatekEnergetyczny;
    @Valid
    private DanePomocySpolecznej pomocSpoleczna;
    @Valid
    private DaneStypendiumSzkolnego stypendiumSzkolne;
    @Valid
    private DaneCzystegoPowietrza czystePowietrze;

    public Wniosek() {
    }

    /** Date the application was filed (data złożenia wniosku). */
    public LocalDate getDataZlozenia() { return dataZlozenia; }
    public void setDataZlozenia(LocalDate d) { this.dataZlozenia = d; }
    public List<CzlonekRodziny> getCzlonkowieRodziny() { return czlonkowieRodziny; }
    public void setCzlonkowieRodziny(List<CzlonekRodziny> c) { this.czlonkowieRodziny = c == null ? new ArrayList<>() : c; }
    /** Family income in the base year (dochód rodziny w roku kalendarzowym poprzedzającym okres), PLN per year. */
    public BigDecimal getDochodRodzinyRokBazowy() { return dochodRodzinyRokBazowy; }
    public void setDochodRodzinyRokBazowy(BigDecimal d) { this.dochodRodzinyRokBazowy = d; }
    /** The applicant is a person raising children alone (osoba samotnie wychowująca dziecko, art. 3 pkt 17a). */
    public boolean isSamotnieWychowuje() { return samotnieWychowuje; }
    public void setSamotnieWychowuje(boolean b) { this.samotnieWychowuje = b; }
    /** A family member receives a family benefit abroad (art. 7 pkt 6 u.ś.r.), absent coordination rules. */
    public boolean isSwiadczenieRodzinneZaGranica() { return swiadczenieRodzinneZaGranica; }
    public void setSwiadczenieRodzinneZaGranica(boolean b) { this.swiadczenieRodzinneZaGranica = b; }

    /** Lost/obtained incomes and farm (shared income calculation, ruleset dochod_rodziny). */
    public DaneDochodu getDochod() { return dochod; }
    public void setDochod(DaneDochodu d) { this.dochod = d; }
    /** Becikowe (art. 15b u.ś.r.). */
    public DaneJednorazowejZapomogi getJednorazowaZapomoga() { return jednorazowaZapomoga; }
    public void setJednorazowaZapomoga(DaneJednorazowejZapomogi d) { this.jednorazowaZapomoga = d; }
    /** Świadczenie rodzicielskie (art. 17c u.ś.r.). */
    public DaneSwiadczeniaRodzicielskiego getSwiadczenieRodzicielskie() { return swiadczenieRodzicielskie; }
    public void setSwiadczenieRodzicielskie(DaneSwiadczeniaRodzicielskiego d) { this.swiadczenieRodzicielskie = d; }
    /** Jednorazowe świadczenie „Za życiem”. */
    public DaneZaZyciem getZaZyciem() { return zaZyciem; }
    public void setZaZyciem(DaneZaZyciem d) { this.zaZyciem = d; }
    /** Zasiłek pielęgnacyjny (art. 16 u.ś.r.). */
    public DaneZasilkuPielegnacyjnego getZasilekPielegnacyjny() { return zasilekPielegnacyjny; }
    public void setZasilekPielegnacyjny(DaneZasilkuPielegnacyjnego d) { this.zasilekPielegnacyjny = d; }
    /** Świadczenie pielęgnacyjne (art. 17 u.ś.r.). */
    public DaneSwiadczeniaPielegnacyjnego getSwiadczeniePielegnacyjne() { return swiadczeniePielegnacyjne; }
    public void setSwiadczeniePielegnacyjne(DaneSwiadczeniaPielegnacyjnego d) { this.swiadczeniePielegnacyjne = d; }
    /** Specjalny zasiłek opiekuńczy (art. 16a u.ś.r.; art. 63 ustawy o świadczeniu wspierającym). */
    public DaneSpecjalnegoZasilkuOpiekunczego getSpecjalnyZasilekOpiekunczy() { return specjalnyZasilekOpiekunczy; }
    public void setSpecjalnyZasilekOpiekunczy(DaneSpecjalnegoZasilkuOpiekunczego d) { this.specjalnyZasilekOpiekunczy = d; }
    /** Świadczenia z funduszu alimentacyjnego. */
    public DaneFunduszuAlimentacyjnego getFunduszAlimentacyjny() { return funduszAlimentacyjny; }
    public void setFunduszAlimentacyjny(DaneFunduszuAlimentacyjnego d) { this.funduszAlimentacyjny = d; }
    /** Świadczenie wychowawcze (500+ / 800+). */
    public DaneSwiadczeniaWychowawczego getSwiadczenieWychowawcze() { return swiadczenieWychowawcze; }
    public void setSwiadczenieWychowawcze(DaneSwiadczeniaWychowawczego d) { this.swiadczenieWychowawcze = d; }
    /** Świadczenie „Dobry Start”. */
    public DaneDobryStart getDobryStart() { return dobryStart; }
    public void setDobryStart(DaneDobryStart d) { this.dobryStart = d; }

    /** Dodatek mieszkaniowy. */
    public DaneDodatkuMieszkaniowego getDodatekMieszkaniowy() { return dodatekMieszkaniowy; }
    public void setDodatekMieszkaniowy(DaneDodatkuMieszkaniowego d) { this.dodatekMieszkaniowy = d; }
    /** Dodatek energetyczny. */
    public DaneDodatkuEnergetycznego getDodatekEnergetyczny() { return dodatekEnergetyczny; }
    public void setDodatekEnergetyczny(DaneDodatkuEnergetycznego d) { this.dodatekEnergetyczny = d; }
    /** Zasiłki z pomocy społecznej (stały, okresowy, celowy). */
    public DanePomocySpolecznej getPomocSpoleczna() { return pomocSpoleczna; }
    public void setPomocSpoleczna(DanePomocySpolecznej d) { this.pomocSpoleczna = d; }
    /** Stypendium szkolne i zasiłek szkolny. */
    public DaneStypendiumSzkolnego getStypendiumSzkolne() { return stypendiumSzkolne; }
    public void setStypendiumSzkolne(DaneStypendiumSzkolnego d) { this.stypendiumSzkolne = d; }
    /** Zaświadczenie o dochodzie dla programu „Czyste Powietrze”. */
    public DaneCzystegoPowietrza getCzystePowietrze() { return czystePowietrze; }
    public void setCzystePowietrze(DaneCzystegoPowietrza d) { this.czystePowietrze = d; }

    /** The benefit-specific sections present in this application, with their JSON names. */
    public java.util.Map<String, SekcjaWniosku> sekcje() {
        java.util.Map<String, SekcjaWniosku> m = new java.util.LinkedHashMap<>();
        m.put("dochod", dochod);
        m.put("jednorazowaZapomoga", jednorazowaZapomoga);
        m.put("swiadczenieRodzicielskie", swiadczenieRodzicielskie);
        m.put("zaZyciem", zaZyciem);
        m.put("zasilekPielegnacyjny", zasilekPielegnacyjny);
        m.put("swiadczeniePielegnacyjne", swiadczeniePielegnacyjne);
        m.put("specjalnyZasilekOpiekunczy", specjalnyZasilekOpiekunczy);
        m.put("funduszAlimentacyjny", funduszAlimentacyjny);
        m.put("swiadczenieWychowawcze", swiadczenieWychowawcze);
        m.put("dobryStart", dobryStart);
        m.put("dodatekMieszkaniowy", dodatekMieszkaniowy);
        m.put("dodatekEnergetyczny", dodatekEnergetyczny);
        m.put("pomocSpoleczna", pomocSpoleczna);
        m.put("stypendiumSzkolne", stypendiumSzkolne);
        m.put("czystePowietrze", czystePowietrze);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }
}
