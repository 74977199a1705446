package pl.ops.swiadczenia.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import pl.ops.swiadczenia.fakty.Wniosek;

/**
 * One household, several benefits: "what is this family entitled to?". Each benefit is decided and stored as its own
 * decision (replayable on its own).
 */
@Schema(name = "DecisionBatchRequest", description = "One application evaluated for several benefits")
public record BatchRequest(
        @Schema(description = "Benefits to decide. Omitted or empty: every benefit is tried on its legal date; granted "
                + "decisions are stored, the others (refused, not in force, incomplete input) are reported in notDecided.")
        List<String> benefits,
        @Schema(description = "Legal date used for every benefit unless legalDates names another one", required = true)
        LocalDate legalDate,
        @Schema(description = "Per-benefit legal dates (benefit → date), e.g. a benefit period start")
        Map<String, LocalDate> legalDates,
        @Schema(description = "Case reference in the calling OPS system (≤ 100 chars)")
        String caseReference,
        @Schema(description = "The application: household, income and benefit-specific sections", required = true)
        Wniosek wniosek) {
}
