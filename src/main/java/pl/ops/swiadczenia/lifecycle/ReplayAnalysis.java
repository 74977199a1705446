package pl.ops.swiadczenia.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import pl.ops.swiadczenia.service.JsonDiff;

/**
 * Accumulates a batch replay: how many stored decisions replayed byte for byte, how many differ (with the first
 * 100 listed, each with up to 20 field differences), how many could not be replayed and why. Flat memory. Thread-safe.
 */
public final class ReplayAnalysis {
    static final int LISTED = 100;

    private long identical;
    private long different;
    private long notReplayable;
    private long rulesetHashMismatches;
    private long retiredSameResult;
    private long retiredOtherResult;
    private final List<Difference> differences = new ArrayList<>();
    private final List<Difference> failures = new ArrayList<>();

    /** A decision whose replay differs, or could not be replayed. */
    public record Difference(String decisionId, LocalDate legalDate, String rulesetId, List<JsonDiff.Difference> fields,
                             String reason) {
    }

    public synchronized void identical(boolean hashMatches) {
        identical++;
        if (!hashMatches) {
            rulesetHashMismatches++;
        }
    }

    public synchronized void different(Difference d, boolean hashMatches) {
        different++;
        if (!hashMatches) {
            rulesetHashMismatches++;
        }
        if (differences.size() < LISTED) {
            differences.add(new Difference(d.decisionId(), d.legalDate(), d.rulesetId(),
                    d.fields().subList(0, Math.min(20, d.fields().size())), d.reason()));
        }
    }

    /**
     * A decision made under a retired version folder (docs/adr/0014-law-as-data.md): not byte-identical by
     * construction; counted apart, with outcome/amount differences listed when there are any.
     */
    public synchronized void retired(Difference d) {
        if (d.fields().isEmpty()) {
            retiredSameResult++;
        } else {
            retiredOtherResult++;
            if (differences.size() < LISTED) {
                differences.add(new Difference(d.decisionId(), d.legalDate(), d.rulesetId(),
                        d.fields().subList(0, Math.min(20, d.fields().size())), d.reason()));
            }
        }
    }

    public synchronized void failed(Difference d) {
        notReplayable++;
        if (failures.size() < LISTED) {
            failures.add(d);
        }
    }

    /** Adds the report of another part of the same replay (a chunk of a job); listed decisions in the order added. */
    public synchronized void merge(Summary s) {
        identical += s.identical();
        different += s.different();
        notReplayable += s.notReplayable();
        rulesetHashMismatches += s.rulesetHashMismatches();
        retiredSameResult += s.retiredSameResult();
        retiredOtherResult += s.retiredOtherResult();
        for (Difference d : s.differences()) {
            if (differences.size() < LISTED) {
                differences.add(d);
            }
        }
        for (Difference d : s.notReplayableDecisions()) {
            if (failures.size() < LISTED) {
                failures.add(d);
            }
        }
    }

    /**
     * The report so far. {@code retiredSameResult}/{@code retiredOtherResult}: decisions made under a retired version
     * folder whose outcome and amounts the migrated law reproduces, or not; {@code identicalPercent} is over the
     * decisions that can be replayed byte for byte (all others).
     */
    public record Summary(long replayed, long identical, long different, long notReplayable,
                          long rulesetHashMismatches, double identicalPercent, List<Difference> differences,
                          List<Difference> notReplayableDecisions, long retiredSameResult, long retiredOtherResult) {
    }

    public synchronized Summary summary() {
        long n = identical + different + notReplayable;
        double pct = n == 0 ? 0 : Math.floor(identical * 10000.0 / n) / 100.0;
        return new Summary(n + retiredSameResult + retiredOtherResult, identical, different, notReplayable,
                rulesetHashMismatches, pct, List.copyOf(differences), List.copyOf(failures), retiredSameResult,
                retiredOtherResult);
    }
}
