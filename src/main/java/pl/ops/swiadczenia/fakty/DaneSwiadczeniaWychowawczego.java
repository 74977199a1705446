package pl.ops.swiadczenia.fakty;

/**
 * Section of the application with the facts specific to świadczenia wychowawczego 500+/800+ (ustawa z 11 lutego 2016 r.). Input fact: rules never modify it. Fields may only
 * be added (old rule versions are replayed against this class).
 */
public class DaneSwiadczeniaWychowawczego implements SekcjaWniosku {
    public DaneSwiadczeniaWychowawczego() {
    }
}
