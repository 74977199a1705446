package pl.ops.swiadczenia.ruleset;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import pl.ops.swiadczenia.decyzja.LegalCitation;
import pl.ops.swiadczenia.fakty.Parametr;

/**
 * One compiled ruleset version: an immutable legal state of one benefit, identified by
 * {@code <benefit>/<version>} and the SHA-256 of its files.
 */
public record RuleSet(
        String id,
        String benefit,
        LocalDate version,
        Path directory,
        String sha256,
        RuleSetManifest manifest,
        Map<String, Parametr> parameters,
        List<RuleInfo> rules,
        Map<String, LegalCitation> citations,
        KieBase kieBase,
        Map<String, String> sources,
        Map<String, MessageTemplate> templates,
        Map<String, java.util.NavigableMap<LocalDate, Parametr>> history,
        DisplayNames names) {

    /** A version folder of the retired representation: no resolved sources, no templates, no dated series. */
    public RuleSet(String id, String benefit, LocalDate version, Path directory, String sha256, RuleSetManifest manifest,
                   Map<String, Parametr> parameters, List<RuleInfo> rules, Map<String, LegalCitation> citations,
                   KieBase kieBase) {
        this(id, benefit, version, directory, sha256, manifest, parameters, rules, citations, kieBase, null, Map.of(),
                Map.of(), DisplayNames.EMPTY);
    }

    /** Whether this legal state was derived from a dated history ({@code benefit.yaml}) rather than a version folder. */
    public boolean fromHistory() {
        return sources != null;
    }

    /**
     * The parameter as described to people (name, unit, description): the value in force on the first day, or, for a
     * series read on other dates (scope: history) without a value on that day, any of its dated entries; null when
     * this state has no such parameter.
     */
    public Parametr describedParameter(String name) {
        Parametr p = parameters.get(name);
        if (p == null && history != null && history.containsKey(name) && !history.get(name).isEmpty()) {
            p = history.get(name).firstEntry().getValue();
        }
        return p;
    }

    public boolean released() {
        return manifest.status() == RuleSetManifest.Status.RELEASED;
    }

    public LocalDate effectiveFrom() {
        return manifest.effectiveFrom();
    }

    public LocalDate effectiveTo() {
        return manifest.effectiveTo();
    }

    /** Whether the version is in force on the date (ignoring later versions, which the registry handles). */
    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom()) && (effectiveTo() == null || !date.isAfter(effectiveTo()));
    }

    /** The same compiled version with status released (what-if selection, publication). */
    public RuleSet asReleased() {
        RuleSetManifest m = manifest;
        RuleSetManifest r = new RuleSetManifest(m.benefit(), m.version(), m.effectiveFrom(), m.effectiveTo(),
                RuleSetManifest.Status.RELEASED, m.legalBasis(), m.summary(), m.summaryEn(), m.kind(), m.modules(),
                m.input());
        return new RuleSet(id, benefit, version, directory, sha256, r, parameters, rules, citations, kieBase, sources,
                templates, history, names);
    }

    /** The same compiled version, read from another folder with identical content (after an atomic move). */
    public RuleSet withDirectory(Path dir) {
        return new RuleSet(id, benefit, version, dir, sha256, manifest, parameters, rules, citations, kieBase, sources,
                templates, history, names);
    }

    public static String idOf(String benefit, LocalDate version) {
        return benefit + "/" + version;
    }
}
