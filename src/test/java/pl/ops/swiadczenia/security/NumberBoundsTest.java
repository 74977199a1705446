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
 * such number is now a 400 naming the field, answered within a second, and the service stays healthy. Issue 14,
 * point 1: every field declares its legal or physical range (Bean Validation in the fact model), the OpenAPI schema
 * publishes it, and a value one step outside any declared bound is a 400 naming the field and the range.
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

    @Test
    void legalRangeOfEachFieldNamedInTheAnswer() {
        ObjectNode req = caseWith("zasilek_okresowy", "pomocSpoleczna.liczbaMiesiecy");
        for (String months : List.of("20000", "121", "0")) {
            ObjectNode r = req.deepCopy();
            ((ObjectNode) r.at("/wniosek/pomocSpoleczna")).put("liczbaMiesiecy", Integer.parseInt(months));
            Response a = given().contentType(ContentType.JSON).body(CanonicalJson.write(r)).when().post("/api/v1/decisions");
            assertThat(a.statusCode()).as(months + " months: " + a.asString()).isEqualTo(400);
            assertThat(a.jsonPath().getString("errors.find { it.field == 'wniosek.pomocSpoleczna.liczbaMiesiecy' }.message"))
                    .isEqualTo("wartość spoza dozwolonego zakresu: dozwolone od 1 do 120");
        }
        ObjectNode dm = caseWith("dodatek_mieszkaniowy", "dodatekMieszkaniowy.wydatkiMiesieczne");
        ((ObjectNode) dm.at("/wniosek/dodatekMieszkaniowy")).put("wydatkiMiesieczne", new java.math.BigDecimal("999999999"));
        Response a = given().contentType(ContentType.JSON).body(CanonicalJson.write(dm)).when().post("/api/v1/evaluations");
        assertThat(a.statusCode()).isEqualTo(400);
        assertThat(a.jsonPath().getString("errors.find { it.field == 'wniosek.dodatekMieszkaniowy.wydatkiMiesieczne' }.message"))
                .isEqualTo("wartość spoza dozwolonego zakresu: dozwolone od 0 do 99 999,99, najwyżej 2 miejsca po przecinku");
    }

    @Test
    void monthsAtTheUpperBoundAreDecided() {
        // 120 months of zasiłek okresowy: decided, one period of 120 months (the bound is the law's, not a refusal)
        ObjectNode req = caseWith("zasilek_okresowy", "pomocSpoleczna.liczbaMiesiecy");
        ((ObjectNode) req.at("/wniosek/pomocSpoleczna")).put("liczbaMiesiecy", 120);
        Response a = given().contentType(ContentType.JSON).body(CanonicalJson.write(req)).when().post("/api/v1/evaluations");
        assertThat(a.statusCode()).as(a.asString()).isEqualTo(200);
        assertThat(a.asString()).contains("120 miesięcy");
    }

    @Test
    void textsAndListsHaveTheirLength() {
        ObjectNode dm = caseWith("dodatek_mieszkaniowy", "dodatekMieszkaniowy.wydatkiMiesieczne");
        ((ObjectNode) dm.at("/wniosek/dodatekMieszkaniowy")).put("uchwalaRadyGminy", "u".repeat(301));
        var members = (com.fasterxml.jackson.databind.node.ArrayNode) dm.at("/wniosek/czlonkowieRodziny");
        for (int i = members.size(); i < 31; i++) {
            members.addObject().put("id", "osoba" + i).put("rola", "MALZONEK").put("dataUrodzenia", "1980-01-01");
        }
        Response a = given().contentType(ContentType.JSON).body(CanonicalJson.write(dm)).when().post("/api/v1/decisions");
        assertThat(a.statusCode()).isEqualTo(400);
        assertThat(a.jsonPath().getString("errors.find { it.field == 'wniosek.dodatekMieszkaniowy.uchwalaRadyGminy' }.message"))
                .isEqualTo("za długi tekst: dozwolone najwyżej 300 znaków");
        assertThat(a.jsonPath().getList("errors.field", String.class)).contains("wniosek.czlonkowieRodziny");
    }

    /**
     * Every bound the published schema declares on a section's field is enforced: for each numeric field of each
     * benefit's section with a {@code maximum}, a golden case of that benefit with the value one above it is a 400
     * naming exactly that field (and one below a {@code minimum} likewise); for each text with {@code maxLength}, one
     * character more. So the schema and the checks cannot drift apart.
     */
    @Test
    void everyPublishedBoundIsEnforced() {
        JsonNode api = CanonicalJson.tree(given().when().get("/q/openapi?format=json").asString());
        JsonNode schemas = api.at("/components/schemas");
        JsonNode sections = schemas.at("/Wniosek/properties");
        List<GoldenCase> all = GoldenCase.load(Path.of("test-cases"));
        int checked = 0;
        java.util.List<String> missed = new java.util.ArrayList<>();
        for (var it = sections.fields(); it.hasNext(); ) {
            var section = it.next();
            String ref = section.getValue().path("$ref").asText(section.getValue().at("/allOf/0/$ref").asText());
            if (ref.isEmpty()) {
                continue;
            }
            JsonNode props = schemas.at("/" + ref.substring(ref.lastIndexOf('/') + 1) + "/properties");
            GoldenCase base = all.stream().filter(c -> c.input().at("/wniosek/" + section.getKey()).isObject()
                    && c.expected().path("outcome").asText().matches("GRANTED|REFUSED")).findFirst().orElse(null);
            if (base == null) {
                continue;
            }
            for (var f = props.fields(); f.hasNext(); ) {
                var field = f.next();
                JsonNode s = field.getValue();
                java.util.List<com.fasterxml.jackson.databind.JsonNode> bad = new java.util.ArrayList<>();
                if (s.has("maximum")) {
                    java.math.BigDecimal max = s.get("maximum").decimalValue();
                    bad.add(com.fasterxml.jackson.databind.node.DecimalNode.valueOf(max.add(java.math.BigDecimal.ONE)));
                }
                if (s.has("minimum")) {
                    java.math.BigDecimal min = s.get("minimum").decimalValue();
                    bad.add(com.fasterxml.jackson.databind.node.DecimalNode.valueOf(min.subtract(java.math.BigDecimal.ONE)));
                }
                if (s.has("maxLength")) {
                    bad.add(com.fasterxml.jackson.databind.node.TextNode.valueOf("x".repeat(s.get("maxLength").asInt() + 1)));
                }
                for (JsonNode v : bad) {
                    ObjectNode r = (ObjectNode) base.input().deepCopy();
                    ((ObjectNode) r.at("/wniosek/" + section.getKey())).set(field.getKey(), v);
                    Response a = given().contentType(ContentType.JSON).body(CanonicalJson.write(r)).when().post("/api/v1/evaluations");
                    String name = "wniosek." + section.getKey() + "." + field.getKey();
                    if (a.statusCode() != 400 || !a.jsonPath().getList("errors.field", String.class).contains(name)) {
                        missed.add(name + "=" + v + " -> " + a.statusCode());
                    }
                    checked++;
                }
            }
        }
        assertThat(missed).as("bounds published but not enforced").isEmpty();
        assertThat(checked).as("bounds checked across the sections").isGreaterThan(30);
    }

    @Test
    void boundsArePublishedInTheSchema() {
        JsonNode s = CanonicalJson.tree(given().when().get("/q/openapi?format=json").asString()).at("/components/schemas");
        assertThat(s.at("/DanePomocySpolecznej/properties/liczbaMiesiecy/minimum").asInt()).isEqualTo(1);
        assertThat(s.at("/DanePomocySpolecznej/properties/liczbaMiesiecy/maximum").asInt()).isEqualTo(120);
        assertThat(s.at("/DaneDodatkuMieszkaniowego/properties/wydatkiMiesieczne/maximum").decimalValue())
                .isEqualByComparingTo("99999.99");
        assertThat(s.at("/DaneDodatkuMieszkaniowego/properties/uchwalaRadyGminy/maxLength").asInt()).isEqualTo(300);
        assertThat(s.at("/Wniosek/properties/czlonkowieRodziny/maxItems").asInt()).isEqualTo(30);
        assertThat(s.at("/DecisionRequest/properties/caseReference/maxLength").asInt()).isEqualTo(100);
    }
}
