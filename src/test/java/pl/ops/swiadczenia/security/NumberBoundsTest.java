package pl.ops.swiadczenia.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.golden.GoldenCase;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.Tokens;

/**
 * Issue 14, the numbers of "Why": 2 147 483 647 months of zasiłek okresowy ran the JVM out of memory; monthly housing
 * expenses of 1E+30 gave a 500 and 1E+9 granted billions. Taken from golden cases that are decided as they are, each
 * such number is now a 400 naming the field, answered within a second, and the service stays healthy. (The physical
 * bound of every number; the legal range of each field comes with issue 14, point 1.)
 */
@QuarkusTest
class NumberBoundsTest {
    @BeforeAll
    static void token() {
        Tokens.useAllRoles();
    }

    static ObjectNode caseWith(String benefit, String field) {
        List<GoldenCase> all = GoldenCase.load(Path.of("test-cases"));
        for (GoldenCase c : all) {
            JsonNode section = c.input().at("/wniosek/" + field.substring(0, field.indexOf('.')));
            if (c.input().path("benefit").asText().equals(benefit) && section.has(field.substring(field.indexOf('.') + 1))
                    && c.expected().path("outcome").asText().equals("GRANTED")) {
                return (ObjectNode) c.input().deepCopy();
            }
        }
        throw new AssertionError("no granted golden case of " + benefit + " with " + field);
    }

    static void assertRefusedQuickly(ObjectNode request, String field, String value) {
        String body = CanonicalJson.write(request);
        // the same case with its own value is decided (so the 400 below is the number's)
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/evaluations").then().statusCode(200);
        String section = field.substring(0, field.indexOf('.'));
        String name = field.substring(field.indexOf('.') + 1);
        ((ObjectNode) request.at("/wniosek/" + section)).putRawValue(name,
                new com.fasterxml.jackson.databind.util.RawValue(value));
        long t0 = System.nanoTime();
        Response r = given().contentType(ContentType.JSON).body(CanonicalJson.write(request)).when().post("/api/v1/decisions");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).as(field + "=" + value + ": " + r.asString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getList("errors.field", String.class)).contains("wniosek." + field);
        assertThat(ms).as("answered within a second").isLessThan(1000);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void monthsOfZasilekOkresowyBeyondAnyBound() {
        ObjectNode req = caseWith("zasilek_okresowy", "pomocSpoleczna.liczbaMiesiecy");
        assertRefusedQuickly(req.deepCopy(), "pomocSpoleczna.liczbaMiesiecy", "2147483647");
        assertRefusedQuickly(req.deepCopy(), "pomocSpoleczna.liczbaMiesiecy", "1000001");
    }

    @Test
    void housingExpensesBeyondAnyBound() {
        ObjectNode req = caseWith("dodatek_mieszkaniowy", "dodatekMieszkaniowy.wydatkiMiesieczne");
        assertRefusedQuickly(req.deepCopy(), "dodatekMieszkaniowy.wydatkiMiesieczne", "1E+30");
        assertRefusedQuickly(req.deepCopy(), "dodatekMieszkaniowy.wydatkiMiesieczne", "1000000000");
        assertRefusedQuickly(req.deepCopy(), "dodatekMieszkaniowy.wydatkiMiesieczne", "700.0000001");
        assertRefusedQuickly(req.deepCopy(), "dodatekMieszkaniowy.powierzchniaUzytkowa", "1E+9");
    }
}
