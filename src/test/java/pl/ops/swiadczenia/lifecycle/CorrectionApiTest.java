package pl.ops.swiadczenia.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pl.ops.swiadczenia.security.Roles;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.CorrectionRulesProfile;
import pl.ops.swiadczenia.testsupport.Tokens;

/**
 * Issue 13, points 2–4 and 7: a correction of a past period. The released „becikowe” of this profile carries an encoding
 * error (100 zł where art. 15b ust. 1 u.ś.r. says 1 000 zł) and decisions were made under it. A policy user proposes the
 * correction; its impact analysis lists exactly the granted decisions, each 900 zł short, and none of the refused ones;
 * the author cannot approve it, a second person does; it cannot be published before that nor before the analysis;
 * once published, new evaluations of those dates give 1 000 zł, an evaluation as known before the correction still
 * gives 100 zł, and every earlier decision still replays IDENTICAL under the release it recorded.
 */
@QuarkusTest
@TestProfile(CorrectionRulesProfile.class)
@Timeout(600)
class CorrectionApiTest {
    static final String B = CorrectionRulesProfile.BENEFIT;
    static final String AUTHOR = "autor.korekty";
    static final String APPROVER = "druga.osoba";
    @jakarta.inject.Inject
    RuleSets ruleSets;

    @BeforeAll
    static void setUp() {
        Tokens.useAllRoles();
    }

    static String author() {
        return Tokens.bearer(AUTHOR, Roles.POLICY);
    }

    static String approver() {
        return Tokens.bearer(APPROVER, Roles.POLICY);
    }

    static JsonNode json(String s) {
        return HistoryChangeApiTest.json(s);
    }

    static String request(String legalDate, String income) {
        return HistoryChangeApiTest.request(legalDate, income).replace(HistoryChangeApiTest.B, B);
    }

    static JsonNode awaitJob(String id) throws InterruptedException {
        return RuleSetLifecycleApiTest.awaitJob(id);
    }

