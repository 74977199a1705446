package pl.ops.swiadczenia.decyzja;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The deterministic result of evaluating one application under one ruleset version: everything a replay must
 * reproduce byte for byte. Contains no ids, timestamps or other run-specific values.
 */
public record Evaluation(
        String benefit,
        String rulesetId,
        String rulesetVersion,
        String rulesetSha256,
        LocalDate legalDate,
        List<ModuleUse> modules,
        Outcome outcome,
        Amounts amounts,
        Map<String, Object> keyFigures,
        List<ExplanationStep> explanation,
        List<String> firedRules) {

    /** A shared ruleset module (e.g. dochod_rodziny) run before the benefit, with the version's hash. */
    public record ModuleUse(String rulesetId, String rulesetSha256) {
    }
}
