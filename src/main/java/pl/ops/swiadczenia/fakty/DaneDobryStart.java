package pl.ops.swiadczenia.fakty;

/**
 * Section of the application with the facts specific to świadczenia „Dobry Start” (art. 187a ustawy o wspieraniu rodziny). Input fact: rules never modify it. Fields may only
 * be added (old rule versions are replayed against this class).
 */
public class DaneDobryStart implements SekcjaWniosku {
    public DaneDobryStart() {
    }
}