    @Test
    void aCorrectionOfAPastPeriodIsPublishedByFourEyesAndListsTheDecisionsToReopen() throws Exception {
        // decisions under the erroneous release: three granted (income 833,33 zł per person ≤ 1 922 zł), one refused
        List<String> granted = new ArrayList<>();
        for (String[] c : new String[][] {{"2016-05-10", "30000.00"}, {"2021-09-01", "24000.00"}, {"2024-02-15", "36000.00"}}) {
            JsonNode d = json(given().contentType(ContentType.JSON).body(request(c[0], c[1])).when()
                    .post("/api/v1/decisions").then().statusCode(201).extract().asString());
            assertThat(d.get("outcome").asText()).isEqualTo("GRANTED");
            assertThat(d.at("/amounts/total").decimalValue()).as("the erroneous amount").isEqualByComparingTo("100.00");
            granted.add(d.get("id").asText());
        }
        JsonNode refused = json(given().contentType(ContentType.JSON).body(request("2023-06-01", "80000.00")).when()
                .post("/api/v1/decisions").then().statusCode(201).extract().asString());
        assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
        List<String> stored = new ArrayList<>(granted);
        stored.add(refused.get("id").asText());
        Thread.sleep(20);
        Instant beforeCorrection = Instant.now();
        Thread.sleep(20);

        // proposed by one policy user: validated (golden cases say 1 000 zł), stored, not in force
        String amount = Files.readString(CorrectionRulesProfile.workDir().resolve("rules").resolve(B)
                .resolve(CorrectionRulesProfile.AMOUNT_FILE), StandardCharsets.UTF_8).replace("value: 100.0", "value: 1000.0");
        given().header("Authorization", author()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of(CorrectionRulesProfile.AMOUNT_FILE, amount))).when()
                .post("/api/v1/corrections/" + B).then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("comment"));
        io.restassured.response.Response proposed = given().header("Authorization", author()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of(CorrectionRulesProfile.AMOUNT_FILE, amount), "comment",
                        "Kwota becikowego zapisana jako 100 zł zamiast 1 000 zł (art. 15b ust. 1 u.ś.r.)"))
                .when().post("/api/v1/corrections/" + B);
        assertThat(proposed.statusCode()).as(proposed.asString()).isEqualTo(201);
        JsonNode c = json(proposed.asString());
        String id = c.get("id").asText();
        assertThat(proposed.header("Location")).endsWith("/api/v1/corrections/" + B + "/" + id);
        assertThat(c.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(c.get("author").asText()).isEqualTo(AUTHOR);
        assertThat(c.get("states")).hasSize(1);
        assertThat(c.at("/states/0/rulesetId").asText()).isEqualTo(B + "/2013-01-01");
        assertThat(c.at("/states/0/change").asText()).isEqualTo("CORRECTED");
        assertThat(c.at("/states/0/sha256Before").asText()).isNotEqualTo(c.at("/states/0/sha256After").asText());
        assertThat(c.get("legalDateFrom").asText()).isEqualTo("2013-01-01");
        assertThat(c.at("/report/valid").asBoolean()).isTrue();
        // not in force yet
        assertThat(json(given().contentType(ContentType.JSON).body(request("2024-02-15", "36000.00")).when()
                .post("/api/v1/evaluations").then().statusCode(200).extract().asString()).at("/amounts/total").decimalValue())
                .isEqualByComparingTo("100.00");

        // four eyes: not published unapproved; the author cannot approve; a second person does
        given().header("Authorization", author()).contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/corrections/" + B + "/" + id + "/publication").then().statusCode(409);
        given().header("Authorization", author()).contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/corrections/" + B + "/" + id + "/approval").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("druga osoba"));
        JsonNode approved = json(given().header("Authorization", approver()).contentType(ContentType.JSON)
                .body(Map.of("comment", "sprawdzone z art. 15b ust. 1")).when()
                .post("/api/v1/corrections/" + B + "/" + id + "/approval").then().statusCode(200).extract().asString());
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.at("/approvals/0/actor").asText()).isEqualTo(APPROVER);
        // … nor before its impact analysis has finished
        given().header("Authorization", approver()).contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/corrections/" + B + "/" + id + "/publication").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("analiza skutków"));

        // the impact: exactly the granted decisions, each 900 zł short; the refused one stays refused and is not listed
        String job = json(given().header("Authorization", author()).when()
                .post("/api/v1/corrections/" + B + "/" + id + "/impact-analysis").then().statusCode(202).extract().asString())
                .get("id").asText();
        JsonNode done = awaitJob(job);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.at("/result/byKind/AMOUNT_INCREASED").asLong()).isEqualTo(3);
        assertThat(done.at("/result/byKind/UNCHANGED").asLong()).isEqualTo(1);
        assertThat(done.at("/result/sumOfDifferences").decimalValue()).isEqualByComparingTo("2700.00");
        JsonNode list = json(given().when().get("/api/v1/impact-analyses/" + job + "/decisions").then().statusCode(200)
                .extract().asString());
        Set<String> listed = new HashSet<>();
        list.get("items").forEach(i -> {
            listed.add(i.get("decisionId").asText());
            assertThat(i.get("storedTotal").decimalValue()).isEqualByComparingTo("100.00");
            assertThat(i.get("newTotal").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(i.get("difference").decimalValue()).isEqualByComparingTo("900.00");
            assertThat(i.get("kindName").asText()).isEqualTo("kwota wyższa");
        });
        assertThat(listed).containsExactlyInAnyOrderElementsOf(granted);
        String csv = given().accept("text/csv").when().get("/api/v1/impact-analyses/" + job + "/decisions").then()
                .statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(5);
        assertThat(csv).contains(";przyznano;100,00;przyznano;1000,00;900,00;kwota wyższa;")
                .contains("Razem;3 decyzje do ponownego rozpatrzenia;;;;;;2700,00;");
        JsonNode withJob = json(given().when().get("/api/v1/corrections/" + B + "/" + id).then().statusCode(200)
                .extract().asString());
        assertThat(withJob.get("impactAnalysisId").asText()).isEqualTo(job);
        assertThat(withJob.get("decisionsToReopen").asLong()).isEqualTo(3);

        // published: in force for new evaluations of those past dates
        JsonNode published = json(given().header("Authorization", approver()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/corrections/" + B + "/" + id + "/publication").then().statusCode(200).extract().asString());
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("releaseId").asText()).matches("[0-9a-f]{64}");
        io.restassured.response.Response now = given().contentType(ContentType.JSON).body(request("2024-02-15", "36000.00"))
                .when().post("/api/v1/evaluations");
        assertThat(json(now.asString()).at("/amounts/total").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(json(now.asString()).get("rulesetSha256").asText()).isEqualTo(c.at("/states/0/sha256After").asText());
        // as the service knew the law before the correction: the erroneous amount, from the release it held then
        io.restassured.response.Response asKnown = given().contentType(ContentType.JSON).body(request("2024-02-15", "36000.00"))
                .queryParam("asKnownAt", beforeCorrection.toString()).when().post("/api/v1/evaluations");
        assertThat(asKnown.statusCode()).as(asKnown.asString()).isEqualTo(200);
        assertThat(json(asKnown.asString()).at("/amounts/total").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(asKnown.header("Release-Id")).isNotEqualTo(published.get("releaseId").asText());
        // a restart: the working copy is made anew from the authored rules (which still hold the error) and the
        // correction is restored into it from the publication log – the same release as before the restart
        ruleSets.load();
        assertThat(ruleSets.releaseId()).isEqualTo(published.get("releaseId").asText());
        assertThat(json(given().contentType(ContentType.JSON).body(request("2021-09-01", "24000.00")).when()
                .post("/api/v1/evaluations").then().statusCode(200).extract().asString()).at("/amounts/total").decimalValue())
                .isEqualByComparingTo("1000.00");
        // every decision made before replays IDENTICAL under the release it recorded
        for (String d : stored) {
            JsonNode r = json(given().when().post("/api/v1/decisions/" + d + "/replay").then().statusCode(200)
                    .extract().asString());
            assertThat(r.get("status").asText()).as("replay of " + d + ": " + r.get("differences")).isEqualTo("IDENTICAL");
        }
        // the law page's second axis: the correction with when it became known and by whom
        JsonNode all = json(given().when().get("/api/v1/corrections/" + B).then().statusCode(200).extract().asString());
        assertThat(all).hasSize(1);
        assertThat(all.at("/0/publishedBy").asText()).isEqualTo(APPROVER);
        assertThat(all.at("/0/publishedAt").asText()).isNotEmpty();
        given().header("Authorization", approver()).contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/corrections/" + B + "/" + id + "/publication").then().statusCode(409);
        // the authored source is not written
        assertThat(Files.readString(CorrectionRulesProfile.workDir().resolve("rules").resolve(B)
                .resolve(CorrectionRulesProfile.AMOUNT_FILE))).contains("value: 100.0");
    }
}
