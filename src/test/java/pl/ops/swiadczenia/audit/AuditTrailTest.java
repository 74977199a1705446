package pl.ops.swiadczenia.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.Tokens;

/**
 * Tamper evidence and personal data: a decision changed directly in the database (by someone able to switch the
 * append-only trigger off) is found by the chain verification, through the API and the terminal command, naming
 * the record; PESEL numbers are validated, never echoed, not stored in clear, and decisions can be found by them.
 */
@QuarkusTest
class AuditTrailTest {
    // PESEL with a valid check digit: born 2008-04-10 (month 24 = April 2000s)
    static final String PESEL = "08241012345";

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void token() {
        Tokens.useAllRoles();
    }

    static String household(String pesel) {
        return """
                {"benefit":"zasilek_rodzinny","legalDate":"2025-03-03","caseReference":"AUD-1","wniosek":{"dataZlozenia":"2025-03-03",
                 "dochodRodzinyRokBazowy":18000.00,"czlonkowieRodziny":[
                  {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1985-02-01"},
                  {"id":"dziecko","rola":"DZIECKO","dataUrodzenia":"2008-04-10","nauka":"SZKOLA","pesel":"%s"}]}}
                """.formatted(pesel);
    }

    static JsonNode chain() {
        return CanonicalJson.tree(given().when().get("/api/v1/audit/chain").then().statusCode(200).extract().asString());
    }

    int audytCli(StringBuilder out) {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int exit = AuditTool.run(new PrintStream(o, true, StandardCharsets.UTF_8), System.err, "verify-chain",
                "--url", url, "--user", user);
        out.append(o.toString(StandardCharsets.UTF_8));
        return exit;
    }

    @Test
    void aDecisionChangedInTheDatabaseIsFoundAndNamed() throws Exception {
        String id = CanonicalJson.tree(given().contentType(ContentType.JSON).body(household(PESEL))
                .when().post("/api/v1/decisions").then().statusCode(201).extract().asString()).get("id").asText();
        JsonNode before = chain();
        assertThat(before.get("intact").asBoolean()).as(before.toString()).isTrue();
        StringBuilder text = new StringBuilder();
        assertThat(audytCli(text)).isZero();
        assertThat(text).contains("CHAIN INTACT");

        String original;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // the database refuses the change ...
            assertThat(catchSql(() -> st.executeUpdate("UPDATE decision SET total_amount = 9999 WHERE id = '" + id + "'")))
                    .contains("append-only");
            assertThat(catchSql(() -> st.executeUpdate("DELETE FROM decision WHERE id = '" + id + "'"))).contains("append-only");
            // ... unless someone with the owner's rights switches the trigger off: the chain still finds it
            try (ResultSet rs = st.executeQuery("SELECT total_amount FROM decision WHERE id = '" + id + "'")) {
                rs.next();
                original = rs.getBigDecimal(1).toPlainString();
            }
        }
        asOwner("UPDATE decision SET total_amount = 9999.00 WHERE id = '" + id + "'");
        try {
            JsonNode after = chain();
            assertThat(after.get("intact").asBoolean()).isFalse();
            assertThat(after.at("/firstBroken/decisionId").asText()).isEqualTo(id);
            assertThat(after.at("/firstBroken/reason").asText()).contains("differs from what was chained");
            String plain = given().accept("text/plain").when().get("/api/v1/audit/chain").then().statusCode(200)
                    .extract().asString();
            assertThat(plain).contains("CHAIN BROKEN").contains(id);
            StringBuilder cli = new StringBuilder();
            assertThat(audytCli(cli)).isEqualTo(1);
            assertThat(cli).contains("CHAIN BROKEN").contains(id);
        } finally {
            asOwner("UPDATE decision SET total_amount = " + original + " WHERE id = '" + id + "'");
        }
        assertThat(chain().get("intact").asBoolean()).as("restored").isTrue();

        // the release a decision names is chained too: pointing it at other rules (replay would use them) is found
        String release;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT release_id FROM decision WHERE id = '" + id + "'")) {
            rs.next();
            release = rs.getString(1);
        }
        assertThat(release).as("the decision names its release").matches("[0-9a-f]{64}");
        asOwner("UPDATE decision SET release_id = NULL WHERE id = '" + id + "'");
        try {
            JsonNode after = chain();
            assertThat(after.get("intact").asBoolean()).isFalse();
            assertThat(after.at("/firstBroken/decisionId").asText()).isEqualTo(id);
        } finally {
            asOwner("UPDATE decision SET release_id = '" + release + "' WHERE id = '" + id + "'");
        }
        assertThat(chain().get("intact").asBoolean()).as("restored").isTrue();
        assertThat(given().queryParam("decisionId", id).when().get("/api/v1/audit/access-log").then().statusCode(200)
                .extract().asString()).doesNotContain("VERIFY_CHAIN"); // the verification is logged without a decision
        assertThat(given().queryParam("subject", Tokens.SUITE).when().get("/api/v1/audit/access-log").then()
                .statusCode(200).extract().asString()).contains("VERIFY_CHAIN");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThat(catchSql(() -> st.executeUpdate("UPDATE access_log SET subject = 'x'"))).contains("append-only");
            assertThat(catchSql(() -> st.executeUpdate("DELETE FROM decision_chain"))).contains("append-only");
        }
    }

    @Test
    void peselIsValidatedNeverEchoedNotStoredInClearAndSearchable() throws Exception {
        // a wrong check digit and a birth date that does not match: 400 naming the field, without the number
        for (String bad : new String[] {"08241012341", "08241112342"}) {
            String body = given().contentType(ContentType.JSON).body(household(bad)).when().post("/api/v1/decisions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("wniosek.czlonkowieRodziny[1].pesel"))
                    .extract().asString();
            assertThat(body).doesNotContain(bad);
        }
        given().contentType(ContentType.JSON).body(household(PESEL).replace("\"id\":\"matka\"", "\"id\":\"85020112345\""))
                .when().post("/api/v1/decisions").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("wniosek.czlonkowieRodziny[0].id"));

        String id = CanonicalJson.tree(given().contentType(ContentType.JSON).body(household(PESEL))
                .when().post("/api/v1/decisions").then().statusCode(201).extract().asString()).get("id").asText();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String table : new String[] {"decision", "decision_person", "decision_chain", "access_log"}) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%" + PESEL + "%'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("PESEL in clear in " + table).isZero();
                }
            }
        }
        String found = given().queryParam("pesel", PESEL).queryParam("size", 100).when().get("/api/v1/decisions")
                .then().statusCode(200).extract().asString();
        assertThat(found).contains(id).doesNotContain(PESEL);
        given().queryParam("pesel", "12345").when().get("/api/v1/decisions").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("pesel"));
        // the stored request has no PESEL and still replays identically
        given().when().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("IDENTICAL"));
    }

    interface SqlAction {
        void run() throws Exception;
    }

    static String catchSql(SqlAction a) {
        try {
            a.run();
            return "no error";
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    /**
     * Changes a stored decision as only someone with the owner's rights could: the append-only trigger switched off
     * for the one statement, then on again.
     */
    private void asOwner(String update) throws java.sql.SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE decision DISABLE TRIGGER decision_no_update_delete");
            try {
                st.executeUpdate(update);
            } finally {
                st.execute("ALTER TABLE decision ENABLE TRIGGER decision_no_update_delete");
            }
        }
    }
}
