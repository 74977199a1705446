package pl.ops.swiadczenia.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.fuzz.FuzzCase.Category;
import pl.ops.swiadczenia.golden.GoldenCase;
import pl.ops.swiadczenia.security.Roles;
import pl.ops.swiadczenia.testsupport.Tokens;

/**
 * Property-based fuzzing of the request API (issue 14, point 7). Requests for every benefit are generated from the
 * published schema ({@code /q/openapi}, bounds included where declared) and the worked examples of
 * {@code test-cases/} (see {@link RequestCases}): valid changes that should reach the rules, hostile values in one
 * field, and hostile or random bodies. For each request:
 * <ul>
 *   <li>never a 5xx;</li>
 *   <li>every 4xx is {@code application/problem+json}; every 400 lists errors, each naming a field;</li>
 *   <li>a request outside the schema (another JSON type, beyond a bound, a bad date, code or text, an unknown field)
 *       is a 400 naming the changed field ({@code $} for a body that is hostile as a whole);</li>
 *   <li>every answer is well-formed UTF-8, and no error answer repeats a run of 11 digits of any script;</li>
 *   <li>a decision is stored for, and only for, a 201 of {@code POST /api/v1/decisions};</li>
 *   <li>every stored decision replays IDENTICAL.</li>
 * </ul>
 * The generator is QuickTheories (plain Java generators with a seed, run from this Jupiter test: no second test
 * engine next to {@code @QuarkusTest}).
 * The run prints the share of requests that reached the rules (got a decision) per category, benefit and endpoint,
 * and fails if fewer than {@value #MIN_IN_RANGE_DECIDED_PERCENT} % of the valid changes did, so that it cannot pass
 * by testing only validation.
 * <p>
 * CI runs a fixed seed and {@value #DEFAULT_TRIES} cases. A longer run with another seed:
 * {@code ./mvnw test -Dtest=RequestFuzzTest -Dfuzz.tries=100000 -Dfuzz.seed=123}
 * ({@code -Dfuzz.replays=N} replays an even sample of N stored decisions instead of all).
 */
@QuarkusTest
class RequestFuzzTest {
    static final int DEFAULT_TRIES = 3000;
    static final long DEFAULT_SEED = 20_140_007L;
    /** The floor for the share of valid in-range changes that get a decision. */
    static final int MIN_IN_RANGE_DECIDED_PERCENT = 60;
    /** One line per case: what was sent and what came back. */
    static final String CASE_LOG = "target/request-fuzz-cases.txt";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String token = Tokens.bearer(Tokens.SUITE, Roles.SYSTEM, Roles.POLICY, Roles.AUDITOR);
    private final List<String> log = new ArrayList<>();

    @Test
    void generatedRequestsNeverFailAndValidOnesReachTheRules() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int tries = Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
        int maxReplays = Integer.getInteger("fuzz.replays", Integer.MAX_VALUE);
        long started = System.nanoTime();

        RequestSchema schema = RequestSchema.of(JSON.readTree(send("GET", "/q/openapi?format=json", null, null).body()));
        List<String> benefits = benefits();
        Map<String, List<ObjectNode>> examples = decidedExamples(benefits);
        assertThat(examples.keySet()).as("every benefit has a worked example that is decided as it is")
                .containsExactlyInAnyOrderElementsOf(benefits);

        FuzzReport report = new FuzzReport();
        List<String> storedIds = new ArrayList<>();
        long[] storedCount = {countDecisions()};
        int[] index = {0};
        qt().withFixedSeed(seed).withExamples(tries).withShrinkCycles(0)
                .forAll(new RequestCases(schema, examples, benefits).cases())
                .check(c -> {
                    storedCount[0] = check(index[0]++, c, report, storedIds, storedCount[0]);
                    return true;
                });

