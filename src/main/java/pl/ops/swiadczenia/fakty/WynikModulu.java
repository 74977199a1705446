package pl.ops.swiadczenia.fakty;

/**
 * Marker of facts a shared ruleset module (e.g. {@code dochod_rodziny}) hands to the benefit's ruleset: the engine
 * runs the module first and inserts every fact of this kind into the benefit's session.
 */
public interface WynikModulu {
    /** Orders handed-over facts of one class deterministically (session contents have no stable order). */
    default String klucz() {
        return "";
    }
}
