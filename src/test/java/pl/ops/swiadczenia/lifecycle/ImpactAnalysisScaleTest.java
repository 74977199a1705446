package pl.ops.swiadczenia.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.IsolatedRulesProfile;

/**
 * Impact analysis over 100 000 stored decisions (four real decisions of 2023, each stored 25 000 times by SQL): it
 * reports progress while running, finishes, counts every decision, and the heap in use does not grow with the
 * number of decisions read (measured after a GC at about a quarter and near the end of the run).
 */
@QuarkusTest
@TestProfile(IsolatedRulesProfile.class)
@org.junit.jupiter.api.Timeout(900)
class ImpactAnalysisScaleTest {
    @org.junit.jupiter.api.BeforeAll
    static void authenticateWithAllRoles() {
        pl.ops.swiadczenia.testsupport.Tokens.useAllRoles();
    }

    @Inject
    DataSource dataSource;

    @Test
    void hundredThousandDecisionsWithProgressAndFlatMemory() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String[] h : new String[][] {{"2008-04-10", "18000.00"}, {"2021-01-10", "18000.00"},
                {"2004-05-01", "15000.00"}, {"2008-04-10", "95000.00"}}) {
            String body = RuleSetLifecycleApiTest.household("2023-03-01", h[0], h[1]);
            ids.add(CanonicalJson.tree(given().contentType(ContentType.JSON).body(body).when().post("/api/v1/decisions")
                    .then().statusCode(201).extract().asString()).get("id").asText());
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO decision (id, created_at, benefit, ruleset_id, "
                     + "ruleset_version, ruleset_sha256, engine_version, legal_date, outcome, total_amount, "
                     + "case_reference, request_json, result_json) SELECT gen_random_uuid(), d.created_at, d.benefit, "
                     + "d.ruleset_id, d.ruleset_version, d.ruleset_sha256, d.engine_version, d.legal_date, d.outcome, "
                     + "d.total_amount, d.case_reference, d.request_json, d.result_json FROM decision d "
                     + "CROSS JOIN generate_series(1, 24999) WHERE d.id = ANY (?::uuid[])")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            assertThat(ps.executeUpdate()).isEqualTo(4 * 24999);
        }

        Map<String, String> req = Map.of("benefit", "zasilek_rodzinny", "version", "2024-11-01",
                "legalDateFrom", "2023-01-01", "legalDateTo", "2023-12-31");
        String id = CanonicalJson.tree(given().contentType(ContentType.JSON).body(req).when()
                .post("/api/v1/impact-analyses").then().statusCode(202).extract().asString()).get("id").asText();

        Long heapAtQuarter = null;
        long heapNearEnd = 0;
        boolean sawProgress = false;
        JsonNode job;
        while (true) {
            job = CanonicalJson.tree(given().when().get("/api/v1/impact-analyses/" + id).then().statusCode(200)
                    .extract().asString());
            long done = job.get("done").asLong();
            long total = job.get("total").asLong();
            if (job.get("status").asText().equals("RUNNING") && total == 100_000 && done > 0 && done < total) {
                sawProgress |= job.get("decisionsPerSecond").asDouble() > 0 && job.hasNonNull("secondsLeft");
                if (heapAtQuarter == null && done > 20_000) {
                    heapAtQuarter = usedAfterGc();
                } else if (done > 85_000) {
                    heapNearEnd = usedAfterGc();
                }
            }
            if (!job.get("status").asText().equals("RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("done").asLong()).isEqualTo(100_000);
        assertThat(job.at("/result/evaluated").asLong()).isEqualTo(100_000);
        assertThat(job.at("/result/byKind/UNCHANGED").asLong()).as("same amounts in 2024-11-01").isEqualTo(100_000);
        assertThat(sawProgress).as("progress with rate and time left while running").isTrue();
        assertThat(heapAtQuarter).as("heap measured at about a quarter of the run").isNotNull();
        assertThat(heapNearEnd).as("heap measured near the end of the run").isPositive();
        assertThat(heapNearEnd - heapAtQuarter).as("heap growth between 20 % and 85 % of the run (bytes)")
                .isLessThan(64L * 1024 * 1024);

        // the same analysis again, cancelled while it runs: it stops early and says so
        String again = CanonicalJson.tree(given().contentType(ContentType.JSON).body(req).when()
                .post("/api/v1/impact-analyses").then().statusCode(202).extract().asString()).get("id").asText();
        Thread.sleep(300);
        given().when().delete("/api/v1/impact-analyses/" + again).then().statusCode(200);
        JsonNode cancelled = RuleSetLifecycleApiTest.awaitJob(again);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("done").asLong()).isLessThan(100_000);
        given().when().delete("/api/v1/impact-analyses/no-such-job").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("benefit", "zasilek_rodzinny")).when()
                .post("/api/v1/impact-analyses").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("version"));
        given().contentType(ContentType.JSON).body(Map.of("benefit", "zasilek_rodzinny", "version", "2031-01-01"))
                .when().post("/api/v1/impact-analyses").then().statusCode(400);


        // auditors: replay all 100 000 under their stored versions, as a background job: 100 % identical
        String replayId = CanonicalJson.tree(given().contentType(ContentType.JSON)
                .body(Map.of("benefit", "zasilek_rodzinny", "legalDateFrom", "2023-01-01", "legalDateTo", "2023-12-31"))
                .when().post("/api/v1/audit/replays").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/audit/replays/"))
                .extract().asString()).get("id").asText();
        JsonNode replay;
        boolean replayProgress = false;
        while (true) {
            replay = CanonicalJson.tree(given().when().get("/api/v1/audit/replays/" + replayId).then().statusCode(200)
                    .extract().asString());
            long done = replay.get("done").asLong();
            replayProgress |= replay.get("status").asText().equals("RUNNING") && done > 0 && done < 100_000
                    && replay.hasNonNull("secondsLeft");
            if (!replay.get("status").asText().equals("RUNNING")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(replay.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(replay.at("/replay/replayed").asLong()).isEqualTo(100_000);
        assertThat(replay.at("/replay/identical").asLong()).isEqualTo(100_000);
        assertThat(replay.at("/replay/different").asLong()).isZero();
        assertThat(replay.at("/replay/identicalPercent").asDouble()).isEqualTo(100.0);
        assertThat(replayProgress).as("replay progress seen while running").isTrue();
        System.out.printf("Replay of 100000 decisions: %.0f decisions/s%n", replay.get("decisionsPerSecond").asDouble());

        System.out.printf("Impact analysis of 100000 decisions: %.0f decisions/s, heap after GC %d → %d MB%n",
                job.get("decisionsPerSecond").asDouble(), heapAtQuarter == null ? -1 : heapAtQuarter >> 20, heapNearEnd >> 20);
    }

    private static long usedAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
