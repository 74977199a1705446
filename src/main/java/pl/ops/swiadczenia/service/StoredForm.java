package pl.ops.swiadczenia.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.decyzja.ExplanationStep;

/**
 * The stored form of a decision's result: the canonical JSON of the {@link Evaluation} in which every explanation
 * step's citation ({@code legalBasis}) and every parameter use ({@code parameters[]}: name, value, unit and the
 * citation of that dated value) is replaced by a reference into the citation catalogue. A citation reads the same in
 * every decision under the same rules, so it is stored once (table {@code citation_catalogue}), not in each decision
 * (docs/adr/0014-law-as-data.md, "stored size").
 *
 * <p>A reference is content-addressed: the first 16 hex digits of the SHA-256 of the entry's canonical JSON. The
 * same citation always gets the same key, no catalogue needs ordering or counters, and a changed entry can be
 * detected by hashing it again. The catalogue is append-only like the decisions; the hash chain covers the stored
 * result with its references.
 *
 * <p>Results stored before this form (full citations inline) stay as they are; {@link #isCompact} tells the forms
 * apart and {@link #expand} leaves a full one unchanged.
 */
public final class StoredForm {
    /** Prefix of a reference, so that a reference can never be mistaken for a citation text. */
    static final String REF = "#";

    private StoredForm() {
    }

    /** A result in stored form and the catalogue entries it refers to (key → canonical JSON of the entry). */
    public record Compacted(String json, Map<String, String> catalogue) {
    }

    /** The stored form of an evaluation and the catalogue entries it needs. */
    public static Compacted compact(Evaluation e) {
        Map<String, String> catalogue = new TreeMap<>();
        List<StoredStep> steps = new ArrayList<>(e.explanation().size());
        for (ExplanationStep s : e.explanation()) {
            String basis = s.legalBasis() == null ? null : reference(s.legalBasis(), catalogue);
            List<String> params = null;
            if (s.parameters() != null) {
                params = new ArrayList<>(s.parameters().size());
                for (ExplanationStep.ParameterUse p : s.parameters()) {
                    params.add(reference(p, catalogue));
                }
            }
            steps.add(new StoredStep(s.seq(), s.ruleId(), s.textPl(), s.textEn(), s.values(), basis, params));
        }
        StoredEvaluation stored = new StoredEvaluation(e.benefit(), e.rulesetId(), e.rulesetVersion(),
                e.rulesetSha256(), e.legalDate(), e.modules(), e.outcome(), e.amounts(), e.keyFigures(), steps,
                e.firedRules());
        return new Compacted(CanonicalJson.write(stored), catalogue);
    }

    /**
     * The stored form written directly (no tree): {@link Evaluation} and {@link ExplanationStep} with the same
     * properties in the same order, the citation and the parameter uses as references. StoredFormTest checks it byte
     * for byte against replacing the nodes of the full form's tree, on every golden case.
     */
    record StoredEvaluation(String benefit, String rulesetId, String rulesetVersion, String rulesetSha256,
                            java.time.LocalDate legalDate, List<Evaluation.ModuleUse> modules,
                            pl.ops.swiadczenia.decyzja.Outcome outcome, pl.ops.swiadczenia.decyzja.Amounts amounts,
                            Map<String, Object> keyFigures, List<StoredStep> explanation, List<String> firedRules) {
    }

    record StoredStep(int seq, String ruleId, String textPl, String textEn, Map<String, Object> values,
                      String legalBasis, List<String> parameters) {
    }

    /** Whether a stored result refers to the catalogue (false for results stored with full citations). */
    public static boolean isCompact(JsonNode stored) {
        for (JsonNode step : stored.path("explanation")) {
            JsonNode basis = step.get("legalBasis");
            if (basis != null && basis.isTextual()) {
                return true;
            }
            for (JsonNode p : step.path("parameters")) {
                return p.isTextual();
            }
        }
        return false;
    }

    /**
     * The full form of a stored result: each reference replaced by its catalogue entry. A full result is returned
     * unchanged. A reference the catalogue does not hold is an integrity failure of the store.
     */
    public static JsonNode expand(JsonNode stored, Function<String, String> catalogue) {
        if (!isCompact(stored)) {
            return stored;
        }
        JsonNode out = stored.deepCopy();
        for (JsonNode step : out.path("explanation")) {
            ObjectNode s = (ObjectNode) step;
            JsonNode basis = s.get("legalBasis");
            if (basis != null && basis.isTextual()) {
                s.set("legalBasis", entry(basis.asText(), catalogue));
            }
            JsonNode params = s.get("parameters");
            if (params != null && params.isArray()) {
                ArrayNode full = CanonicalJson.MAPPER.createArrayNode();
                for (JsonNode p : params) {
                    full.add(p.isTextual() ? entry(p.asText(), catalogue) : p);
                }
                s.set("parameters", full);
            }
        }
        return out;
    }

    /** The key of a catalogue entry: {@code #} and 16 hex digits of the SHA-256 of its canonical JSON. */
    public static String key(String canonicalJson) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return REF + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The reference of a citation or parameter use, added to the catalogue. The same entries recur in every decision
     * under the same rules: canonical JSON and key are computed once per distinct entry (records compare by value;
     * a decimal's scale counts: the same value written with one or two decimal places gives different entries).
     */
    private static String reference(Object entry, Map<String, String> catalogue) {
        String[] known = KEYS.get(entry);
        if (known == null) {
            String json = CanonicalJson.write(entry);
            known = new String[] {key(json), json};
            if (KEYS.size() >= KEYS_MAX) {
                KEYS.clear(); // bounded: drafts validated over months must not grow it
            }
            KEYS.put(entry, known);
        }
        catalogue.put(known[0], known[1]);
        return known[0];
    }

    private static final Map<Object, String[]> KEYS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KEYS_MAX = 20_000;

    private static JsonNode entry(String key, Function<String, String> catalogue) {
        String json = catalogue.apply(key);
        if (json == null) {
            throw new IllegalStateException("Citation catalogue has no entry " + key);
        }
        if (!key(json).equals(key)) {
            throw new IllegalStateException("Citation catalogue entry " + key + " does not match its key (changed)");
        }
        return CanonicalJson.tree(json);
    }
}
