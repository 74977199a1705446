package pl.ops.swiadczenia.fakty;

/**
 * Section of the application with the facts specific to stypendium szkolnego i zasiłku szkolnego (ustawa o systemie oświaty, art. 90b–90n). Input fact: rules never modify it. Fields may only
 * be added (old rule versions are replayed against this class).
 */
public class DaneStypendiumSzkolnego implements SekcjaWniosku {
    public DaneStypendiumSzkolnego() {
    }
}
