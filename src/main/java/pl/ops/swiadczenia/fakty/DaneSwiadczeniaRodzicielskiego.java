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
 * Section of the application with the facts specific to świadczenia rodzicielskiego (art. 17c u.ś.r.). Input fact:
 * rules never modify it. Fields may only be added (old rule versions are replayed against this class).
 *
 * <p>The children of the birth (or adopted / taken into care together) are members of czlonkowieRodziny with
 * rola DZIECKO; their birth dates come from there.
 */
public class DaneSwiadczeniaRodzicielskiego implements SekcjaWniosku {
    /** Who applies (art. 17c ust. 1 pkt 1–4 u.ś.r.). */
    public enum Uprawniony {
        /** The child's mother (matka). */
        MATKA,
        /** The child's father (ojciec) – only in the cases of art. 17c ust. 2. */
        OJCIEC,
        /** Factual guardian (opiekun faktyczny) who applied to the court for adoption. */
        OPIEKUN_FAKTYCZNY,
        /** Foster family other than a professional one (rodzina zastępcza, z wyjątkiem zawodowej). */
        RODZINA_ZASTEPCZA,
        /** A person who adopted the child (osoba, która przysposobiła dziecko). */
        OSOBA_PRZYSPOSABIAJACA
    }

    /** Why the father may claim (art. 17c ust. 2 u.ś.r.). */
    public enum OkolicznoscUprawnieniaOjca {
        /** The mother shortened her świadczenie rodzicielskie after using at least the statutory minimum of weeks. */
        SKROCENIE_PRZEZ_MATKE,
        /** The mother died (śmierć matki dziecka). */
        SMIERC_MATKI,
        /** The mother abandoned the child (porzucenie dziecka przez matkę). */
        PORZUCENIE_DZIECKA_PRZEZ_MATKE
    }

    /** One stay of a newborn in hospital, both days inclusive. */
    public static class PobytWSzpitalu {
        private LocalDate od;
        private LocalDate doDnia;

        public PobytWSzpitalu() {
        }

        /** First day in hospital. */
        public LocalDate getOd() { return od; }
        public void setOd(LocalDate d) { this.od = d; }
        /** Last day in hospital. */
        public LocalDate getDoDnia() { return doDnia; }
        public void setDoDnia(LocalDate d) { this.doDnia = d; }
    }

    /** Birth facts of one newborn of the birth, used for the hospital extension (art. 17c ust. 3a, from 2025-03-19). */
    public static class Noworodek {
        @Size(max = 50)
        private String dzieckoId;
        @Min(1)
        @Max(10000)
        private Integer masaUrodzeniowaGramy;
        @Size(max = 50)
        private List<@Valid PobytWSzpitalu> pobytyWSzpitalu = new ArrayList<>();

        public Noworodek() {
        }

        /** Id of the child (CzlonekRodziny.id, rola DZIECKO); must be one of {@code dzieci}. */
        public String getDzieckoId() { return dzieckoId; }
        public void setDzieckoId(String d) { this.dzieckoId = d; }
        /** Birth weight in grams (masa urodzeniowa). */
        public Integer getMasaUrodzeniowaGramy() { return masaUrodzeniowaGramy; }
        public void setMasaUrodzeniowaGramy(Integer g) { this.masaUrodzeniowaGramy = g; }
        /** Hospital stays after birth (pobyt w szpitalu), from the hospital's certificate. */
        public List<PobytWSzpitalu> getPobytyWSzpitalu() { return pobytyWSzpitalu; }
        public void setPobytyWSzpitalu(List<PobytWSzpitalu> p) { this.pobytyWSzpitalu = p == null ? new ArrayList<>() : p; }
    }

    private Uprawniony uprawniony;
    @Size(max = 30)
    private List<@Size(max = 50) String> dzieci = new ArrayList<>();
    private LocalDate dataObjeciaOpieka;
    private boolean odroczonyObowiazekSzkolny;
    private OkolicznoscUprawnieniaOjca okolicznoscUprawnieniaOjca;
    private LocalDate swiadczenieMatkiDo;
    @DecimalMin("0")
    @DecimalMax("99999.99")
    @Digits(integer = 5, fraction = 2)
    private BigDecimal zasilekDlaBezrobotnych;
    private LocalDate zasilekDlaBezrobotnychDo;
    private boolean zasilekMacierzynskiLubUposazenie;
    private boolean dzieckoUmieszczoneWPieczyZastepczej;
    private boolean nieSprawujeOsobistejOpieki;
    private boolean ustalonePrawoDoSwiadczeniaNaDziecko;
    private boolean swiadczenieOPodobnymCharakterzeZaGranica;
    @Min(0)
    @Max(50)
    private Integer ukonczoneTygodnieCiazy;
    @Size(max = 10)
    private List<@Valid Noworodek> noworodki = new ArrayList<>();

    public DaneSwiadczeniaRodzicielskiego() {
    }

    /** The applicant's title to the benefit (art. 17c ust. 1). Required. */
    public Uprawniony getUprawniony() { return uprawniony; }
    public void setUprawniony(Uprawniony u) { this.uprawniony = u; }

