package pl.ops.swiadczenia.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.Tokens;

/**
 * Every endpoint × every kind of caller: no token and a token signed by someone else → 401, a role the endpoint
 * does not allow → 403, an allowed role → neither (the call itself may still answer 400/404 for its own reasons).
 * Health and OpenAPI are readable without a token. A requesting system reads only its own decisions.
 */
@QuarkusTest
class SecurityMatrixTest {
    static final String S = Roles.SYSTEM;
    static final String P = Roles.POLICY;
    static final String A = Roles.AUDITOR;
    static final String W2 = """
            {"benefit":"zasilek_rodzinny","legalDate":"2025-03-03","wniosek":{"dataZlozenia":"2025-03-03",
             "dochodRodzinyRokBazowy":18000.00,"czlonkowieRodziny":[
              {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1985-02-01"},
              {"id":"dziecko","rola":"DZIECKO","dataUrodzenia":"2008-04-10","nauka":"SZKOLA"}]}}
            """;
    static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

    record Endpoint(String method, String path, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A benefit written as one dated history (ADR 0014): its change workflow has the same roles. */
    static final String HISTORY = "jednorazowa_zapomoga_z_tytulu_urodzenia_sie_dziecka";

    static List<Endpoint> endpoints() {
        String replayJob = "{\"benefit\":\"zasilek_rodzinny\",\"legalDateFrom\":\"2099-01-01\",\"legalDateTo\":\"2099-01-02\"}";
        String impact = "{\"benefit\":\"zasilek_rodzinny\",\"version\":\"2021-11-01\",\"legalDateFrom\":\"2099-01-01\","
                + "\"legalDateTo\":\"2099-01-02\"}";
        return List.of(
                new Endpoint("POST", "/api/v1/decisions", W2, Set.of(S)),
                new Endpoint("POST", "/api/v1/decisions/batch", "{}", Set.of(S)),
                new Endpoint("GET", "/api/v1/decisions", null, Set.of(S, A)),
                new Endpoint("GET", "/api/v1/decisions/" + UNKNOWN, null, Set.of(S, A)),
                new Endpoint("GET", "/api/v1/decisions/" + UNKNOWN + "/document", null, Set.of(S, A)),
                new Endpoint("POST", "/api/v1/decisions/" + UNKNOWN + "/replay", null, Set.of(A)),
                new Endpoint("POST", "/api/v1/evaluations", W2, Set.of(S, P, A)),
                new Endpoint("GET", "/api/v1/rulesets", null, Set.of(S, P, A)),
                new Endpoint("GET", "/api/v1/rulesets/zasilek_rodzinny/2021-11-01", null, Set.of(S, P, A)),
                new Endpoint("GET", "/api/v1/rulesets/zasilek_rodzinny/in-force?date=2025-01-01", null, Set.of(S, P, A)),
                new Endpoint("POST", "/api/v1/rulesets/zasilek_rodzinny/2099-01-01/validation", null, Set.of(P)),
                new Endpoint("PUT", "/api/v1/rulesets/zasilek_rodzinny/2099-01-01", "{}", Set.of(P)),
                new Endpoint("POST", "/api/v1/rulesets/scan", null, Set.of(P)),
                new Endpoint("GET", "/api/v1/rulesets/zasilek_rodzinny/diff?from=2018-11-01&to=2021-11-01", null, Set.of(P)),
                new Endpoint("POST", "/api/v1/rulesets/zasilek_rodzinny/2099-01-01/publication", "{}", Set.of(P)),
                new Endpoint("GET", "/api/v1/rulesets/publications", null, Set.of(P, A)),
                new Endpoint("PUT", "/api/v1/rulesets/" + HISTORY + "/2099-01-01", "{}", Set.of(P)),
                new Endpoint("POST", "/api/v1/rulesets/" + HISTORY + "/2099-01-01/validation", null, Set.of(P)),
                new Endpoint("GET", "/api/v1/rulesets/" + HISTORY + "/2099-01-01/draft", null, Set.of(P)),
                new Endpoint("POST", "/api/v1/rulesets/" + HISTORY + "/2099-01-01/approval", "{}", Set.of(P)),
                new Endpoint("POST", "/api/v1/rulesets/" + HISTORY + "/2099-01-01/publication", "{}", Set.of(P)),
                new Endpoint("GET", "/api/v1/rulesets/changes", null, Set.of(P, A)),
                new Endpoint("GET", "/api/v1/releases", null, Set.of(P, A)),
                new Endpoint("GET", "/api/v1/corrections/" + HISTORY, null, Set.of(P, A)),
                new Endpoint("POST", "/api/v1/corrections/" + HISTORY, "{}", Set.of(P)),
                new Endpoint("GET", "/api/v1/corrections/" + HISTORY + "/" + "0".repeat(64), null, Set.of(P, A)),
                new Endpoint("POST", "/api/v1/corrections/" + HISTORY + "/" + "0".repeat(64) + "/impact-analysis", null, Set.of(P)),
                new Endpoint("POST", "/api/v1/corrections/" + HISTORY + "/" + "0".repeat(64) + "/approval", "{}", Set.of(P)),
                new Endpoint("POST", "/api/v1/corrections/" + HISTORY + "/" + "0".repeat(64) + "/publication", "{}", Set.of(P)),
                new Endpoint("GET", "/api/v1/impact-analyses/no-such-job/decisions", null, Set.of(P)),
                new Endpoint("GET", "/api/v1/audit/replays/no-such-job/decisions", null, Set.of(A)),
                new Endpoint("GET", "/api/v1/shadow-runs", null, Set.of(P, A)),
                new Endpoint("GET", "/api/v1/releases/" + "0".repeat(64), null, Set.of(P, A)),
                new Endpoint("GET", "/api/v1/releases/" + "0".repeat(64) + "/file?path=zasilek_rodzinny/benefit.yaml", null, Set.of(P, A)),
                new Endpoint("POST", "/api/v1/impact-analyses", impact, Set.of(P)),
                new Endpoint("GET", "/api/v1/impact-analyses", null, Set.of(P)),
                new Endpoint("GET", "/api/v1/impact-analyses/no-such-job", null, Set.of(P)),
                new Endpoint("DELETE", "/api/v1/impact-analyses/no-such-job", null, Set.of(P)),
                new Endpoint("GET", "/api/v1/audit/chain", null, Set.of(A)),
                new Endpoint("POST", "/api/v1/audit/replays", replayJob, Set.of(A)),
                new Endpoint("GET", "/api/v1/audit/replays", null, Set.of(A)),
                new Endpoint("GET", "/api/v1/audit/replays/no-such-job", null, Set.of(A)),
                new Endpoint("DELETE", "/api/v1/audit/replays/no-such-job", null, Set.of(A)),
                new Endpoint("GET", "/api/v1/audit/access-log", null, Set.of(A)));
    }

    @BeforeAll
    static void noDefaultToken() {
        Tokens.none();
    }

    static int call(Endpoint e, String authorization) {
        RequestSpecification r = given();
        if (authorization != null) {
            r = r.header("Authorization", authorization);
        }
        if (e.body() != null) {
            r = r.contentType(ContentType.JSON).body(e.body());
        }
        return r.when().request(e.method(), e.path()).statusCode();
    }

    static String foreignToken() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return "Bearer " + Jwt.issuer("ops-swiadczenia").subject("intruder").groups(Set.of(S, P, A)).expiresIn(3600)
                .sign(g.generateKeyPair().getPrivate());
    }

