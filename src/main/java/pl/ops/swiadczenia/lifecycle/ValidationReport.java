package pl.ops.swiadczenia.lifecycle;

import java.time.LocalDate;
import java.util.List;
import pl.ops.swiadczenia.ruleset.Finding;

/**
 * The result of validating a candidate ruleset version: every finding (file, line, problem), the golden cases run
 * against it and the temporal coverage with it included. The terminal command and the API print the same report,
 * as text ({@link #toText()}) or JSON.
 *
 * @param valid true when there is no ERROR: only a valid version can be published
 */
public record ValidationReport(
        String rulesetId,
        String benefit,
        LocalDate version,
        String status,
        String sha256,
        String source,
        boolean valid,
        int errors,
        int warnings,
        List<Finding> findings,
        GoldenRun goldenCases,
        Coverage coverage) {

    /** Golden cases of the benefit whose legal date this version would decide, run against it. */
    public record GoldenRun(int casesOfBenefit, int decidedByCandidate, int passed, int failed, List<CaseResult> results) {
    }

    /** One golden case run against the candidate. */
    public record CaseResult(String file, String name, LocalDate legalDate, boolean passed, List<String> mismatches) {
    }

    /**
     * Which released version decides which dates once the candidate is published (periods in date order), and the
     * dates whose version the candidate takes over.
     */
    public record Coverage(boolean complete, List<Period> periods, List<Period> takenOver) {
    }

    /** Dates {@code from}–{@code to} (inclusive; to null = open) decided by {@code rulesetId}. */
    public record Period(LocalDate from, LocalDate to, String rulesetId) {
    }

    /** The report as a person reads it in a terminal. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Walidacja wersji / validation of ").append(rulesetId).append(" (").append(status).append(")\n");
        sb.append("  źródło / source: ").append(source).append('\n');
        if (sha256 != null) {
            sb.append("  sha256: ").append(sha256).append('\n');
        }
        sb.append("  wynik / result: ").append(valid ? "POPRAWNA / VALID" : "NIEPOPRAWNA / INVALID")
                .append(" – błędy / errors: ").append(errors).append(", ostrzeżenia / warnings: ").append(warnings)
                .append('\n');
        if (!findings.isEmpty()) {
            sb.append("\nUwagi / findings:\n");
            findings.forEach(f -> sb.append("  ").append(f.format()).append('\n'));
        }
        if (goldenCases != null) {
            sb.append("\nPrzypadki wzorcowe / golden cases: ").append(goldenCases.decidedByCandidate())
                    .append(" z / of ").append(goldenCases.casesOfBenefit())
                    .append(" rozstrzyga ta wersja / decided by this version; zgodne / passed ")
                    .append(goldenCases.passed()).append(", niezgodne / failed ").append(goldenCases.failed()).append('\n');
            for (CaseResult c : goldenCases.results()) {
                sb.append("  ").append(c.passed() ? "OK   " : "FAIL ").append(c.file()).append(" › ").append(c.name())
                        .append(" (").append(c.legalDate()).append(")\n");
                c.mismatches().forEach(m -> sb.append("         ").append(m).append('\n'));
            }
        }
        if (coverage != null) {
            sb.append("\nPokrycie w czasie / temporal coverage: ")
                    .append(coverage.complete() ? "pełne / complete" : "LUKI / GAPS").append('\n');
            coverage.periods().forEach(p -> sb.append("  ").append(p.from()).append(" – ")
                    .append(p.to() == null ? "…" : p.to()).append(": ").append(p.rulesetId() == null ? "BRAK WERSJI / NONE"
                            : p.rulesetId()).append('\n'));
            if (!coverage.takenOver().isEmpty()) {
                sb.append("  przejmuje daty od / takes over dates from:\n");
                coverage.takenOver().forEach(p -> sb.append("    ").append(p.from()).append(" – ")
                        .append(p.to() == null ? "…" : p.to()).append(": dotąd / until now ").append(p.rulesetId())
                        .append('\n'));
            }
        }
        return sb.toString();
    }
}
