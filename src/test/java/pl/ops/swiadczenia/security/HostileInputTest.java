package pl.ops.swiadczenia.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pl.ops.swiadczenia.testsupport.Tokens;

/**
 * The hostile-input corpus (src/test/resources/hostile/requests.yaml plus generated deep and oversized bodies):
 * each request gets a 4xx application/problem+json, never a 5xx, and nothing is stored.
 */
@QuarkusTest
class HostileInputTest {
    static final String BASE = """
            {"benefit":"zasilek_rodzinny","legalDate":"2025-03-03","caseReference":"H-1","wniosek":{"dataZlozenia":"2025-03-03","dochodRodzinyRokBazowy":18000.00,"czlonkowieRodziny":[{"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1985-02-01"},{"id":"dziecko","rola":"DZIECKO","dataUrodzenia":"2008-04-10","nauka":"SZKOLA"}]}}""";

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void token() {
        Tokens.useAllRoles();
    }

    record Hostile(String name, String method, String path, String contentType, String body) {
    }

    static List<Hostile> corpus() throws Exception {
        List<Hostile> out = new ArrayList<>();
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(Path.of("src/test/resources/hostile/requests.yaml").toFile());
        for (JsonNode n : doc) {
            String body = n.has("body") ? n.get("body").asText() : null;
            if (n.has("replace")) {
                String from = n.get("replace").get(0).asText();
                assertThat(BASE).as(n.get("name").asText() + ": the text to replace is in the base request").contains(from);
                body = BASE.replace(from, n.get("replace").get(1).asText());
            }
            out.add(new Hostile(n.get("name").asText(), n.path("method").asText("POST"),
                    n.path("path").asText("/api/v1/decisions"), n.path("contentType").asText("application/json"), body));
        }
        out.add(new Hostile("nested 100 000 levels deep", "POST", "/api/v1/decisions", "application/json",
                BASE.replace("\"caseReference\":\"H-1\"", "\"caseReference\":" + "[".repeat(100_000) + "]".repeat(100_000))));
        out.add(new Hostile("2 MB body", "POST", "/api/v1/decisions", "application/json",
                BASE.replace("\"caseReference\":\"H-1\"", "\"caseReference\":\"" + "A".repeat(2_000_000) + "\"")));
        out.add(new Hostile("60 000 family members", "POST", "/api/v1/decisions", "application/json",
                BASE.replace("\"czlonkowieRodziny\":[", "\"czlonkowieRodziny\":["
                        + "{\"id\":\"m\",\"rola\":\"DZIECKO\",\"dataUrodzenia\":\"2010-01-01\"},".repeat(60_000))));
        out.add(new Hostile("long number", "POST", "/api/v1/decisions", "application/json",
                BASE.replace("18000.00", "1" + "0".repeat(5000))));
        return out;
    }

    static long decisions(AgroalDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM decision")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @TestFactory
    List<DynamicTest> everyHostileRequestGetsAProblem4xxAndStoresNothing() throws Exception {
        // sanity: the base request itself is valid (so each case fails for its own reason)
        given().contentType("application/json").body(BASE).when().post("/api/v1/evaluations").then().statusCode(200);
        long before = decisions(dataSource);
        List<DynamicTest> tests = new ArrayList<>();
        for (Hostile h : corpus()) {
            tests.add(DynamicTest.dynamicTest(h.name(), () -> {
                var req = given().config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                        .urlEncodingEnabled(false);
                if (h.body() != null) {
                    req = req.contentType(h.contentType()).body(h.body());
                }
                Response r = req.when().request(h.method(), h.path());
                assertThat(r.statusCode()).as(h.name() + ": " + r.asString().substring(0, Math.min(300, r.asString().length())))
                        .isBetween(400, 499);
                assertThat(r.contentType()).as(h.name()).startsWith("application/problem+json");
            }));
        }
        tests.add(DynamicTest.dynamicTest("nothing was stored", () -> assertThat(decisions(dataSource)).isEqualTo(before)));
        return tests;
    }
}
