package pl.ops.swiadczenia.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.engine.EvaluationLimitException;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.ruleset.NoRuleSetException;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetManifest;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.EvaluationService;
import pl.ops.swiadczenia.service.InvalidRequestException;

/**
 * No input may make a ruleset fail: every released version of every benefit is run — on its first day and five and a
 * half months later — on households it was written for and on households of other benefits (as in "all benefits that
 * apply"). The households are the worked examples of {@code test-cases/}, moved in time to the version's date (every
 * date by the same number of months, calendar years such as {@code rokSzkolny} with them), so that most of them get
 * through validation and are decided by the version under test: the test exercises the rules, not only the validator.
 * Each case must end in a decision that explains itself, or in a 400/422-type rejection (invalid request, no ruleset,
 * a value of law not known, the evaluation limit) — never in a ruleset failure (which would be a 500).
 * <p>
 * The request API itself (types, bounds, hostile bodies, storing and replay) is fuzzed by
 * {@code pl.ops.swiadczenia.fuzz.RequestFuzzTest}.
 */
class AllBenefitsRobustnessTest {
    /** The share of cases built from a benefit's own worked examples that must reach its rules. */
    private static final int MIN_OWN_DECIDED_PERCENT = 90;
    /** At most this many of a benefit's own worked examples (spread over its files) run on each of its versions. */
    private static final int OWN_EXAMPLES = 24;
    /** Worked examples of each other benefit run on a version ("all benefits that apply"). */
    private static final int OTHER_EXAMPLES = 1;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final RuleEvaluator EVALUATOR = new RuleEvaluator();

    private static RuleSetRegistry registry;
    private static Map<String, List<JsonNode>> examples;

    @BeforeAll
    static void load() {
        registry = TestRegistry.get();
        examples = new TreeMap<>();
        for (GoldenCase g : GoldenCase.load(Path.of("test-cases"))) {
            examples.computeIfAbsent(g.input().path("benefit").asText(), k -> new ArrayList<>()).add(g.input());
        }
    }

    /** How a case ended: a decision, a 400-type rejection, a 422-type one, or a ruleset failure. */
    private enum Answer { DECIDED, INVALID, UNDECIDABLE, FAILED }

    /** Counts of one group of cases. */
    private static final class Tally {
        int run;
        int decided;
        int invalid;
        int undecidable;

        void add(Answer a) {
            run++;
            switch (a) {
                case DECIDED -> decided++;
                case INVALID -> invalid++;
                case UNDECIDABLE -> undecidable++;
                case FAILED -> {
                }
            }
        }

        String line() {
            return String.format(Locale.ROOT, "%5d cases, %5.1f %% decided, %5.1f %% invalid (400), %5.1f %% not decidable (422)",
                    run, percent(decided), percent(invalid), percent(undecidable));
        }

        double percent(int n) {
            return run == 0 ? 0 : 100.0 * n / run;
        }
    }

