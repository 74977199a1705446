package pl.ops.swiadczenia.decyzja;

import java.util.List;
import java.util.Map;

/**
 * One step of a decision's explanation: the rule that made it (stable id built from the citation), what it found
 * in Polish and English with the actual values, the provision it rests on and the parameters it used.
 */
public record ExplanationStep(
        int seq,
        String ruleId,
        String textPl,
        String textEn,
        Map<String, Object> values,
        LegalCitation legalBasis,
        List<ParameterUse> parameters) {

    /** A parameter value a step used, with its own citation. */
    public record ParameterUse(String name, Object value, String unit, String legalBasis) {
    }
}
