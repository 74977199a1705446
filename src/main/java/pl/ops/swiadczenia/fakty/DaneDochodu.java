package pl.ops.swiadczenia.fakty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Income facts beyond the base-year total: lost and obtained incomes (art. 5 ust. 4–4b u.ś.r.) and the family's
 * farm in hectares przeliczeniowe (art. 5 ust. 8). Read by the shared ruleset {@code dochod_rodziny}.
 */
public class DaneDochodu implements SekcjaWniosku {
    @Size(max = 100)
    private List<@Valid ZmianaDochodu> dochodUtracony = new ArrayList<>();
    @Size(max = 100)
    private List<@Valid ZmianaDochodu> dochodUzyskany = new ArrayList<>();
    @DecimalMin("0")
    @DecimalMax("99999.9999")
    @Digits(integer = 5, fraction = 4)
    private BigDecimal hektaryPrzeliczeniowe;

    public DaneDochodu() {
    }

    public List<ZmianaDochodu> getDochodUtracony() { return dochodUtracony; }
    public void setDochodUtracony(List<ZmianaDochodu> l) { this.dochodUtracony = l == null ? new ArrayList<>() : l; }
    public List<ZmianaDochodu> getDochodUzyskany() { return dochodUzyskany; }
    public void setDochodUzyskany(List<ZmianaDochodu> l) { this.dochodUzyskany = l == null ? new ArrayList<>() : l; }
    /** Hectares przeliczeniowe of the family's farm (gospodarstwo rolne), or null. */
    public BigDecimal getHektaryPrzeliczeniowe() { return hektaryPrzeliczeniowe; }
    public void setHektaryPrzeliczeniowe(BigDecimal h) { this.hektaryPrzeliczeniowe = h; }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        if (hektaryPrzeliczeniowe != null && hektaryPrzeliczeniowe.signum() < 0) {
            out.add(new BladPola(sciezka + ".hektaryPrzeliczeniowe", "wartość nie może być ujemna"));
        }
        sprawdz(sciezka + ".dochodUtracony", dochodUtracony, w, false, out);
        sprawdz(sciezka + ".dochodUzyskany", dochodUzyskany, w, true, out);
        return out;
    }

    private static void sprawdz(String p, List<ZmianaDochodu> l, Wniosek w, boolean uzyskany, List<BladPola> out) {
        for (int i = 0; i < l.size(); i++) {
            ZmianaDochodu z = l.get(i);
            String q = p + "[" + i + "]";
            if (z == null) {
                out.add(new BladPola(q, "nie może być puste (null)"));
                continue;
            }
            if (!SekcjaWniosku.jestCzlonkiem(w, z.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
            }
            if (z.getData() == null) {
                out.add(new BladPola(q + ".data", "pole wymagane"));
            }
            if (z.getKwotaWRokuBazowym() == null || z.getKwotaWRokuBazowym().signum() < 0) {
                out.add(new BladPola(q + ".kwotaWRokuBazowym", "pole wymagane, wartość nie może być ujemna (0, jeśli brak)"));
            }
            if (uzyskany && z.getLiczbaMiesiecyWRokuBazowym() != null
                    && (z.getLiczbaMiesiecyWRokuBazowym() < 1 || z.getLiczbaMiesiecyWRokuBazowym() > 12)) {
                out.add(new BladPola(q + ".liczbaMiesiecyWRokuBazowym", "dozwolone od 1 do 12"));
            }
            if (uzyskany && z.getKwotaMiesiecznaPoUzyskaniu() != null && z.getKwotaMiesiecznaPoUzyskaniu().signum() < 0) {
                out.add(new BladPola(q + ".kwotaMiesiecznaPoUzyskaniu", "wartość nie może być ujemna"));
            }
        }
    }
}
