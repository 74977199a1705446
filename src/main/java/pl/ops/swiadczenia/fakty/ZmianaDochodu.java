package pl.ops.swiadczenia.fakty;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A lost income (dochód utracony, art. 3 pkt 23) or a newly obtained income (dochód uzyskany, art. 3 pkt 24)
 * of a family member, with the amounts the adjustment of art. 5 ust. 4–4b needs.
 */
public class ZmianaDochodu {
    @Size(max = 50)
    private String czlonekId;
    @Size(max = 200)
    private String zrodlo;
    private LocalDate data;
    @DecimalMin("0")
    @DecimalMax("99999999.99")
    @Digits(integer = 8, fraction = 2)
    private BigDecimal kwotaWRokuBazowym;
    @Min(1)
    @Max(12)
    private Integer liczbaMiesiecyWRokuBazowym;
    @DecimalMin("0")
    @DecimalMax("9999999.99")
    @Digits(integer = 7, fraction = 2)
    private BigDecimal kwotaMiesiecznaPoUzyskaniu;

    public ZmianaDochodu() {
    }

    /** Whose income it is (CzlonekRodziny.id). */
    public String getCzlonekId() { return czlonekId; }
    public void setCzlonekId(String s) { this.czlonekId = s; }
    /** Source, as named in the statute's list (e.g. "zatrudnienie", "zasiłek dla bezrobotnych"); free text. */
    public String getZrodlo() { return zrodlo; }
    public void setZrodlo(String s) { this.zrodlo = s; }
    /** Day the income was lost or obtained. */
    public LocalDate getData() { return data; }
    public void setData(LocalDate d) { this.data = d; }
    /** Net income from this source in the base year (0 if none), PLN. */
    public BigDecimal getKwotaWRokuBazowym() { return kwotaWRokuBazowym; }
    public void setKwotaWRokuBazowym(BigDecimal k) { this.kwotaWRokuBazowym = k; }
    /** For an income obtained in the base year: in how many months of the base year it was earned. */
    public Integer getLiczbaMiesiecyWRokuBazowym() { return liczbaMiesiecyWRokuBazowym; }
    public void setLiczbaMiesiecyWRokuBazowym(Integer n) { this.liczbaMiesiecyWRokuBazowym = n; }
    /** For an income obtained after the base year: net income of the month following the month it was obtained. */
    public BigDecimal getKwotaMiesiecznaPoUzyskaniu() { return kwotaMiesiecznaPoUzyskaniu; }
    public void setKwotaMiesiecznaPoUzyskaniu(BigDecimal k) { this.kwotaMiesiecznaPoUzyskaniu = k; }
}