    /**
     * Ids of the children born at one birth, adopted together or taken into care together (czlonkowieRodziny,
     * rola DZIECKO). Their number sets the length of the benefit (art. 17c ust. 3). At least one is required.
     */
    public List<String> getDzieci() { return dzieci; }
    public void setDzieci(List<String> d) { this.dzieci = d == null ? new ArrayList<>() : d; }

    /**
     * Day the child was taken into care (opiekun faktyczny, rodzina zastępcza) or adopted (przysposobienie); the
     * benefit runs from this day. Required for those applicants; for MATKA and OJCIEC the birth date is used.
     */
    public LocalDate getDataObjeciaOpieka() { return dataObjeciaOpieka; }
    public void setDataObjeciaOpieka(LocalDate d) { this.dataObjeciaOpieka = d; }

    /** A decision postponing compulsory schooling (odroczenie obowiązku szkolnego) was taken for the child. */
    public boolean isOdroczonyObowiazekSzkolny() { return odroczonyObowiazekSzkolny; }
    public void setOdroczonyObowiazekSzkolny(boolean b) { this.odroczonyObowiazekSzkolny = b; }

    /** For OJCIEC: the case of art. 17c ust. 2 that entitles the father; null means none. */
    public OkolicznoscUprawnieniaOjca getOkolicznoscUprawnieniaOjca() { return okolicznoscUprawnieniaOjca; }
    public void setOkolicznoscUprawnieniaOjca(OkolicznoscUprawnieniaOjca o) { this.okolicznoscUprawnieniaOjca = o; }

    /**
     * For OJCIEC: last day for which the mother received świadczenie rodzicielskie for these children (after
     * shortening, death or abandonment); null when she received none. The father's benefit starts the next day.
     */
    public LocalDate getSwiadczenieMatkiDo() { return swiadczenieMatkiDo; }
    public void setSwiadczenieMatkiDo(LocalDate d) { this.swiadczenieMatkiDo = d; }

    /**
     * Monthly zasiłek dla bezrobotnych the applicant received when the child was born (or within a month after it
     * ended, or during its extension) – art. 17c ust. 6; null when not applicable. PLN per month.
     */
    public BigDecimal getZasilekDlaBezrobotnych() { return zasilekDlaBezrobotnych; }
    public void setZasilekDlaBezrobotnych(BigDecimal z) { this.zasilekDlaBezrobotnych = z; }

    /** Last day the zasiłek dla bezrobotnych is received; null means for the whole benefit period. */
    public LocalDate getZasilekDlaBezrobotnychDo() { return zasilekDlaBezrobotnychDo; }
    public void setZasilekDlaBezrobotnychDo(LocalDate d) { this.zasilekDlaBezrobotnychDo = d; }

    /**
     * At least one parent (or the applicant) receives zasiłek macierzyński or uposażenie for the period of
     * maternity / parental leave for the child (art. 17c ust. 9 pkt 1).
     */
    public boolean isZasilekMacierzynskiLubUposazenie() { return zasilekMacierzynskiLubUposazenie; }
    public void setZasilekMacierzynskiLubUposazenie(boolean b) { this.zasilekMacierzynskiLubUposazenie = b; }

    /** The child was placed in piecza zastępcza (art. 17c ust. 9 pkt 2; applies to parents and adopters). */
    public boolean isDzieckoUmieszczoneWPieczyZastepczej() { return dzieckoUmieszczoneWPieczyZastepczej; }
    public void setDzieckoUmieszczoneWPieczyZastepczej(boolean b) { this.dzieckoUmieszczoneWPieczyZastepczej = b; }

    /** The applicant does not (or no longer) personally care for the child (art. 17c ust. 9 pkt 3). */
    public boolean isNieSprawujeOsobistejOpieki() { return nieSprawujeOsobistejOpieki; }
    public void setNieSprawujeOsobistejOpieki(boolean b) { this.nieSprawujeOsobistejOpieki = b; }

    /**
     * For the child (or for caring for it) a right is already established to świadczenie rodzicielskie, dodatek
     * z tytułu opieki nad dzieckiem w okresie korzystania z urlopu wychowawczego (art. 10), świadczenie
     * pielęgnacyjne, specjalny zasiłek opiekuńczy or zasiłek dla opiekuna (art. 17c ust. 9 pkt 4).
     */
    public boolean isUstalonePrawoDoSwiadczeniaNaDziecko() { return ustalonePrawoDoSwiadczeniaNaDziecko; }
    public void setUstalonePrawoDoSwiadczeniaNaDziecko(boolean b) { this.ustalonePrawoDoSwiadczeniaNaDziecko = b; }

    /** A benefit of a similar nature is due abroad, unless coordination rules provide otherwise (ust. 9 pkt 5). */
    public boolean isSwiadczenieOPodobnymCharakterzeZaGranica() { return swiadczenieOPodobnymCharakterzeZaGranica; }
    public void setSwiadczenieOPodobnymCharakterzeZaGranica(boolean b) { this.swiadczenieOPodobnymCharakterzeZaGranica = b; }

