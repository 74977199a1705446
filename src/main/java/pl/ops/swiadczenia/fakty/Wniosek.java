package pl.ops.swiadczenia.fakty;

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
    private List<CzlonekRodziny> czlonkowieRodziny = new ArrayList<>();
    private BigDecimal dochodRodzinyRokBazowy;
    private boolean samotnieWychowuje;
    private boolean swiadczenieRodzinneZaGranica;

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
}
