package pl.ops.swiadczenia.fakty;

/**
 * Section of the application with the facts specific to świadczenia pielęgnacyjnego, art. 17 u.ś.r.. Input fact: rules never modify it. Fields may only
 * be added (old rule versions are replayed against this class).
 */
public class DaneSwiadczeniaPielegnacyjnego implements SekcjaWniosku {
    public DaneSwiadczeniaPielegnacyjnego() {
    }
}
