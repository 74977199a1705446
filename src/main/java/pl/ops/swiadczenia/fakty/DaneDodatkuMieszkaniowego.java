package pl.ops.swiadczenia.fakty;

/**
 * Section of the application with the facts specific to dodatku mieszkaniowego (ustawa z 21 czerwca 2001 r. o dodatkach mieszkaniowych). Input fact: rules never modify it. Fields may only
 * be added (old rule versions are replayed against this class).
 */
public class DaneDodatkuMieszkaniowego implements SekcjaWniosku {
    public DaneDodatkuMieszkaniowego() {
    }
}
