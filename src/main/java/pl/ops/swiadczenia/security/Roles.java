package pl.ops.swiadczenia.security;

/** The roles a bearer token can carry (claim {@code groups}). */
public final class Roles {
    /** A requesting OPS system: evaluates, stores decisions, reads its own decisions. */
    public static final String SYSTEM = "system";
    /** Policy staff: rulesets (validate, diff, upload, scan, impact, publish). */
    public static final String POLICY = "policy";
    /** Auditors: read every decision, replay (one or in batch), verify the chain, read the access log. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
