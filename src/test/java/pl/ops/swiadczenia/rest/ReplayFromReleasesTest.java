package pl.ops.swiadczenia.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.EmptyRulesProfile;

/**
 * Issue 13: a service started with an empty rules directory replays every stored decision IDENTICAL. The decisions
 * were stored by the earlier test classes (default profile, rules/ of the working tree); this application holds no
 * rules, decides nothing, and rebuilds the release each decision recorded from the database.
 */
@QuarkusTest
@TestProfile(EmptyRulesProfile.class)
class ReplayFromReleasesTest {
    @BeforeAll
    static void authenticateWithAllRoles() {
        pl.ops.swiadczenia.testsupport.Tokens.useAllRoles();
    }

    @Test
    void anEmptyRulesDirectoryStillReplaysEveryStoredDecisionIdentically() throws Exception {
        try (Stream<java.nio.file.Path> s = Files.list(EmptyRulesProfile.dir())) {
            assertThat(s.toList()).as("the rules directory of this application").isEmpty();
        }
        JsonNode rulesets = CanonicalJson.tree(given().when().get("/api/v1/rulesets").then().statusCode(200)
                .extract().asString());
        assertThat(rulesets.get("rulesets")).as("no rules loaded").isEmpty();
        // nothing can be decided now
        given().contentType("application/json").body("""
                {"benefit":"zasilek_rodzinny","legalDate":"2016-01-01","wniosek":{"dataZlozenia":"2016-01-04",
                 "dochodRodzinyRokBazowy":10000.00,"czlonkowieRodziny":[
                  {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1982-03-14"},
                  {"id":"dziecko","rola":"DZIECKO","dataUrodzenia":"2009-09-11"}]}}
                """).when().post("/api/v1/evaluations").then().statusCode(422);

        List<String> ids = Requests.decisionIdsOfEveryState(5);
        assertThat(ids).as("decisions stored by earlier test classes").isNotEmpty();

        // every decision stored by this test run names its release (a persistent test server may also hold decisions
        // of runs before releases were recorded: those are replayed under the rules in force and are not this test's)
        java.time.Instant jvmStart = java.time.Instant.ofEpochMilli(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        List<String> releases = new ArrayList<>();
        for (String id : ids) {
            JsonNode d = CanonicalJson.tree(given().when().get("/api/v1/decisions/" + id).then().statusCode(200)
                    .extract().asString());
            if (java.time.Instant.parse(d.get("createdAt").asText()).isBefore(jvmStart)) {
                continue;
            }
            assertThat(d.path("releaseId").asText()).as("release of " + id).matches("[0-9a-f]{64}");
            JsonNode r = CanonicalJson.tree(given().when().post("/api/v1/decisions/" + id + "/replay")
                    .then().statusCode(200).extract().asString());
            assertThat(r.get("status").asText()).as("replay of " + id + ": " + r.get("differences")).isEqualTo("IDENTICAL");
            assertThat(r.get("rulesetHashMatches").asBoolean()).as("hash of " + id).isTrue();
            assertThat(r.get("releaseId").asText()).isEqualTo(d.get("releaseId").asText());
            releases.add(r.get("releaseId").asText());
        }
        assertThat(releases).as("decisions of this run replayed from their release").isNotEmpty();

        // the release itself, for an auditor: who recorded it, when, why, and its files as they were
        String release = releases.get(0);
        JsonNode detail = CanonicalJson.tree(given().when().get("/api/v1/releases/" + release).then().statusCode(200)
                .extract().asString());
        assertThat(detail.at("/release/id").asText()).isEqualTo(release);
        assertThat(detail.at("/release/reason").asText()).startsWith("start-up: rules directory")
                .contains("served from the working copy");
        assertThat(detail.at("/release/createdBy").asText()).isEqualTo("system");
        assertThat(detail.get("files").has("zasilek_rodzinny/benefit.yaml")).isTrue();
        assertThat(detail.at("/release/fileCount").asInt()).isEqualTo(detail.get("files").size());
        String benefitYaml = given().queryParam("path", "zasilek_rodzinny/benefit.yaml")
                .when().get("/api/v1/releases/" + release + "/file").then().statusCode(200).extract().asString();
        assertThat(benefitYaml).isEqualTo(Files.readString(java.nio.file.Path.of("rules/zasilek_rodzinny/benefit.yaml")));
        JsonNode list = CanonicalJson.tree(given().queryParam("size", 100).when().get("/api/v1/releases")
                .then().statusCode(200).extract().asString());
        List<String> listed = new ArrayList<>();
        list.get("items").forEach(i -> listed.add(i.get("id").asText()));
        assertThat(listed).contains(release);
        // hostile or unknown: 400 naming the field, 404
        given().when().get("/api/v1/releases/not-a-release").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("id"));
        given().queryParam("path", "../../etc/passwd").when().get("/api/v1/releases/" + release + "/file")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("path"));
        given().queryParam("path", "zasilek_rodzinny/nie_ma.yaml").when().get("/api/v1/releases/" + release + "/file")
                .then().statusCode(404);
        given().when().get("/api/v1/releases/" + "0".repeat(64)).then().statusCode(404);
        given().queryParam("size", 1000).when().get("/api/v1/releases").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("size"));
        // the replays rebuilt their releases in private folders: the rules directory is still empty
        try (Stream<java.nio.file.Path> s = Files.list(EmptyRulesProfile.dir())) {
            assertThat(s.toList()).as("the rules directory after the replays").isEmpty();
        }
    }
}
