package pl.ops.swiadczenia.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.testsupport.Tokens;

/**
 * Issue 14, the defects of "Why" outside evaluation requests: a page far beyond the end was a 500; bad dates in job
 * requests, an impossible version and a malformed upload were 400s with an empty body. Each is now a 4xx problem+json
 * naming the field (or an empty page).
 */
@QuarkusTest
class HostileQueryTest {
    @BeforeAll
    static void token() {
        Tokens.useAllRoles();
    }

    static void problemNaming(Response r, int status, String field) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getList("errors.field", String.class)).as(r.asString()).contains(field);
    }

    @Test
    void aPageFarBeyondTheEndIsAnEmptyPageOrA400() {
        for (String path : new String[] {"/api/v1/decisions", "/api/v1/audit/access-log"}) {
            Response r = given().queryParam("page", "21474837").queryParam("size", "100").when().get(path);
            assertThat(r.statusCode()).as(path + ": " + r.asString()).isIn(200, 400);
            if (r.statusCode() == 400) {
                problemNaming(r, 400, "page");
            }
        }
    }

    static String message(Response r, String field) {
        return r.jsonPath().getString("errors.find { it.field == '" + field + "' }.message");
    }

    @Test
    void badQueryParametersAreExplainedInPolishWithTheWholeRange() {
        Response r = given().queryParam("from", "wczoraj").queryParam("createdTo", "jutro").queryParam("size", "1000")
                .queryParam("page", "pierwsza").queryParam("outcome", "GRANTED").when().get("/api/v1/decisions");
        problemNaming(r, 400, "from");
        assertThat(message(r, "from")).isEqualTo("niepoprawna wartość: oczekiwano daty w formacie RRRR-MM-DD, np. 2026-01-31");
        assertThat(message(r, "createdTo")).startsWith("niepoprawna wartość: oczekiwano daty i godziny w formacie ISO 8601");
        assertThat(message(r, "size")).isEqualTo("wartość spoza dozwolonego zakresu: dozwolone od 1 do 100");
        assertThat(message(r, "page")).isEqualTo("niepoprawna wartość: oczekiwano liczby całkowitej od 0 do 2 147 483 647");
        Response j = given().queryParam("page", "2000000").when().get("/api/v1/impact-analyses/x/decisions");
        problemNaming(j, 400, "page");
        assertThat(message(j, "page")).isEqualTo("wartość spoza dozwolonego zakresu: dozwolone od 0 do 1 000 000");
        Response o = given().queryParam("outcome", "YES").when().get("/api/v1/decisions");
        problemNaming(o, 400, "outcome");
        assertThat(message(o, "outcome")).isEqualTo("niepoprawna wartość: dozwolone GRANTED albo REFUSED");
        Response v = given().when().get("/api/v1/rulesets/zasilek_rodzinny/2021-13-01");
        problemNaming(v, 400, "version");
        assertThat(message(v, "version")).startsWith("niepoprawna wartość: oczekiwano daty w formacie RRRR-MM-DD");
    }

    @Test
    void badValuesInJobRequestsAreProblemsNamingTheField() {
        problemNaming(given().contentType(ContentType.JSON)
                .body("{\"benefit\":\"zasilek_rodzinny\",\"legalDateFrom\":\"wczoraj\",\"legalDateTo\":\"2023-12-31\"}")
                .when().post("/api/v1/audit/replays"), 400, "legalDateFrom");
        Response order = given().contentType(ContentType.JSON).body("{\"benefit\":\"zasilek_rodzinny\","
                + "\"legalDateFrom\":\"2024-01-01\",\"legalDateTo\":\"2023-12-31\"}").when().post("/api/v1/audit/replays");
        problemNaming(order, 400, "legalDateTo");
        assertThat(message(order, "legalDateTo")).isEqualTo("nie może być wcześniejsza niż legalDateFrom");
        problemNaming(given().contentType(ContentType.JSON)
                .body("{\"benefit\":\"zasilek_rodzinny\",\"version\":\"0000-00-00\"}")
                .when().post("/api/v1/impact-analyses"), 400, "version");
        problemNaming(given().contentType(ContentType.JSON).body("{\"benefit\":\"zasilek_rodzinny\",\"version\":")
                .when().post("/api/v1/impact-analyses"), 400, "$");
        problemNaming(given().contentType(ContentType.JSON).body("{\"files\": {\"benefit.yaml\": 12}")
                .when().put("/api/v1/rulesets/jednorazowa_zapomoga_z_tytulu_urodzenia_sie_dziecka/2099-01-01"), 400,
                "files.benefit.yaml");
        problemNaming(given().contentType(ContentType.JSON).body("{\"files\": {\"benefit.yaml\": \"x\"}")
                .when().put("/api/v1/rulesets/jednorazowa_zapomoga_z_tytulu_urodzenia_sie_dziecka/2099-01-01"), 400, "$");
        // no coercion and no unknown fields in the other endpoints either
        problemNaming(given().contentType(ContentType.JSON).body("{\"benefit\":123,\"version\":\"2021-11-01\"}")
                .when().post("/api/v1/impact-analyses"), 400, "benefit");
        problemNaming(given().contentType(ContentType.JSON)
                .body("{\"benefit\":\"zasilek_rodzinny\",\"version\":\"2021-11-01\",\"legalDatefrom\":\"2023-01-01\"}")
                .when().post("/api/v1/impact-analyses"), 400, "legalDatefrom");
        problemNaming(given().contentType(ContentType.JSON).body("{\"comment\":true}")
                .when().post("/api/v1/rulesets/jednorazowa_zapomoga_z_tytulu_urodzenia_sie_dziecka/2099-01-01/approval"),
                400, "comment");
        problemNaming(given().contentType(ContentType.JSON).body("{\"files\": \"x\"}")
                .when().put("/api/v1/rulesets/jednorazowa_zapomoga_z_tytulu_urodzenia_sie_dziecka/2099-01-01"), 400, "files");
    }
}
