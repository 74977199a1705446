package pl.ops.swiadczenia.fakty;

import java.util.List;

/**
 * A benefit-specific section of the application (e.g. {@code wniosek.funduszAlimentacyjny}). Each section checks its
 * own structural input rules; legal conditions belong to the rules, not here.
 */
public interface SekcjaWniosku {
    /** Structural errors of this section; {@code sciezka} is its JSON path, e.g. "wniosek.funduszAlimentacyjny". */
    default List<BladPola> bledy(String sciezka, Wniosek wniosek) {
        return List.of();
    }

    /**
     * Errors that depend on which benefit is decided (e.g. a field one benefit of a shared section needs); checked
     * after the benefit's version is selected. {@code swiadczenie} is the benefit id.
     */
    default List<BladPola> bledyDla(String swiadczenie, String sciezka, Wniosek wniosek) {
        return List.of();
    }

    /** Helper for sections: whether a person id names a member of the household. */
    static boolean jestCzlonkiem(Wniosek w, String id) {
        return id != null && w.getCzlonkowieRodziny().stream().anyMatch(c -> c != null && id.equals(c.getId()));
    }
}
