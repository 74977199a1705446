package pl.ops.swiadczenia.fakty;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Section of the application with the facts specific to swiadczenie wychowawcze 500+/800+ (ustawa z 11 lutego
 * 2016 r. o pomocy panstwa w wychowywaniu dzieci). Input fact: rules never modify it. Fields may only be added (old
 * rule versions are replayed against this class).
 *
 * <p>The household (children, their birth dates, marriage, placement in an institution or piecza zastepcza) comes
 * from {@link Wniosek#getCzlonkowieRodziny()}; the family income for the first-child test (2016 version) from the
 * shared ruleset dochod_rodziny. This section names the children the application is filed for.
 */
public class DaneSwiadczeniaWychowawczego implements SekcjaWniosku {
    @Size(max = 30)
    private List<@Size(max = 50) String> dzieciObjeteWnioskiem = new ArrayList<>();

    public DaneSwiadczeniaWychowawczego() {
    }

    /**
     * Ids (czlonekId) of the children (rola DZIECKO) the benefit is claimed for. Empty: every child in
     * czlonkowieRodziny is claimed for.
     */
    public List<String> getDzieciObjeteWnioskiem() { return dzieciObjeteWnioskiem; }
    public void setDzieciObjeteWnioskiem(List<String> l) { this.dzieciObjeteWnioskiem = l == null ? new ArrayList<>() : l; }

    /** Whether the child with this id is claimed for (an empty list claims every child). */
    public boolean obejmuje(String czlonekId) {
        return dzieciObjeteWnioskiem.isEmpty() || dzieciObjeteWnioskiem.contains(czlonekId);
    }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        for (int i = 0; i < dzieciObjeteWnioskiem.size(); i++) {
            String id = dzieciObjeteWnioskiem.get(i);
            boolean dziecko = id != null && w.getCzlonkowieRodziny().stream()
                    .anyMatch(c -> c != null && id.equals(c.getId()) && c.getRola() == Rola.DZIECKO);
            if (!dziecko) {
                out.add(new BladPola(sciezka + ".dzieciObjeteWnioskiem[" + i + "]",
                        "musi być identyfikatorem dziecka (rola DZIECKO) z listy czlonkowieRodziny"));
            }
        }
        return out;
    }
}
