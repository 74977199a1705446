package pl.ops.swiadczenia.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import pl.ops.swiadczenia.audit.DecisionRecord;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.ruleset.NoRuleSetException;
import pl.ops.swiadczenia.ruleset.RegistryHolder;
import pl.ops.swiadczenia.ruleset.RuleSet;

/**
 * Replays a stored decision: re-evaluates the stored request under the stored ruleset version (checking that the
 * version's files still hash to the stored SHA-256) and compares the result with the stored bytes; or, as a
 * what-if, under the version in force today (or on a given date).
 */
@ApplicationScoped
public class ReplayService {
    /** Which law to replay under. */
    public enum Against { STORED, CURRENT }

    /**
     * Result of a replay. {@code releaseId}: the release the decision recorded (against STORED the replay ran under
     * it, rebuilt from the database when the running rules no longer hold it); null for a decision stored before
     * releases were recorded.
     */
    public record Replay(
            String decisionId,
            Against against,
            String rulesetId,
            String storedRulesetSha256,
            String rulesetSha256,
            boolean rulesetHashMatches,
            String status,
            List<JsonDiff.Difference> differences,
            JsonNode replayed,
            String releaseId) {
    }

    @Inject
    DecisionService decisions;
    @Inject
    EvaluationService evaluations;
    @Inject
    RegistryHolder ruleSets;
    @Inject
    Clock clock;

    public Replay replay(String id, Against against, LocalDate on) {
        DecisionRecord r = decisions.get(id);
        EvaluationRequest request;
        try {
            request = CanonicalJson.MAPPER.readValue(r.requestJson, EvaluationRequest.class);
        } catch (Exception e) {
            throw new IllegalStateException("Stored request of decision " + id + " cannot be read", e);
        }
        RuleSet rs;
        List<RuleSet> modules;
        if (against == Against.STORED) {
            pl.ops.swiadczenia.ruleset.RuleSetRegistry reg = releaseRegistry(r.releaseId, r.benefit, r.resultJson);
            rs = storedRuleSet(reg, r.benefit, r.rulesetVersion, r.rulesetId, r.rulesetSha256, r.legalDate, id);
            modules = storedModules(reg, r.resultJson, r.legalDate, id);
        } else {
            LocalDate date = on != null ? on : LocalDate.now(clock);
            rs = ruleSets.registry().select(r.benefit, date);
            modules = EvaluationService.modulesInForce(ruleSets.registry(), rs, date);
        }
        Evaluation e = evaluations.evaluate(rs, modules, request);
        String json = storedForm(e, r.resultJson);
        boolean identical = json.equals(r.resultJson);
        boolean retired = !identical && against == Against.STORED
                && ruleSets.registry().retiredFolder(r.rulesetSha256).isPresent();
        List<JsonDiff.Difference> diff = identical ? List.of() : retired ? substance(r.resultJson, json)
                : JsonDiff.diff(CanonicalJson.tree(r.resultJson), CanonicalJson.tree(json));
        return new Replay(r.id.toString(), against, rs.id(), r.rulesetSha256, rs.sha256(),
                rs.sha256().equals(r.rulesetSha256),
                identical ? "IDENTICAL" : retired ? RETIRED : "DIFFERENT", diff, CanonicalJson.MAPPER.valueToTree(e),
                r.releaseId);
    }

    /**
     * The rules a stored decision is replayed under: the release it recorded, rebuilt from the database
     * (docs/adr/0017-releases-in-the-database.md) unless the running service holds the same legal states with the
     * same hashes; for a decision that recorded no release (stored before releases), the rules in force now.
     */
    private pl.ops.swiadczenia.ruleset.RuleSetRegistry releaseRegistry(String releaseId, String benefit, String resultJson) {
        return registryFor(ruleSets, ruleSets.registry(), releaseId, benefit, resultJson);
    }

    /**
     * As {@link #releaseRegistry}, for a caller that holds its own snapshot of the rules in force ({@code live}, e.g. a
     * batch replay job): the release a stored decision recorded, or {@code live} when it holds the same states.
     */
    public static pl.ops.swiadczenia.ruleset.RuleSetRegistry registryFor(pl.ops.swiadczenia.ruleset.RegistryHolder ruleSets,
            pl.ops.swiadczenia.ruleset.RuleSetRegistry live, String releaseId, String benefit, String resultJson) {
        if (releaseId == null) {
            return live;
        }
        JsonNode result = CanonicalJson.tree(resultJson);
        boolean liveHoldsIt = releaseId.equals(ruleSets.releaseOf(result.path("rulesetId").asText(),
                result.path("rulesetSha256").asText()));
        for (JsonNode m : result.path("modules")) {
            liveHoldsIt &= releaseId.equals(ruleSets.releaseOf(m.path("rulesetId").asText(), m.path("rulesetSha256").asText()));
        }
        if (liveHoldsIt) {
            return live;
        }
        return ruleSets.releaseRegistry(releaseId, java.util.Set.of(benefit)).orElseThrow(() -> new IllegalStateException(
                "Release " + releaseId + " of a stored decision is not in the database"));
    }

    /**
     * The replayed evaluation in the form the decision was stored in, so that the bytes compare: with citations by
     * reference (service/StoredForm) for decisions stored so, in full for those stored before.
     */
    static String storedForm(Evaluation e, String storedResultJson) {
        return StoredForm.isCompact(CanonicalJson.tree(storedResultJson)) ? StoredForm.compact(e).json()
                : CanonicalJson.write(e);
    }

