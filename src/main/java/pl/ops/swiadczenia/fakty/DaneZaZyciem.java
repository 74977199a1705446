package pl.ops.swiadczenia.fakty;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Section of the application with the facts specific to jednorazowego świadczenia „Za życiem” (art. 10 ustawy z
 * dnia 4 listopada 2016 r. o wsparciu kobiet w ciąży i rodzin „Za życiem”). Input fact: rules never modify it.
 * Fields may only be added (old rule versions are replayed against this class).
 *
 * <p>Facts kept on the child itself are read from {@link CzlonekRodziny}: the birth date, whether the mother was
 * under medical care from the 10th week of pregnancy ({@code opiekaMedycznaOd10TygodniaCiazy}) and whether the
 * child was placed in piecza zastępcza or an institution giving full free maintenance
 * ({@code umieszczonyWInstytucjiLubPieczyZastepczej}).
 */
public class DaneZaZyciem implements SekcjaWniosku {
    /** Who applies (art. 10 ust. 2 and ust. 5 of the act). */
    public enum Uprawniony {
        /** The child's mother (matka). */
        MATKA,
        /** The child's father (ojciec). */
        OJCIEC,
        /** Legal guardian (opiekun prawny) – exempt from the 10th-week medical-care condition. */
        OPIEKUN_PRAWNY,
        /** Factual guardian (opiekun faktyczny) – exempt from the 10th-week medical-care condition. */
        OPIEKUN_FAKTYCZNY,
        /** A person who adopted the child (osoba, która przysposobiła dziecko) – exempt from the 10th-week condition. */
        OSOBA_PRZYSPOSABIAJACA
    }

    @Size(max = 50)
    private String dzieckoId;
    private Uprawniony uprawniony;
    private boolean zaswiadczenieOUposledzeniuLubChorobie;
    private boolean brakPrawaDoSwiadczenOpiekiZdrowotnej;
    private boolean swiadczenieJuzWyplaconeNaDziecko;
    private boolean swiadczeniePodobneZaGranica;

    public DaneZaZyciem() {
    }

    /** Id (CzlonekRodziny.id, rola DZIECKO) of the live-born child the benefit is claimed for. Required. */
    public String getDzieckoId() { return dzieckoId; }
    public void setDzieckoId(String d) { this.dzieckoId = d; }

    /** The applicant's title to the benefit. Required. */
    public Uprawniony getUprawniony() { return uprawniony; }
    public void setUprawniony(Uprawniony u) { this.uprawniony = u; }

    /**
     * A doctor's certificate (zaświadczenie, art. 4 ust. 3 of the act) states ciężkie i nieodwracalne upośledzenie
     * albo nieuleczalna choroba zagrażająca życiu that arose in the prenatal period or during birth.
     */
    public boolean isZaswiadczenieOUposledzeniuLubChorobie() { return zaswiadczenieOUposledzeniuLubChorobie; }
    public void setZaswiadczenieOUposledzeniuLubChorobie(boolean b) { this.zaswiadczenieOUposledzeniuLubChorobie = b; }

    /**
     * The applicant is neither a świadczeniobiorca under the ustawa o świadczeniach opieki zdrowotnej finansowanych
     * ze środków publicznych nor entitled to health care under the coordination rules.
     */
    public boolean isBrakPrawaDoSwiadczenOpiekiZdrowotnej() { return brakPrawaDoSwiadczenOpiekiZdrowotnej; }
    public void setBrakPrawaDoSwiadczenOpiekiZdrowotnej(boolean b) { this.brakPrawaDoSwiadczenOpiekiZdrowotnej = b; }

    /** The one-off benefit has already been granted or paid for this child (to anyone). */
    public boolean isSwiadczenieJuzWyplaconeNaDziecko() { return swiadczenieJuzWyplaconeNaDziecko; }
    public void setSwiadczenieJuzWyplaconeNaDziecko(boolean b) { this.swiadczenieJuzWyplaconeNaDziecko = b; }

    /** A similar benefit for the child is due abroad, unless coordination rules provide otherwise. */
    public boolean isSwiadczeniePodobneZaGranica() { return swiadczeniePodobneZaGranica; }
    public void setSwiadczeniePodobneZaGranica(boolean b) { this.swiadczeniePodobneZaGranica = b; }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek wniosek) {
        List<BladPola> out = new ArrayList<>();
        if (dzieckoId == null || dzieckoId.isBlank()) {
            out.add(new BladPola(sciezka + ".dzieckoId", "pole wymagane"));
        } else if (wniosek.getCzlonkowieRodziny().stream()
                .noneMatch(c -> c != null && dzieckoId.equals(c.getId()) && c.getRola() == Rola.DZIECKO)) {
            out.add(new BladPola(sciezka + ".dzieckoId", "musi być identyfikatorem dziecka (rola DZIECKO) z listy czlonkowieRodziny"));
        }
        if (uprawniony == null) {
            out.add(new BladPola(sciezka + ".uprawniony",
                    "pole wymagane (MATKA, OJCIEC, OPIEKUN_PRAWNY, OPIEKUN_FAKTYCZNY, OSOBA_PRZYSPOSABIAJACA)"));
        }
        return out;
    }
}
