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
 * Every golden case marked as a worked example from a public source goes through POST /api/v1/decisions and must
 * match to the grosz, with an explanation citing the articles; then it must replay IDENTICAL.
 */
@QuarkusTest
class WorkedExamplesApiTest {

    @TestFactory
    List<DynamicTest> workedExamplesThroughTheApi() {
        List<GoldenCase> cases = GoldenCase.load(Path.of("test-cases")).stream().filter(GoldenCase::workedExample).toList();
        assertThat(cases).as("worked examples").isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
            String body = given().contentType(ContentType.JSON).body(CanonicalJson.write(c.input()))
                    .when().post("/api/v1/decisions")
                    .then().statusCode(201).extract().asString();
            JsonNode d = CanonicalJson.tree(body);
            c.verify(d);
            JsonNode replay = CanonicalJson.tree(given().when().post("/api/v1/decisions/" + d.get("id").asText() + "/replay")
                    .then().statusCode(200).extract().asString());
            assertThat(replay.get("status").asText()).isEqualTo("IDENTICAL");
        })).toList();
    }
}