    @Test
    void everyReleasedVersionDecidesWorkedExamplesWithoutFailing() {
        assertThat(registry.failures()).isEmpty();
        Tally own = new Tally();
        Tally others = new Tally();
        Map<String, Tally> perVersion = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (RuleSet rs : registry.all()) {
            if (!rs.released() || rs.manifest().kind() != RuleSetManifest.Kind.BENEFIT) {
                continue;
            }
            Tally version = perVersion.computeIfAbsent(rs.id(), k -> new Tally());
            for (LocalDate date : List.of(rs.effectiveFrom(), rs.effectiveFrom().plusMonths(5).plusDays(14))) {
                if (!inForce(rs, date)) {
                    continue;
                }
                for (String benefit : examples.keySet()) {
                    boolean itsOwn = benefit.equals(rs.benefit());
                    for (JsonNode household : spread(examples.get(benefit), itsOwn ? OWN_EXAMPLES : OTHER_EXAMPLES)) {
                        ObjectNode input = movedTo(household, date);
                        input.put("benefit", rs.benefit());
                        LocalDate legalDate = LocalDate.parse(input.get("legalDate").asText());
                        if (!inForce(rs, legalDate)) {
                            continue;
                        }
                        Answer answer = evaluate(rs, legalDate, input, failures);
                        (itsOwn ? own : others).add(answer);
                        version.add(answer);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "AllBenefitsRobustnessTest: %d released benefit versions in %.1f s%n"
                + "  own worked examples:  %s%n  other benefits' ones: %s%n  the five versions deciding the smallest share:%n",
                perVersion.size(), (System.nanoTime() - started) / 1e9, own.line(), others.line());
        perVersion.entrySet().stream()
                .sorted(java.util.Comparator.comparingDouble(e -> e.getValue().percent(e.getValue().decided))).limit(5)
                .forEach(e -> System.out.println("    " + e.getKey() + ": " + e.getValue().line()));

        assertThat(failures).as("ruleset failures").isEmpty();
        assertThat(own.percent(own.decided)).as("share of cases from a benefit's own worked examples that reach its rules")
                .isGreaterThanOrEqualTo(MIN_OWN_DECIDED_PERCENT);
        assertThat(perVersion.entrySet().stream().filter(e -> e.getValue().decided == 0).map(Map.Entry::getKey).toList())
                .as("released versions that decided none of the worked examples moved to their dates").isEmpty();
    }

    /** At most {@code n} of the list, evenly spread over it. */
    private static List<JsonNode> spread(List<JsonNode> all, int n) {
        if (all.size() <= n) {
            return all;
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * all.size() / n)));
        }
        return out;
    }

    /** Whether the registry would choose exactly this version on the date. */
    private static boolean inForce(RuleSet rs, LocalDate date) {
        try {
            return registry.select(rs.benefit(), date) == rs;
        } catch (NoRuleSetException e) {
            return false;
        }
    }

    /** Runs one case on the version; a failure is also added to {@code failures}. */
    private static Answer evaluate(RuleSet rs, LocalDate legalDate, ObjectNode input, List<String> failures) {
        try {
            EvaluationRequest req = CanonicalJson.MAPPER.treeToValue(input, EvaluationRequest.class);
            Evaluation e = EvaluationService.run(EVALUATOR, rs, EvaluationService.modulesInForce(registry, rs, legalDate), req);
            if (e.outcome() == null || e.explanation().isEmpty()) {
                failures.add(rs.id() + ": a decision without an outcome or an explanation for " + input);
            }
            return Answer.DECIDED;
        } catch (InvalidRequestException e) {
            return Answer.INVALID;
        } catch (NoRuleSetException | EvaluationLimitException e) {
            return Answer.UNDECIDABLE;
        } catch (Exception e) {
            failures.add(rs.id() + " on " + legalDate + ": " + e + "\n    request: " + input);
            return Answer.FAILED;
        }
    }

    /**
     * The household moved in time so that its legal date falls in the month of {@code date}: every ISO date by the
     * same number of months (ages, periods and deadlines stay as they were), calendar years ({@code rok…}) with them.
     */
    static ObjectNode movedTo(JsonNode household, LocalDate date) {
        ObjectNode copy = household.deepCopy();
        LocalDate legal = LocalDate.parse(household.get("legalDate").asText());
        long months = ChronoUnit.MONTHS.between(YearMonth.from(legal), YearMonth.from(date));
        int years = legal.plusMonths(months).getYear() - legal.getYear();
        shift(copy, months, years);
        return copy;
    }

    private static void shift(JsonNode node, long months, int years) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isTextual() && ISO_DATE.matcher(v.asText()).matches()) {
                    e.setValue(JsonNodeFactory.instance.textNode(plusMonths(v.asText(), months)));
                } else if (v.isIntegralNumber() && e.getKey().startsWith("rok")) {
                    e.setValue(JsonNodeFactory.instance.numberNode(v.asInt() + years));
                } else {
                    shift(v, months, years);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isTextual() && ISO_DATE.matcher(v.asText()).matches()) {
                    a.set(i, JsonNodeFactory.instance.textNode(plusMonths(v.asText(), months)));
                } else {
                    shift(v, months, years);
                }
            }
        }
    }

    private static String plusMonths(String isoDate, long months) {
        try {
            return LocalDate.parse(isoDate).plusMonths(months).toString();
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }
}
