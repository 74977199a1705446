package pl.ops.swiadczenia.fakty;

/**
 * Section of the application with the facts specific to specjalnego zasiłku opiekuńczego, art. 16a u.ś.r. i art. 63 ustawy o świadczeniu wspierającym. Input fact: rules never modify it. Fields may only
 * be added (old rule versions are replayed against this class).
 */
public class DaneSpecjalnegoZasilkuOpiekunczego implements SekcjaWniosku {
    public DaneSpecjalnegoZasilkuOpiekunczego() {
    }
}
