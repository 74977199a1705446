package pl.ops.swiadczenia.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pl.ops.swiadczenia.golden.GoldenCase;
import pl.ops.swiadczenia.service.CanonicalJson;

/**
 * Through the API: every golden case marked as a worked example from a public source, and one golden case for every
 * ruleset version the golden cases cover (so each benefit answers for every date range of its history), goes
 * through POST /api/v1/decisions and must match to the grosz, with an explanation citing the articles; then it must
 * replay IDENTICAL.
 */
@QuarkusTest
class WorkedExamplesApiTest {
    @org.junit.jupiter.api.BeforeAll
    static void authenticateWithAllRoles() {
        pl.ops.swiadczenia.testsupport.Tokens.useAllRoles();
    }


    @TestFactory
    List<DynamicTest> workedExamplesThroughTheApi() {
        List<GoldenCase> all = GoldenCase.load(Path.of("test-cases"));
        java.util.Map<String, GoldenCase> firstPerRuleset = new java.util.TreeMap<>();
        for (GoldenCase c : all) {
            if (c.expected().has("ruleset")) {
                firstPerRuleset.putIfAbsent(c.expected().get("ruleset").asText(), c);
            }
        }
        java.util.LinkedHashSet<GoldenCase> chosen = new java.util.LinkedHashSet<>(all.stream().filter(GoldenCase::workedExample).toList());
        chosen.addAll(firstPerRuleset.values());
        List<GoldenCase> cases = List.copyOf(chosen);
        assertThat(cases).as("worked examples").anyMatch(GoldenCase::workedExample);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
            String body = given().contentType(ContentType.JSON).body(CanonicalJson.write(c.input()))
                    .when().post("/api/v1/decisions")
                    .then().log().ifValidationFails().statusCode(201).extract().asString();
            JsonNode d = CanonicalJson.tree(body);
            c.verify(d);
            JsonNode replay = CanonicalJson.tree(given().when().post("/api/v1/decisions/" + d.get("id").asText() + "/replay")
                    .then().statusCode(200).extract().asString());
            assertThat(replay.get("status").asText()).isEqualTo("IDENTICAL");
            // every decision also prints: the certificate / decision document in Polish with its legal basis
            String doc = given().when().get("/api/v1/decisions/" + d.get("id").asText() + "/document")
                    .then().statusCode(200).extract().asString();
            assertThat(doc).contains("Uzasadnienie", "Podstawa prawna", d.get("rulesetId").asText());
            if ("zaswiadczenie_czyste_powietrze".equals(d.get("benefit").asText())) {
                assertThat(doc).contains("Zaświadczenie o przeciętnym miesięcznym dochodzie");
            }
        })).toList();
    }
}
