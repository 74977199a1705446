package pl.ops.swiadczenia.fakty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Section of the application with the facts specific to swiadczenia z funduszu alimentacyjnego (ustawa z dnia
 * 7 wrzesnia 2007 r. o pomocy osobom uprawnionym do alimentow): one entry per osoba uprawniona (art. 2 pkt 11 of
 * that act) for whom the benefit is claimed. Household facts (age, nauka, orzeczenie, zwiazek malzenski, pobyt
 * w instytucji lub pieczy zastepczej, own child) stay on {@link CzlonekRodziny}. Input fact: rules never modify it.
 * Fields may only be added (old rule versions are replayed against this class).
 */
public class DaneFunduszuAlimentacyjnego implements SekcjaWniosku {
    @Size(max = 30)
    private List<@Valid OsobaUprawniona> osobyUprawnione = new ArrayList<>();

    public DaneFunduszuAlimentacyjnego() {
    }

    /** The persons entitled to alimony for whom the benefit is claimed (at least one). */
    public List<OsobaUprawniona> getOsobyUprawnione() { return osobyUprawnione; }
    public void setOsobyUprawnione(List<OsobaUprawniona> l) { this.osobyUprawnione = l == null ? new ArrayList<>() : l; }

    /**
     * One osoba uprawniona: a person entitled to alimony from a parent under a tytul wykonawczy issued or approved
     * by a court (art. 2 pkt 11 of the act).
     */
    public static class OsobaUprawniona {
        @Size(max = 50)
        private String czlonekId;
        @DecimalMin("0")
        @DecimalMax("9999999.99")
        @Digits(integer = 7, fraction = 2)
        private BigDecimal alimentyZasadzoneMiesiecznie;
        private Boolean egzekucjaBezskuteczna;

        public OsobaUprawniona() {
        }

        /** Id of the entitled person in wniosek.czlonkowieRodziny. */
        public String getCzlonekId() { return czlonekId; }
        public void setCzlonekId(String id) { this.czlonekId = id; }

        /**
         * Current monthly alimony from the parent (biezaco ustalone alimenty), PLN, as set by the tytul wykonawczy.
         * If one title sets a joint amount for several persons, give this person's proportional share; if alimony
         * from the parents is set by several titles, give the sum for this person (both rules of the act on the
         * amount of alimony per person are applied by the caller).
         */
        public BigDecimal getAlimentyZasadzoneMiesiecznie() { return alimentyZasadzoneMiesiecznie; }
        public void setAlimentyZasadzoneMiesiecznie(BigDecimal k) { this.alimentyZasadzoneMiesiecznie = k; }

        /**
         * Bezskutecznosc egzekucji (art. 2 pkt 2 of the act): enforcement in which, in the last two months, the full
         * amount of current and overdue alimony was not recovered; also the impossibility of starting or conducting
         * enforcement against a debtor living abroad. Normally shown by the komornik's certificate. Required.
         */
        public Boolean getEgzekucjaBezskuteczna() { return egzekucjaBezskuteczna; }
        public void setEgzekucjaBezskuteczna(Boolean b) { this.egzekucjaBezskuteczna = b; }
    }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        if (osobyUprawnione.isEmpty()) {
            out.add(new BladPola(sciezka + ".osobyUprawnione", "wymagana co najmniej jedna osoba uprawniona"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < osobyUprawnione.size(); i++) {
            OsobaUprawniona o = osobyUprawnione.get(i);
            String q = sciezka + ".osobyUprawnione[" + i + "]";
            if (o == null) {
                out.add(new BladPola(q, "nie może być puste (null)"));
                continue;
            }
            if (!SekcjaWniosku.jestCzlonkiem(w, o.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "musi być identyfikatorem osoby z listy czlonkowieRodziny"));
            } else if (!ids.add(o.getCzlonekId())) {
                out.add(new BladPola(q + ".czlonekId", "każda osoba uprawniona może wystąpić tylko raz"));
            } else if (w.getCzlonkowieRodziny().stream()
                    .anyMatch(c -> c != null && o.getCzlonekId().equals(c.getId()) && c.getDataUrodzenia() == null)) {
                out.add(new BladPola(q + ".czlonekId", "wymagana data urodzenia osoby (dataUrodzenia)"));
            }
            if (o.getAlimentyZasadzoneMiesiecznie() == null || o.getAlimentyZasadzoneMiesiecznie().signum() <= 0) {
                out.add(new BladPola(q + ".alimentyZasadzoneMiesiecznie", "pole wymagane, wartość musi być większa od 0"));
            } else if (o.getAlimentyZasadzoneMiesiecznie().stripTrailingZeros().scale() > 2) {
                out.add(new BladPola(q + ".alimentyZasadzoneMiesiecznie", "najwyżej 2 miejsca po przecinku (grosze)"));
            }
            if (o.getEgzekucjaBezskuteczna() == null) {
                out.add(new BladPola(q + ".egzekucjaBezskuteczna", "pole wymagane (true albo false)"));
            }
        }
        return out;
    }
}
