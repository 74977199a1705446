package pl.ops.swiadczenia.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates the result of re-evaluating stored decisions under a candidate version: counts by kind of change,
 * the distribution of amount differences in fixed buckets, and a few example decisions per kind. Its size does not
 * grow with the number of decisions (flat memory). Thread-safe.
 */
public final class ImpactAnalysis {
    /** Kinds of change of one decision. */
    public enum Kind { UNCHANGED, AMOUNT_INCREASED, AMOUNT_DECREASED, OUTCOME_CHANGED, NOT_EVALUABLE }

    /** Upper bounds (exclusive) of the difference buckets, in PLN: new total − stored total. */
    static final BigDecimal[] BOUNDS = {
            new BigDecimal("-1000"), new BigDecimal("-100"), new BigDecimal("-10"), BigDecimal.ZERO,
            new BigDecimal("0.01"), new BigDecimal("10"), new BigDecimal("100"), new BigDecimal("1000")};
    static final String[] LABELS = {
            "< -1000", "-1000 … -100", "-100 … -10", "-10 … -0,01", "0", "0,01 … 10", "10 … 100", "100 … 1000", ">= 1000"};
    static final int EXAMPLES = 5;

    private final Map<Kind, Long> counts = new LinkedHashMap<>();
    private final Map<String, Long> outcomeChanges = new TreeMap<>();
    private final long[] buckets = new long[LABELS.length];
    private final Map<Kind, List<Example>> examples = new LinkedHashMap<>();
    private BigDecimal sumDifference = BigDecimal.ZERO;
    private BigDecimal minDifference;
    private BigDecimal maxDifference;

    public ImpactAnalysis() {
        for (Kind k : Kind.values()) {
            counts.put(k, 0L);
            examples.put(k, new ArrayList<>());
        }
    }

    /** One example decision of a kind of change. */
    public record Example(String decisionId, LocalDate legalDate, String storedOutcome, BigDecimal storedTotal,
                          String newOutcome, BigDecimal newTotal, String note) {
    }

    /** Records one re-evaluated decision and returns its kind of change. {@code newOutcome} null = could not be evaluated ({@code note} says why). */
    public synchronized Kind add(String id, LocalDate legalDate, String storedOutcome, BigDecimal storedTotal,
                                 String newOutcome, BigDecimal newTotal, String note) {
        Kind kind;
        if (newOutcome == null) {
            kind = Kind.NOT_EVALUABLE;
        } else if (!newOutcome.equals(storedOutcome)) {
            kind = Kind.OUTCOME_CHANGED;
            outcomeChanges.merge(storedOutcome + " → " + newOutcome, 1L, Long::sum);
        } else {
            int c = newTotal.compareTo(storedTotal);
            kind = c == 0 ? Kind.UNCHANGED : c > 0 ? Kind.AMOUNT_INCREASED : Kind.AMOUNT_DECREASED;
        }
        counts.merge(kind, 1L, Long::sum);
        if (newOutcome != null) {
            BigDecimal d = newTotal.subtract(storedTotal);
            int b = 0;
            while (b < BOUNDS.length && d.compareTo(BOUNDS[b]) >= 0) {
                b++;
            }
            buckets[b]++;
            sumDifference = sumDifference.add(d);
            minDifference = minDifference == null || d.compareTo(minDifference) < 0 ? d : minDifference;
            maxDifference = maxDifference == null || d.compareTo(maxDifference) > 0 ? d : maxDifference;
        }
        List<Example> ex = examples.get(kind);
        if (ex.size() < EXAMPLES) {
            ex.add(new Example(id, legalDate, storedOutcome, storedTotal, newOutcome, newTotal, note));
        }
        return kind;
    }

    /** One bucket of the distribution of differences. */
    public record Bucket(String range, long decisions) {
    }

    /** The report so far. */
    public record Summary(long evaluated, Map<Kind, Long> byKind, Map<String, Long> outcomeChanges,
                          List<Bucket> differenceDistribution, BigDecimal sumOfDifferences,
                          BigDecimal minDifference, BigDecimal maxDifference, Map<Kind, List<Example>> examples) {
    }

    /** Adds the report of another part of the same analysis (a chunk of a job); examples in the order added. */
    public synchronized void merge(Summary s) {
        s.byKind().forEach((k, n) -> counts.merge(k, n, Long::sum));
        s.outcomeChanges().forEach((k, n) -> outcomeChanges.merge(k, n, Long::sum));
        for (int i = 0; i < LABELS.length && i < s.differenceDistribution().size(); i++) {
            buckets[i] += s.differenceDistribution().get(i).decisions();
        }
        if (s.sumOfDifferences() != null) {
            sumDifference = sumDifference.add(s.sumOfDifferences());
        }
        if (s.minDifference() != null) {
            minDifference = minDifference == null || s.minDifference().compareTo(minDifference) < 0 ? s.minDifference() : minDifference;
        }
        if (s.maxDifference() != null) {
            maxDifference = maxDifference == null || s.maxDifference().compareTo(maxDifference) > 0 ? s.maxDifference() : maxDifference;
        }
        s.examples().forEach((k, list) -> {
            List<Example> ex = examples.get(k);
            for (Example e : list) {
                if (ex.size() < EXAMPLES) {
                    ex.add(e);
                }
            }
        });
    }

    public synchronized Summary summary() {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Bucket> b = new ArrayList<>();
        for (int i = 0; i < LABELS.length; i++) {
            b.add(new Bucket(LABELS[i], buckets[i]));
        }
        Map<Kind, List<Example>> ex = new LinkedHashMap<>();
        examples.forEach((k, v) -> ex.put(k, List.copyOf(v)));
        return new Summary(n, new LinkedHashMap<>(counts), new TreeMap<>(outcomeChanges), b, sumDifference,
                minDifference, maxDifference, ex);
    }
}
