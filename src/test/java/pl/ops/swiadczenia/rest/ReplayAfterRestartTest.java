package pl.ops.swiadczenia.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.RestartedApplicationProfile;

/**
 * Runs after the application restarted (its own test profile makes Quarkus stop and start again, recompiling every
 * ruleset from disk) against the same database: decisions stored by the earlier test classes – up to five of every
 * legal state and release, so every state the run decided under – replay IDENTICAL, with a matching ruleset hash.
 */
@QuarkusTest
@TestProfile(RestartedApplicationProfile.class)
class ReplayAfterRestartTest {
    @org.junit.jupiter.api.BeforeAll
    static void authenticateWithAllRoles() {
        pl.ops.swiadczenia.testsupport.Tokens.useAllRoles();
    }


    @Test
    void shouldReplayEveryStoredDecisionIdenticallyAfterRestart() {
        List<String> ids = Requests.decisionIdsOfEveryState(5);

        assertThat(ids).as("decisions stored by earlier test classes").isNotEmpty();
        for (String id : ids) {
            JsonNode r = CanonicalJson.tree(given().when().post("/api/v1/decisions/" + id + "/replay")
                    .then().statusCode(200).extract().asString());
            assertThat(r.get("status").asText()).as("replay of " + id).isEqualTo("IDENTICAL");
            assertThat(r.get("rulesetHashMatches").asBoolean()).as("hash of " + id).isTrue();
        }
    }
}
