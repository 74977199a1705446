package pl.ops.swiadczenia.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.Tokens;

/**
 * The decision store under concurrent use (ADR 0015): decisions stored at the same time by many requests are all
 * kept, each exactly once in the hash chain, which stays one gap-free, verifiable sequence (through the API and the
 * terminal command); and every read of a decision writes its access-log entry, also when reads come at once.
 */
@QuarkusTest
class DecisionStoreTest {
    static final int THREADS = 6;
    static final int PER_THREAD = 8;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void token() {
        Tokens.useAllRoles();
    }

    @Test
    void concurrentlyStoredDecisionsAreAllKeptAndChainedOnce() throws Exception {
        long chainedBefore = scalar("SELECT count(*) FROM decision_chain");
        List<String> ids = inParallel(THREADS, t -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < PER_THREAD; i++) {
                String body = AuditTrailTest.household(AuditTrailTest.PESEL).replace("AUD-1", "CONC-" + t + "-" + i);
                mine.add(CanonicalJson.tree(given().contentType(ContentType.JSON).body(body).when()
                        .post("/api/v1/decisions").then().statusCode(201).extract().asString()).get("id").asText());
            }
            return mine;
        });
        assertThat(ids).hasSize(THREADS * PER_THREAD).doesNotHaveDuplicates();

        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(DISTINCT d.id), count(DISTINCT ch.seq), "
                     + "count(DISTINCT p.decision_id) FROM decision d JOIN decision_chain ch ON ch.decision_id = d.id "
                     + "JOIN decision_person p ON p.decision_id = d.id WHERE d.id = ANY (?::uuid[])")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("stored decisions").isEqualTo(ids.size());
                assertThat(rs.getLong(2)).as("chain links of those decisions").isEqualTo(ids.size());
                assertThat(rs.getLong(3)).as("decisions with their family member's keyed PESEL").isEqualTo(ids.size());
            }
        }
        assertThat(scalar("SELECT count(*) FROM decision_chain") - chainedBefore).as("new links")
                .isEqualTo(ids.size());
        assertThat(scalar("SELECT count(*) FROM decision_chain"))
                .as("one gap-free sequence 1..n: no two appends took the same place")
                .isEqualTo(scalar("SELECT max(seq) FROM decision_chain"));

        JsonNode chain = CanonicalJson.tree(given().when().get("/api/v1/audit/chain").then().statusCode(200)
                .extract().asString());
        assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.get("chainedDecisions").asLong()).isEqualTo(scalar("SELECT count(*) FROM decision_chain"));
        assertThat(chain.get("unchainedDecisions").asLong()).isZero();

        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class)
                .orElse("postgres");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditTool.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "verify-chain",
                "--url", url, "--user", user, "--json")).isZero();
        JsonNode cli = CanonicalJson.tree(out.toString(StandardCharsets.UTF_8));
        assertThat(cli.get("intact").asBoolean()).isTrue();
        assertThat(cli.get("chainedDecisions").asLong()).as("terminal and service read the same chain")
                .isEqualTo(chain.get("chainedDecisions").asLong());
    }

    @Test
    void everyReadOfADecisionIsLoggedAlsoUnderConcurrentReads() throws Exception {
        String id = CanonicalJson.tree(given().contentType(ContentType.JSON).body(AuditTrailTest.household(
                AuditTrailTest.PESEL).replace("AUD-1", "LOG-1")).when().post("/api/v1/decisions").then()
                .statusCode(201).extract().asString()).get("id").asText();
        given().when().get("/api/v1/decisions/" + id).then().statusCode(200);
        given().when().get("/api/v1/decisions/" + id + "/request").then().statusCode(200);
        given().when().get("/api/v1/decisions/" + id + "/document").then().statusCode(200);
        given().when().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200);
        inParallel(THREADS, t -> {
            for (int i = 0; i < PER_THREAD; i++) {
                given().when().get("/api/v1/decisions/" + id).then().statusCode(200);
            }
            return List.of();
        });

        JsonNode log = CanonicalJson.tree(given().queryParam("decisionId", id).queryParam("size", 500).when()
                .get("/api/v1/audit/access-log").then().statusCode(200).extract().asString());
        List<String> entries = new ArrayList<>();
        log.forEach(e -> entries.add(e.get("action").asText() + (!e.hasNonNull("detail") ? ""
                : " " + e.get("detail").asText())));
        Map<String, Long> byAction = entries.stream().map(e -> e.split(" ")[0])
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byAction.get("READ_DECISION")).as(entries.toString()).isEqualTo(2L + THREADS * PER_THREAD);
        assertThat(entries).contains("READ_DECISION request", "READ_DOCUMENT",
                "REPLAY_DECISION against=STORED status=IDENTICAL");
        log.forEach(e -> {
            assertThat(e.get("subject").asText()).isEqualTo(Tokens.SUITE);
            assertThat(e.get("decisionId").asText()).isEqualTo(id);
        });
        // newest first, each entry its own row
        List<Long> entryIds = new ArrayList<>();
        log.forEach(e -> entryIds.add(e.get("id").asLong()));
        assertThat(entryIds).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        assertThat(given().queryParam("decisionId", id).queryParam("size", 2).queryParam("page", 1).when()
                .get("/api/v1/audit/access-log").then().statusCode(200).extract().jsonPath().getList("id", Long.class))
                .as("page 1 of size 2 (reading the log above added one entry on top)")
                .containsExactly(entryIds.get(1), entryIds.get(2));
        given().queryParam("decisionId", id).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).when()
                .get("/api/v1/audit/access-log").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
        // reading the log is logged too (after the answer was read)
        assertThat(given().queryParam("decisionId", id).queryParam("size", 500).when().get("/api/v1/audit/access-log")
                .then().statusCode(200).extract().asString()).contains("READ_ACCESS_LOG");
    }

    private <T> List<T> inParallel(int threads, ThrowingFunction<Integer, List<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int n = t;
                futures.add(pool.submit((Callable<List<T>>) () -> {
                    start.await();
                    return task.apply(n);
                }));
            }
            start.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : futures) {
                all.addAll(f.get(5, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    interface ThrowingFunction<A, R> {
        R apply(A a) throws Exception;
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
