package pl.ops.swiadczenia.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.IsolatedRulesProfile;
import pl.ops.swiadczenia.testsupport.UntrustedRules;

/**
 * Untrusted rules through the API, on the private rules copy. Malicious drafts (write a file, read the environment,
 * run a command, use reflection, loop forever in a consequence) are refused by the upload and by the validation of
 * uploaded files with file:line naming the construct, and nothing of them runs although a golden case would run
 * them. Rules that re-fire for ever pass the policy and can be published; evaluating them is stopped by the limit
 * with a 422 problem+json, nothing is stored, and the service keeps answering.
 */
@QuarkusTest
@TestProfile(IsolatedRulesProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class UntrustedRulesApiTest {
    static Path work;
    static Path pwned;

    @BeforeAll
    static void setUp() throws Exception {
        pl.ops.swiadczenia.testsupport.Tokens.useAllRoles();
        work = IsolatedRulesProfile.workDir();
        pwned = work.resolve("pwned-by-rule-api.txt");
        Path cases = Files.createDirectories(work.resolve("test-cases").resolve(UntrustedRules.POLICY_BENEFIT));
        Files.writeString(cases.resolve("przypadki.yaml"), UntrustedRules.goldenCase(UntrustedRules.POLICY_BENEFIT));
    }

    static JsonNode json(String s) {
        return CanonicalJson.tree(s);
    }

    static final String POLICY_VERSION = "/api/v1/rulesets/" + UntrustedRules.POLICY_BENEFIT + "/" + UntrustedRules.VERSION;

    /** The policy finding of the report: on the payload line of the malicious file, naming the construct. */
    static void refusedByPolicy(JsonNode report, UntrustedRules.Draft d) {
        assertThat(report.get("valid").asBoolean()).as(d.key()).isFalse();
        assertThat(report.path("goldenCases").isNull() || report.path("goldenCases").isMissingNode())
                .as(d.key() + ": no golden case ran").isTrue();
        List<JsonNode> policy = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.path("check").asText().equals("policy")) {
                policy.add(f);
            }
        });
        assertThat(policy).as(d.key() + " " + report.get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("severity").asText()).isEqualTo("ERROR");
            assertThat(f.get("file").asText()).isEqualTo(UntrustedRules.FILE);
            assertThat(f.get("line").asInt()).isEqualTo(UntrustedRules.PAYLOAD_LINE);
            assertThat(f.get("message").asText()).startsWith("niedozwolone w regułach: " + d.construct() + " (")
                    .contains("not allowed in rules: " + d.construct());
        });
    }

    @Test
    @Order(1)
    void maliciousDraftsAreRefusedAtUploadAndValidationAndNothingOfThemRuns() {
        for (UntrustedRules.Draft d : UntrustedRules.drafts(pwned)) {
            Map<String, Object> upload = Map.of("files", UntrustedRules.policyFolder(d));
            String refused = given().contentType(ContentType.JSON).body(upload).when().put(POLICY_VERSION)
                    .then().statusCode(422).contentType("application/problem+json").extract().asString();
            assertThat(json(refused).get("type").asText()).endsWith("/ruleset-invalid");
            refusedByPolicy(json(refused).get("report"), d);

            String validated = given().contentType(ContentType.JSON).body(upload).when().post(POLICY_VERSION + "/validation")
                    .then().statusCode(200).extract().asString();
            refusedByPolicy(json(validated), d);
            String text = given().contentType(ContentType.JSON).accept("text/plain").body(upload)
                    .when().post(POLICY_VERSION + "/validation").then().statusCode(200).extract().asString();
            assertThat(text).contains(UntrustedRules.FILE + ":" + UntrustedRules.PAYLOAD_LINE
                    + ": ERROR [policy] niedozwolone w regułach: " + d.construct());
        }
        assertThat(pwned).as("the rule that writes a file never ran").doesNotExist();
        assertThat(work.resolve("rules").resolve(UntrustedRules.POLICY_BENEFIT)).as("nothing stored").doesNotExist();
        assertThat(IsolatedRulesProfile.servedRules().resolve(UntrustedRules.POLICY_BENEFIT)).as("nothing stored")
                .doesNotExist();
        given().when().get(POLICY_VERSION).then().statusCode(404);
    }

    @Test
    @Order(2)
    void aReFiringLoopIsStoppedByTheLimitAndTheServiceKeepsAnswering() {
        String version = "/api/v1/rulesets/" + UntrustedRules.LIMIT_BENEFIT + "/" + UntrustedRules.VERSION;
        JsonNode report = json(given().contentType(ContentType.JSON).body(Map.of("files", UntrustedRules.limitFolder()))
                .when().put(version).then().statusCode(200).extract().asString());
        assertThat(report.get("valid").asBoolean()).as("the loop passes the static check").isTrue();
        assertThat(report.get("findings").toString()).doesNotContain("\"policy\"");
        // not published without an approval; the uploader cannot approve its own draft; a second person can
        given().contentType(ContentType.JSON).body(Map.of("comment", "bez zatwierdzenia"))
                .when().post(version + "/publication").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("drugą osobę"));
        given().contentType(ContentType.JSON).body(Map.of("comment", "sam sobie")).when().post(version + "/approval")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("druga osoba"));
        given().header("Authorization", pl.ops.swiadczenia.testsupport.Tokens.bearer("druga.osoba",
                        pl.ops.swiadczenia.security.Roles.POLICY)).contentType(ContentType.JSON)
                .body(Map.of("comment", "Sprawdzone")).when().post(version + "/approval").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("comment", "Pętla do testu limitów"))
                .when().post(version + "/publication").then().statusCode(201);

        // the published version decides a case without income normally
        String normal = UntrustedRules.request(UntrustedRules.LIMIT_BENEFIT, false);
        given().contentType(ContentType.JSON).body(normal).when().post("/api/v1/evaluations").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("REFUSED"));

        String looping = UntrustedRules.request(UntrustedRules.LIMIT_BENEFIT, true);
        for (String path : List.of("/api/v1/evaluations", "/api/v1/decisions")) {
            long start = System.nanoTime();
            JsonNode p = json(given().contentType(ContentType.JSON).body(looping).when().post(path)
                    .then().statusCode(422).contentType("application/problem+json").extract().asString());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(p.get("type").asText()).isEqualTo("https://ops-swiadczenia.example/problems/evaluation-limit");
            assertThat(p.get("status").asInt()).isEqualTo(422);
            assertThat(p.get("rulesetId").asText()).isEqualTo("proba_limitow/2020-01-01");
            assertThat(p.get("limit").asText()).isIn("rules.evaluation.timeout-ms", "rules.evaluation.max-firings");
            assertThat(p.get("detail").asText()).startsWith("Obliczenie według zestawu reguł proba_limitow/2020-01-01 "
                    + "przekroczyło limit").contains("Niczego nie zapisano");
            assertThat(ms).as(path + ": the worker is freed soon after the limit").isLessThan(60_000);

            // the service keeps answering, also on the same version
            given().contentType(ContentType.JSON).body(normal).when().post("/api/v1/evaluations").then().statusCode(200);
            given().contentType(ContentType.JSON)
                    .body(RuleSetLifecycleApiTest.household("2020-03-02", "2012-04-10", "18000.00"))
                    .when().post("/api/v1/evaluations").then().statusCode(200)
                    .body("rulesetId", org.hamcrest.Matchers.startsWith("zasilek_rodzinny/"));
        }
        given().queryParam("benefit", UntrustedRules.LIMIT_BENEFIT).when().get("/api/v1/decisions").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }
}
