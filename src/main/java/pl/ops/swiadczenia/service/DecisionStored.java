package pl.ops.swiadczenia.service;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A decision was stored (fired after its transaction, asynchronously observed): what a shadow run needs to evaluate
 * the same request under a draft of the law beside it.
 */
public record DecisionStored(UUID id, String benefit, String requestJson, String outcome, BigDecimal total) {
    /** The stored request, read anew (nothing of the live evaluation is shared with the shadow one). */
    public EvaluationRequest request() {
        try {
            return CanonicalJson.MAPPER.readValue(requestJson, EvaluationRequest.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
