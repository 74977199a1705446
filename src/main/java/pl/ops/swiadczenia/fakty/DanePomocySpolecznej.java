package pl.ops.swiadczenia.fakty;

/**
 * Section of the application with the facts specific to zasiłków z pomocy społecznej (ustawa z 12 marca 2004 r. o pomocy społecznej). Input fact: rules never modify it. Fields may only
 * be added (old rule versions are replayed against this class).
 */
public class DanePomocySpolecznej implements SekcjaWniosku {
    public DanePomocySpolecznej() {
    }
}
