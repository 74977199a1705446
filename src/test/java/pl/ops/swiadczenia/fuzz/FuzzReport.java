package pl.ops.swiadczenia.fuzz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import pl.ops.swiadczenia.fuzz.FuzzCase.Category;

/** What the service answered to the generated requests: counts per category and benefit, failures, replays. */
final class FuzzReport {
    /** Columns of the tables: all, decided (2xx), 400, 422, another 4xx, 5xx or no answer. */
    private static final String[] COLUMNS = {"cases", "2xx", "400", "422", "4xx", "5xx"};

    private final Map<Category, long[]> byCategory = new EnumMap<>(Category.class);
    private final Map<String, long[]> byBenefit = new TreeMap<>();
    private final Map<String, long[]> byEndpoint = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> replayFailures = new ArrayList<>();
    private long slowestNanos;
    private String slowest = "";
    private int stored;
    private int replayed;
    private int identical;

    void record(FuzzCase c, int status, long nanos) {
        int column = status >= 200 && status < 300 ? 1 : status == 400 ? 2 : status == 422 ? 3
                : status > 400 && status < 500 ? 4 : 5;
        for (long[] row : List.of(byCategory.computeIfAbsent(c.category(), k -> new long[COLUMNS.length]),
                byBenefit.computeIfAbsent(c.benefit(), k -> new long[COLUMNS.length]),
                byEndpoint.computeIfAbsent(c.endpoint(), k -> new long[COLUMNS.length]))) {
            row[0]++;
            row[column]++;
        }
        if (nanos > slowestNanos) {
            slowestNanos = nanos;
            slowest = c.category() + " " + c.benefit() + ": " + c.description() + " → " + status + "; request: "
                    + c.shortBody(2000);
        }
    }

    void fail(int index, FuzzCase c, int status, List<String> problems, String response) {
        failures.add("#" + index + " " + c.category() + " " + c.benefit() + " POST " + c.endpoint() + " ("
                + c.contentType() + ") " + c.description() + "\n    answer " + status + ": " + shorten(response, 600)
                + "\n    problems: " + String.join("; ", problems) + "\n    request: " + c.shortBody(3000));
    }

    void stored() {
        stored++;
    }

    void replayed(boolean isIdentical, String failure) {
        replayed++;
        if (isIdentical) {
            identical++;
        } else {
            replayFailures.add(failure);
        }
    }

    List<String> failures() {
        return failures;
    }

    List<String> replayFailures() {
        return replayFailures;
    }

    long cases() {
        return byCategory.values().stream().mapToLong(r -> r[0]).sum();
    }

    long cases(Category c) {
        return byCategory.getOrDefault(c, new long[COLUMNS.length])[0];
    }

    long decided(Category c) {
        return byCategory.getOrDefault(c, new long[COLUMNS.length])[1];
    }

    long decided() {
        return byCategory.values().stream().mapToLong(r -> r[1]).sum();
    }

    int replayedCount() {
        return replayed;
    }

    /** The summary printed after a run. */
    String table(long seed, int tries, long millis) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nRequest fuzzing: seed %d, %d cases in %.1f s (rerun: ./mvnw test "
                + "-Dtest=RequestFuzzTest -Dfuzz.seed=%d -Dfuzz.tries=%d)%n", seed, tries, millis / 1000.0, seed, tries));
        sb.append(String.format(Locale.ROOT, "Reached the rules (2xx): %d of %d = %s; of the valid in-range changes: %s%n",
                decided(), cases(), percent(decided(), cases()), percent(decided(Category.IN_RANGE), cases(Category.IN_RANGE))));
        sb.append(String.format(Locale.ROOT, "Stored decisions: %d; replayed: %d, IDENTICAL: %d%n", stored, replayed, identical));
        sb.append(String.format(Locale.ROOT, "Slowest answer: %.0f ms (%s)%n", slowestNanos / 1e6, shorten(slowest, 2200)));
        table(sb, "category", byCategory);
        table(sb, "benefit", byBenefit);
        table(sb, "endpoint", byEndpoint);
        sb.append(String.format(Locale.ROOT, "Failures: %d, replay failures: %d%n", failures.size(), replayFailures.size()));
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, Map<?, long[]> rows) {
        sb.append(String.format(Locale.ROOT, "%n%-52s", title));
        for (String c : COLUMNS) {
            sb.append(String.format(Locale.ROOT, "%15s", c));
        }
        sb.append('\n');
        for (Map.Entry<?, long[]> e : rows.entrySet()) {
            long[] r = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-52s%15d", e.getKey(), r[0]));
            for (int i = 1; i < r.length; i++) {
                sb.append(String.format(Locale.ROOT, "%8d %6s", r[i], percent(r[i], r[0])));
            }
            sb.append('\n');
        }
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " characters)";
    }
}
