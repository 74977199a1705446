package pl.ops.swiadczenia.service;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import pl.ops.swiadczenia.fakty.Wniosek;

/**
 * A request to decide: which benefit, the case's legal date (selects the ruleset version; for zasiłek rodzinny the
 * first day from which entitlement is established), an optional case reference of the calling OPS system, and the
 * application itself.
 */
@Schema(name = "DecisionRequest", description = "Application to evaluate. The legal date selects the ruleset version.")
public record EvaluationRequest(
        @Schema(description = "Benefit identifier", examples = "zasilek_rodzinny", required = true) String benefit,
        @Schema(description = "The case's legal date (ISO). For zasiłek rodzinny: the first day from which entitlement "
                + "is established (start of the okres zasiłkowy, or the filing date if later).", required = true) LocalDate legalDate,
        @Schema(description = "Case reference in the calling OPS system (free text, ≤ 100 chars)", maxLength = 100) String caseReference,
        @Schema(description = "The application: household and income", required = true) Wniosek wniosek) {
}
