package pl.ops.swiadczenia.rest;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import pl.ops.swiadczenia.lifecycle.ImpactService;
import pl.ops.swiadczenia.lifecycle.JobStore;

/**
 * The list of decisions to reopen as CSV for a spreadsheet as Polish offices use it: semicolons, decimal comma,
 * UTF-8 with a byte order mark, Polish headers and names (never codes), totals in the last line; text cells that a
 * spreadsheet would take for a formula are prefixed with an apostrophe. Written page by page (flat memory).
 */
final class JobCsv {
    static final List<String> IMPACT_KINDS = List.of("AMOUNT_INCREASED", "AMOUNT_DECREASED", "OUTCOME_CHANGED",
            "NOT_EVALUABLE");
    private static final Map<String, String> KINDS = Map.of(
            "AMOUNT_INCREASED", "kwota wyższa",
            "AMOUNT_DECREASED", "kwota niższa",
            "OUTCOME_CHANGED", "inne rozstrzygnięcie",
            "NOT_EVALUABLE", "nie da się ocenić",
            "UNCHANGED", "bez zmian",
            "DIFFERENT", "inny wynik odtworzenia",
            "NOT_REPLAYABLE", "nie da się odtworzyć",
            "RETIRED_OTHER_RESULT", "dawna postać przepisów – inny wynik");
    private static final Map<String, String> OUTCOMES = Map.of("GRANTED", "przyznano", "REFUSED", "odmówiono");
    private static final int PAGE = 1000;

    private JobCsv() {
    }

    static String kindName(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    static StreamingOutput impact(ImpactService jobs, ImpactService.JobView job) {
        UUID id = UUID.fromString(job.id());
        return out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write('\uFEFF');
            w.write(String.join(";", "Sygnatura sprawy", "Identyfikator decyzji", "Data prawna",
                    "Rozstrzygnięcie dotychczas", "Kwota dotychczas (zł)", "Rozstrzygnięcie po zmianie",
                    "Kwota po zmianie (zł)", "Różnica (zł)", "Rodzaj zmiany", "Uwagi"));
            w.write("\r\n");
            long n = 0;
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (int offset = 0; ; offset += PAGE) {
                List<JobStore.Item> page = jobs.items(id, null, offset, PAGE);
                for (JobStore.Item i : page) {
                    n++;
                    if (i.difference() != null) {
                        sum = sum.add(i.difference());
                    }
                    w.write(String.join(";", text(i.caseReference()), i.decisionId(), i.legalDate().toString(),
                            outcome(i.storedOutcome()), money(i.storedTotal()), outcome(i.newOutcome()),
                            money(i.newTotal()), money(i.difference()), kindName(i.kind()), text(i.note())));
                    w.write("\r\n");
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            w.write(String.join(";", "Razem", text(n + " " + decyzje(n) + " do ponownego rozpatrzenia"), "", "", "", "",
                    "", money(sum), "", text("przeanalizowano " + job.done() + " z " + job.total() + " decyzji"
                            + (job.status() == ImpactService.Status.COMPLETED ? "" : " – analiza nie jest zakończona"))));
            w.write("\r\n");
            w.flush();
        };
    }

    static String decyzje(long n) {
        long d = n % 10;
        long h = n % 100;
        return n == 1 ? "decyzja" : d >= 2 && d <= 4 && (h < 12 || h > 14) ? "decyzje" : "decyzji";
    }

    private static String outcome(String o) {
        return o == null ? "" : OUTCOMES.getOrDefault(o, o);
    }

    static String money(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }

    /** A text cell: quoted when it holds ; " or a line break, never read as a formula. */
    static String text(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        String s = v;
        if ("=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(';') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