        replay(storedIds, maxReplays, report);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Files.write(Path.of(CASE_LOG), log.stream().map(RequestFuzzTest::printable).toList(), StandardCharsets.UTF_8);
        System.out.println(report.table(seed, tries, millis) + "Every case, with its answer: " + CASE_LOG);
        report.failures().stream().limit(30).forEach(f -> System.out.println("FAILURE " + printable(f)));
        report.replayFailures().stream().limit(30).forEach(f -> System.out.println("REPLAY FAILURE " + printable(f)));

        if (!report.failures().isEmpty() || !report.replayFailures().isEmpty()) {
            fail(report.failures().size() + " request(s) answered against the contract, " + report.replayFailures().size()
                    + " stored decision(s) not replayed IDENTICAL; the first:\n" + printable(String.join("\n",
                    Stream.concat(report.failures().stream(), report.replayFailures().stream()).limit(10).toList())));
        }
        // QuickTheories skips a case it has generated before, so a few of the tries may not run
        assertThat(report.cases()).as("cases run").isGreaterThanOrEqualTo(tries * 95L / 100);
        assertThat(100.0 * report.decided(Category.IN_RANGE) / Math.max(1, report.cases(Category.IN_RANGE)))
                .as("share of valid in-range changes that reach the rules (a decision)")
                .isGreaterThanOrEqualTo(MIN_IN_RANGE_DECIDED_PERCENT);
        assertThat(report.replayedCount()).as("stored decisions replayed").isEqualTo(Math.min(storedIds.size(), maxReplays));
    }

    /** Sends one case and checks the answer; returns the number of stored decisions after it. */
    private long check(int index, FuzzCase c, FuzzReport report, List<String> storedIds, long storedBefore) {
        List<String> problems = new ArrayList<>();
        int status = -1;
        String body = "";
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(request("POST", c.endpoint(), c.contentType(), c.body()),
                    HttpResponse.BodyHandlers.ofByteArray());
            status = r.statusCode();
            body = new String(r.body(), StandardCharsets.UTF_8);
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!wellFormedUtf8(r.body())) {
                problems.add("an answer that is not well-formed UTF-8");
            }
            if (status >= 400 && hasElevenDigits(body)) {
                problems.add("an error answer that repeats a run of 11 digits (a PESEL-like number)");
            }
            if (status >= 500) {
                problems.add("a server error");
            } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                problems.add("a 4xx that is not application/problem+json (" + type + ")");
            }
            if (status == 400) {
                checkFieldErrors(c, body, problems);
            }
            if (c.mustBeRejected() && !c.rejected().contains(status)) {
                problems.add("a request outside the schema must be answered " + c.rejected());
            }
            if (status >= 200 && status < 300) {
                String id = decided(c, status, body, problems);
                if (id != null) {
                    storedIds.add(id);
                    report.stored();
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted");
        }
        long nanos = System.nanoTime() - t0;
        log.add(String.format(java.util.Locale.ROOT, "#%d %s %s %s %d %dms %s | %s", index, c.category(), c.benefit(),
                c.endpoint(), status, nanos / 1_000_000, c.description(), firstError(body)));
        long expected = storedBefore + (status == 201 && c.endpoint().equals(RequestCases.DECISIONS) ? 1 : 0);
        long now = countDecisions();
        if (now != expected) {
            problems.add((now - storedBefore) + " decision(s) stored, expected " + (expected - storedBefore));
        }
        report.record(c, status, nanos);
        if (!problems.isEmpty()) {
            report.fail(index, c, status, problems, body);
        }
        return now;
    }

    /** The text with every unpaired surrogate (sent on purpose, and echoed in some answers) as U+FFFD. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp));
        return sb.toString();
    }

    /** The first field error of an answer, for the log of cases. */
    private static String firstError(String body) {
        try {
            JsonNode e = JSON.readTree(body).path("errors").path(0);
            return e.isMissingNode() ? "" : e.path("field").asText() + ": " + e.path("message").asText();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A 400: problem details listing the bad fields, naming the changed one when the request was outside the schema. */
    private static void checkFieldErrors(FuzzCase c, String body, List<String> problems) {
        JsonNode errors;
        try {
            errors = JSON.readTree(body).path("errors");
        } catch (IOException e) {
            problems.add("a 400 whose body is not JSON");
            return;
        }
        if (!errors.isArray() || errors.isEmpty()) {
            problems.add("a 400 without a list of errors");
            return;
        }
        List<String> fields = new ArrayList<>();
        for (JsonNode e : errors) {
            String field = e.path("field").asText("");
            if (field.isBlank()) {
                problems.add("an error without a field: " + e);
            }
            fields.add(field);
        }
        if (c.mustBeRejected() && fields.stream().noneMatch(c::names)) {
            problems.add("the errors name " + fields + ", not " + c.fields());
        }
    }

    /** A 2xx: a decision with an outcome; a 201 from the decisions endpoint carries the stored decision's id. */
    private static String decided(FuzzCase c, int status, String body, List<String> problems) {
        JsonNode d;
        try {
            d = JSON.readTree(body);
        } catch (IOException e) {
            problems.add("a 2xx whose body is not JSON");
            return null;
        }
        if (!d.path("outcome").isTextual()) {
            problems.add("a 2xx without an outcome");
        }
        boolean store = c.endpoint().equals(RequestCases.DECISIONS);
        if (status != (store ? 201 : 200)) {
            problems.add("a 2xx other than " + (store ? 201 : 200));
        }
        return store && d.path("id").isTextual() ? d.get("id").asText() : null;
    }

    /** Replays the stored decisions (an even sample of at most {@code max}); each must be IDENTICAL. */
    private void replay(List<String> ids, int max, FuzzReport report) throws IOException, InterruptedException {
        int n = Math.min(ids.size(), max);
        for (int i = 0; i < n; i++) {
            String id = ids.get((int) ((long) i * ids.size() / n));
            HttpResponse<String> r = send("POST", "/api/v1/decisions/" + id + "/replay", null, null);
            boolean identical = r.statusCode() == 200 && "IDENTICAL".equals(JSON.readTree(r.body()).path("status").asText());
            String failure = null;
            if (!identical) {
                String request = send("GET", "/api/v1/decisions/" + id + "/request", null, null).body();
                failure = id + " answered " + r.statusCode() + ": " + r.body() + "\n    stored request: " + request;
            }
            report.replayed(identical, failure);
        }
    }

    /** Benefit ids: the folders of rules/ whose benefit.yaml says kind: benefit (modules such as dochod_rodziny are not). */
    static List<String> benefits() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("rules"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path manifest = dir.resolve("benefit.yaml");
                if (Files.exists(manifest) && "benefit".equals(YAML.readTree(manifest.toFile()).path("kind").asText())) {
                    out.add(dir.getFileName().toString());
                }
            }
        }
        return out;
    }

    /** The worked examples of each benefit that the service decides as they are (the starting points). */
    private Map<String, List<ObjectNode>> decidedExamples(List<String> benefits) throws IOException, InterruptedException {
        Map<String, List<ObjectNode>> out = new TreeMap<>();
        for (GoldenCase g : GoldenCase.load(Path.of("test-cases"))) {
            String benefit = g.input().path("benefit").asText();
            if (!benefits.contains(benefit) || !g.input().isObject()) {
                continue;
            }
            ObjectNode input = g.input().deepCopy();
            if (send("POST", RequestCases.EVALUATIONS, RequestCases.JSON_TYPE, RequestCases.write(input)).statusCode() == 200) {
                out.computeIfAbsent(benefit, k -> new ArrayList<>()).add(input);
            }
        }
        return out;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        return http.send(request(method, path, contentType, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return b.build();
    }

    private static boolean wellFormedUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Whether a text holds 11 digits in a row, of any script: error answers never repeat one (a request may carry a
     * PESEL only in the field pesel, and the service masks such numbers in its messages).
     */
    static boolean hasElevenDigits(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            run = Character.isDigit(cp) ? run + 1 : 0;
            if (run >= 11) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private long countDecisions() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM decision")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
