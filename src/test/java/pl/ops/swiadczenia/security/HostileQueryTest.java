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

    @Test
    void badValuesInJobRequestsAreProblemsNamingTheField() {
        problemNaming(given().contentType(ContentType.JSON)
                .body("{\"benefit\":\"zasilek_rodzinny\",\"legalDateFrom\":\"wczoraj\",\"legalDateTo\":\"2023-12-31\"}")
                .when().post("/api/v1/audit/replays"), 400, "legalDateFrom");
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
