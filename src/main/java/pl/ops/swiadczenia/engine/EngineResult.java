package pl.ops.swiadczenia.engine;

import java.util.List;
import java.util.Map;
import pl.ops.swiadczenia.decyzja.ExplanationStep;
import pl.ops.swiadczenia.decyzja.Outcome;
import pl.ops.swiadczenia.fakty.PozycjaKwoty;
import pl.ops.swiadczenia.fakty.Wyplata;

/** What one rules run produced, in a deterministic order. */
public record EngineResult(
        Outcome outcome,
        List<ExplanationStep> steps,
        List<String> firedRules,
        List<PozycjaKwoty> entitlements,
        List<Wyplata> payments,
        Map<String, Object> keyFigures) {
}