    /** Completed weeks of pregnancy at birth (e.g. 27 for 27+3), for the hospital extension; null if not stated. */
    public Integer getUkonczoneTygodnieCiazy() { return ukonczoneTygodnieCiazy; }
    public void setUkonczoneTygodnieCiazy(Integer t) { this.ukonczoneTygodnieCiazy = t; }

    /** Birth weight and hospital stays per newborn, for the hospital extension; empty if none. */
    public List<Noworodek> getNoworodki() { return noworodki; }
    public void setNoworodki(List<Noworodek> n) { this.noworodki = n == null ? new ArrayList<>() : n; }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek wniosek) {
        List<BladPola> out = new ArrayList<>();
        if (uprawniony == null) {
            out.add(new BladPola(sciezka + ".uprawniony",
                    "pole wymagane (MATKA, OJCIEC, OPIEKUN_FAKTYCZNY, RODZINA_ZASTEPCZA, OSOBA_PRZYSPOSABIAJACA)"));
        }
        Set<String> ids = new HashSet<>();
        if (dzieci.isEmpty()) {
            out.add(new BladPola(sciezka + ".dzieci", "musi zawierać co najmniej jedno dziecko"));
        }
        for (int i = 0; i < dzieci.size(); i++) {
            String id = dzieci.get(i);
            if (!jestDzieckiem(wniosek, id)) {
                out.add(new BladPola(sciezka + ".dzieci[" + i + "]", "musi być identyfikatorem dziecka (rola DZIECKO) z listy czlonkowieRodziny"));
            } else if (!ids.add(id)) {
                out.add(new BladPola(sciezka + ".dzieci[" + i + "]", "powtarza identyfikator innego dziecka '" + id + "'"));
            }
        }
        if (uprawniony != null && uprawniony != Uprawniony.MATKA && uprawniony != Uprawniony.OJCIEC
                && dataObjeciaOpieka == null) {
            out.add(new BladPola(sciezka + ".dataObjeciaOpieka", "pole wymagane dla świadczenia " + uprawniony));
        }
        if (dataObjeciaOpieka != null && wniosek.getDataZlozenia() != null
                && dataObjeciaOpieka.isAfter(wniosek.getDataZlozenia())) {
            out.add(new BladPola(sciezka + ".dataObjeciaOpieka", "nie może być późniejsza niż data złożenia wniosku"));
        }
        if (zasilekDlaBezrobotnych != null && zasilekDlaBezrobotnych.signum() < 0) {
            out.add(new BladPola(sciezka + ".zasilekDlaBezrobotnych", "wartość nie może być ujemna"));
        } else if (zasilekDlaBezrobotnych != null && zasilekDlaBezrobotnych.stripTrailingZeros().scale() > 2) {
            out.add(new BladPola(sciezka + ".zasilekDlaBezrobotnych", "najwyżej 2 miejsca po przecinku (grosze)"));
        }
        if (ukonczoneTygodnieCiazy != null && (ukonczoneTygodnieCiazy < 0 || ukonczoneTygodnieCiazy > 50)) {
            out.add(new BladPola(sciezka + ".ukonczoneTygodnieCiazy", "dozwolone od 0 do 50"));
        }
        for (int i = 0; i < noworodki.size(); i++) {
            Noworodek n = noworodki.get(i);
            String p = sciezka + ".noworodki[" + i + "]";
            if (n == null) {
                out.add(new BladPola(p, "nie może być puste (null)"));
                continue;
            }
            if (n.getDzieckoId() == null || !dzieci.contains(n.getDzieckoId())) {
                out.add(new BladPola(p + ".dzieckoId", "musi być jedną z wartości " + sciezka + ".dzieci"));
            }
            if (n.getMasaUrodzeniowaGramy() != null && n.getMasaUrodzeniowaGramy() <= 0) {
                out.add(new BladPola(p + ".masaUrodzeniowaGramy", "musi być większa od 0"));
            }
            for (int j = 0; j < n.getPobytyWSzpitalu().size(); j++) {
                PobytWSzpitalu s = n.getPobytyWSzpitalu().get(j);
                String q = p + ".pobytyWSzpitalu[" + j + "]";
                if (s == null || s.getOd() == null) {
                    out.add(new BladPola(q + ".od", "pole wymagane"));
                } else if (s.getDoDnia() == null) {
                    out.add(new BladPola(q + ".doDnia", "pole wymagane"));
                } else if (s.getDoDnia().isBefore(s.getOd())) {
                    out.add(new BladPola(q + ".doDnia", "nie może być wcześniejsza niż od"));
                }
            }
        }
        return out;
    }

    private static boolean jestDzieckiem(Wniosek w, String id) {
        return id != null && w.getCzlonkowieRodziny().stream()
                .anyMatch(c -> c != null && id.equals(c.getId()) && c.getRola() == Rola.DZIECKO);
    }
}
