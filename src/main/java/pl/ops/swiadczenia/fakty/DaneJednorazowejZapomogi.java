package pl.ops.swiadczenia.fakty;

/**
 * Section of the application with the facts specific to jednorazowej zapomogi z tytułu urodzenia się dziecka (becikowe), art. 15b u.ś.r.. Input fact: rules never modify it. Fields may only
 * be added (old rule versions are replayed against this class).
 */
public class DaneJednorazowejZapomogi implements SekcjaWniosku {
    public DaneJednorazowejZapomogi() {
    }
}