    /**
     * A decision made under a retired version folder (rules/retired.sha256): its document cannot be reproduced byte
     * for byte by the migrated legal state (another hash, explanations from templates), so it is not reported as
     * DIFFERENT; what matters to the family – outcome, amounts, payments – is compared, and only those differences
     * are listed (none: the migrated law decides the same). docs/adr/0014-law-as-data.md.
     */
    public static final String RETIRED = "RETIRED_REPRESENTATION";

    /** Differences in outcome and amounts only (the substance of a decision). */
    static List<JsonDiff.Difference> substance(String stored, String replayed) {
        JsonNode a = CanonicalJson.tree(stored);
        JsonNode b = CanonicalJson.tree(replayed);
        List<JsonDiff.Difference> out = new java.util.ArrayList<>();
        for (String field : List.of("outcome", "amounts")) {
            com.fasterxml.jackson.databind.node.ObjectNode x = CanonicalJson.MAPPER.createObjectNode();
            com.fasterxml.jackson.databind.node.ObjectNode y = CanonicalJson.MAPPER.createObjectNode();
            x.set(field, a.path(field));
            y.set(field, b.path(field));
            out.addAll(JsonDiff.diff(x, y));
        }
        return out;
    }

    /**
     * The state a stored decision is replayed under: the one it recorded; for a decision recorded with a hash of the
     * retired representation, the migrated state in force on its legal date (a state may since have been split, e.g.
     * on the day a GUS value became known: docs/adr/0016-series-announced-later.md).
     */
    static RuleSet storedRuleSet(pl.ops.swiadczenia.ruleset.RuleSetRegistry registry, String benefit, LocalDate version,
                                 String rulesetId, String rulesetSha256, LocalDate legalDate, String decisionId) {
        RuleSet byId = registry.find(benefit, version).orElseThrow(() -> new NoRuleSetException(benefit, legalDate,
                "Zestaw reguł " + rulesetId + " użyty w decyzji " + decisionId + " nie jest już dostępny / Ruleset "
                        + rulesetId + " used by decision " + decisionId + " is no longer available"));
        if (rulesetSha256 != null && !rulesetSha256.equals(byId.sha256()) && registry.retiredFolder(rulesetSha256).isPresent()) {
            return registry.select(benefit, legalDate);
        }
        return byId;
    }

    /**
     * The module versions a stored decision recorded (in its result JSON). A module recorded with a hash of the
     * retired representation is replayed under the state of that module in force on the decision's legal date (its
     * legal states may since have been split, e.g. by the day a GUS value became known: docs/adr/0016-series-announced-later.md).
     */
    static List<RuleSet> storedModules(pl.ops.swiadczenia.ruleset.RuleSetRegistry registry, String resultJson,
                                       LocalDate legalDate, String decisionId) {
        List<RuleSet> modules = new java.util.ArrayList<>();
        for (JsonNode m : CanonicalJson.tree(resultJson).path("modules")) {
            String mid = m.path("rulesetId").asText();
            String[] parts = mid.split("/");
            RuleSet byId = registry.find(parts[0], LocalDate.parse(parts[1])).orElseThrow(() ->
                    new NoRuleSetException(parts[0], legalDate, "Moduł " + mid + " użyty w decyzji " + decisionId
                            + " nie jest już dostępny / Module " + mid + " used by decision " + decisionId
                            + " is no longer available"));
            String sha = m.path("rulesetSha256").asText(null);
            if (sha != null && !sha.equals(byId.sha256()) && registry.retiredFolder(sha).isPresent()) {
                modules.add(registry.select(parts[0], legalDate));
            } else {
                modules.add(byId);
            }
        }
        return modules;
    }

    /** The outcome of replaying one stored decision under its stored version: identical bytes, or the differences. */
    public record StoredReplay(boolean identical, String rulesetId, boolean rulesetHashMatches,
                               List<JsonDiff.Difference> differences, boolean retired) {
    }

    /** Replays a stored decision without CDI (batch replay jobs). */
    public static StoredReplay replayStored(pl.ops.swiadczenia.ruleset.RuleSetRegistry registry,
                                            pl.ops.swiadczenia.engine.RuleEvaluator evaluator, String decisionId,
                                            String benefit, LocalDate rulesetVersion, String rulesetId,
                                            String rulesetSha256, LocalDate legalDate, String requestJson,
                                            String resultJson) throws java.io.IOException {
        EvaluationRequest request = CanonicalJson.MAPPER.readValue(requestJson, EvaluationRequest.class);
        RuleSet rs = storedRuleSet(registry, benefit, rulesetVersion, rulesetId, rulesetSha256, legalDate, decisionId);
        List<RuleSet> modules = storedModules(registry, resultJson, legalDate, decisionId);
        String json = storedForm(EvaluationService.run(evaluator, rs, modules, request), resultJson);
        boolean identical = json.equals(resultJson);
        boolean retired = !identical && registry.retiredFolder(rulesetSha256).isPresent();
        return new StoredReplay(identical, rs.id(), rs.sha256().equals(rulesetSha256), identical ? List.of()
                : retired ? substance(resultJson, json)
                : JsonDiff.diff(CanonicalJson.tree(resultJson), CanonicalJson.tree(json)), retired);
    }
}