    @TestFactory
    List<DynamicTest> roleMatrix() throws Exception {
        String foreign = foreignToken();
        String expired = "Bearer " + Jwt.issuer("ops-swiadczenia").subject("late").groups(Set.of(S, P, A))
                .issuedAt(1_000_000_000L).expiresAt(1_000_003_600L).sign();
        List<DynamicTest> out = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            out.add(DynamicTest.dynamicTest(e + " – no token: 401", () -> assertThat(call(e, null)).isEqualTo(401)));
            out.add(DynamicTest.dynamicTest(e + " – token of another issuer key: 401", () -> assertThat(call(e, foreign)).isEqualTo(401)));
            out.add(DynamicTest.dynamicTest(e + " – expired token: 401", () -> assertThat(call(e, expired)).isEqualTo(401)));
            for (String role : List.of(S, P, A)) {
                String token = Tokens.bearer("matrix-" + role, role);
                if (e.allowed().contains(role)) {
                    out.add(DynamicTest.dynamicTest(e + " – " + role + ": allowed", () ->
                            assertThat(call(e, token)).isNotIn(401, 403).isLessThan(500)));
                } else {
                    out.add(DynamicTest.dynamicTest(e + " – " + role + ": 403", () -> assertThat(call(e, token)).isEqualTo(403)));
                }
            }
        }
        return out;
    }

    @Test
    void tokensLivingTooLongOrIssuedInTheFutureAreRefused() {
        long now = java.time.Instant.now().getEpochSecond();
        // exp in the year 3000: longer than smallrye.jwt.time-to-live (12 h) from its iat
        String forever = "Bearer " + Jwt.issuer("ops-swiadczenia").subject("forever").groups(Set.of(A))
                .issuedAt(now).expiresAt(32_503_680_000L).sign();
        // iat a day ahead, valid for an hour from then
        String future = "Bearer " + Jwt.issuer("ops-swiadczenia").subject("future").groups(Set.of(A))
                .issuedAt(now + 86_400).expiresAt(now + 90_000).sign();
        // within the limits: 12 h, and an iat 30 s ahead (clock skew 60 s)
        String twelveHours = "Bearer " + Jwt.issuer("ops-swiadczenia").subject("shift").groups(Set.of(A))
                .issuedAt(now).expiresAt(now + 43_200).sign();
        String slightlyAhead = "Bearer " + Jwt.issuer("ops-swiadczenia").subject("skew").groups(Set.of(A))
                .issuedAt(now + 30).expiresAt(now + 3_600).sign();
        for (String t : List.of(forever, future)) {
            given().header("Authorization", t).when().get("/api/v1/audit/access-log").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        for (String t : List.of(twelveHours, slightlyAhead)) {
            given().header("Authorization", t).when().get("/api/v1/audit/access-log").then().statusCode(200);
        }
    }

    @Test
    void theUiAndThePrintedDocumentsSendSecurityHeaders() {
        given().when().get("/ui/index.html").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("default-src 'none'"),
                        org.hamcrest.Matchers.containsString("script-src 'self'"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
        given().when().get("/ui/app.js").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().header("Authorization", Tokens.bearer("s", S)).when()
                .get("/api/v1/decisions/" + UNKNOWN + "/document").then()
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"))
                .header("X-Content-Type-Options", "nosniff");
        given().when().get("/q/health/ready").then().header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/api/v1/decisions").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        given().header("Authorization", Tokens.bearer("p", P)).when().get("/api/v1/decisions").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aSystemReadsOnlyItsOwnDecisionsAndEveryReadIsLogged() {
        String a = Tokens.bearer("ops-gdansk", S);
        String b = Tokens.bearer("ops-sopot", S);
        String auditor = Tokens.bearer("kontrola-nik", A);
        String id = CanonicalJson.tree(given().header("Authorization", a).contentType(ContentType.JSON).body(W2)
                .when().post("/api/v1/decisions").then().statusCode(201).extract().asString()).get("id").asText();
        given().header("Authorization", a).when().get("/api/v1/decisions/" + id).then().statusCode(200);
        given().header("Authorization", b).when().get("/api/v1/decisions/" + id).then().statusCode(404);
        given().header("Authorization", b).when().get("/api/v1/decisions/" + id + "/document").then().statusCode(404);
        given().header("Authorization", auditor).when().get("/api/v1/decisions/" + id).then().statusCode(200);
        given().header("Authorization", auditor).when().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("IDENTICAL"));
        String listB = given().header("Authorization", b).queryParam("size", 100).when().get("/api/v1/decisions")
                .then().statusCode(200).extract().asString();
        assertThat(listB).doesNotContain(id);
        String listA = given().header("Authorization", a).queryParam("size", 100).when().get("/api/v1/decisions")
                .then().statusCode(200).extract().asString();
        assertThat(listA).contains(id);

        String log = given().header("Authorization", auditor).queryParam("decisionId", id).when()
                .get("/api/v1/audit/access-log").then().statusCode(200).extract().asString();
        List<String> entries = new ArrayList<>();
        CanonicalJson.tree(log).forEach(x -> entries.add(x.get("subject").asText() + " " + x.get("action").asText()));
        assertThat(entries).contains("ops-gdansk READ_DECISION", "kontrola-nik READ_DECISION",
                "kontrola-nik REPLAY_DECISION").doesNotContain("ops-sopot READ_DECISION");
        String bySubject = given().header("Authorization", auditor).queryParam("subject", "ops-sopot").when()
                .get("/api/v1/audit/access-log").then().statusCode(200).extract().asString();
        assertThat(bySubject).contains("SEARCH_DECISIONS");
        Map<String, Object> none = Map.of();
        assertThat(none).isEmpty();
    }
}
