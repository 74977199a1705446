package pl.ops.swiadczenia.fakty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Section of the application with the facts specific to jednorazowej zapomogi z tytulu urodzenia sie dziecka
 * (becikowe), art. 15b u.s.r. Input fact: rules never modify it. Fields may only be added (old rule versions are
 * replayed against this class).
 *
 * <p>Facts about the newborn that are already on {@link CzlonekRodziny} are not repeated here: the child's
 * {@code dataUrodzenia}, {@code opiekaMedycznaOd10TygodniaCiazy} (art. 15b ust. 5), {@code
 * przysposobioneLubObjeteOpieka} (art. 15b ust. 4 and the exception from the medical-care requirement) and, for a
 * single parent, {@code alimentyOdDrugiegoRodzica}.
 */
public class DaneJednorazowejZapomogi implements SekcjaWniosku {
    @Size(max = 30)
    private List<@Valid DzieckoJednorazowejZapomogi> dzieci = new ArrayList<>();
    private boolean swiadczenieZTytuluUrodzeniaZaGranica;

    public DaneJednorazowejZapomogi() {
    }

    /** The children (dzieci) for which the zapomoga is claimed: one entry per live-born child. */
    public List<DzieckoJednorazowejZapomogi> getDzieci() { return dzieci; }
    public void setDzieci(List<DzieckoJednorazowejZapomogi> d) { this.dzieci = d == null ? new ArrayList<>() : d; }

    /**
     * A family member is entitled abroad to a benefit for the birth of the child (swiadczenie z tytulu urodzenia
     * dziecka za granica), and the coordination rules do not provide otherwise.
     */
    public boolean isSwiadczenieZTytuluUrodzeniaZaGranica() { return swiadczenieZTytuluUrodzeniaZaGranica; }
    public void setSwiadczenieZTytuluUrodzeniaZaGranica(boolean b) { this.swiadczenieZTytuluUrodzeniaZaGranica = b; }

    @Override
    public List<BladPola> bledy(String sciezka, Wniosek w) {
        List<BladPola> out = new ArrayList<>();
        if (dzieci.isEmpty()) {
            out.add(new BladPola(sciezka + ".dzieci", "musi zawierać co najmniej jedno dziecko (dzieckoId)"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < dzieci.size(); i++) {
            DzieckoJednorazowejZapomogi d = dzieci.get(i);
            String p = sciezka + ".dzieci[" + i + "]";
            if (d == null) {
                out.add(new BladPola(p, "nie może być puste (null)"));
                continue;
            }
            CzlonekRodziny c = w.getCzlonkowieRodziny().stream()
                    .filter(x -> x != null && d.getDzieckoId() != null && d.getDzieckoId().equals(x.getId()))
                    .findFirst().orElse(null);
            if (c == null || c.getRola() != Rola.DZIECKO) {
                out.add(new BladPola(p + ".dzieckoId", "musi być identyfikatorem dziecka (rola DZIECKO) z listy czlonkowieRodziny"));
                continue;
            }
            if (!ids.add(d.getDzieckoId())) {
                out.add(new BladPola(p + ".dzieckoId", "powtarza wpis dla dziecka '" + d.getDzieckoId() + "'"));
            }
            if (c.isPrzysposobioneLubObjeteOpieka()) {
                if (d.getDataObjeciaOpiekaAlboPrzysposobienia() == null) {
                    out.add(new BladPola(p + ".dataObjeciaOpiekaAlboPrzysposobienia",
                            "pole wymagane, gdy dziecko jest przysposobioneLubObjeteOpieka"));
                } else if (c.getDataUrodzenia() != null && d.getDataObjeciaOpiekaAlboPrzysposobienia().isBefore(c.getDataUrodzenia())) {
                    out.add(new BladPola(p + ".dataObjeciaOpiekaAlboPrzysposobienia", "nie może być wcześniejsza niż data urodzenia dziecka"));
                } else if (w.getDataZlozenia() != null && d.getDataObjeciaOpiekaAlboPrzysposobienia().isAfter(w.getDataZlozenia())) {
                    out.add(new BladPola(p + ".dataObjeciaOpiekaAlboPrzysposobienia", "nie może być późniejsza niż data złożenia wniosku"));
                }
            } else if (c.getOpiekaMedycznaOd10TygodniaCiazy() == null) {
                int idx = w.getCzlonkowieRodziny().indexOf(c);
                out.add(new BladPola("wniosek.czlonkowieRodziny[" + idx + "].opiekaMedycznaOd10TygodniaCiazy",
                        "pole wymagane (true albo false) dla dziecka wskazanego w " + sciezka + ", chyba że jest przysposobioneLubObjeteOpieka"));
            }
        }
        return out;
    }
}
