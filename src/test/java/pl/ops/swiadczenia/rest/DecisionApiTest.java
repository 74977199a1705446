package pl.ops.swiadczenia.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.service.CanonicalJson;

/** The decision path end to end through HTTP and a real PostgreSQL: evaluate → store → read → replay; every error. */
@QuarkusTest
class DecisionApiTest {
    @org.junit.jupiter.api.BeforeAll
    static void authenticateWithAllRoles() {
        pl.ops.swiadczenia.testsupport.Tokens.useAllRoles();
    }


    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static JsonNode tree(String body) {
        return CanonicalJson.tree(body);
    }

    private static String postDecision(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/decisions")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/decisions/"))
                .contentType(ContentType.JSON)
                .extract().asString();
    }

    @Test
    void shouldDecideStoreReadAndReplayWorkedExampleW2() {
        String posted = postDecision(Requests.json(Requests.w2()));
        JsonNode d = tree(posted);

        assertThat(d.get("outcome").asText()).isEqualTo("GRANTED");
        assertThat(d.get("benefit").asText()).isEqualTo("zasilek_rodzinny");
        assertThat(d.get("rulesetId").asText()).isEqualTo("zasilek_rodzinny/2016-01-01");
        assertThat(d.get("rulesetSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(d.get("legalDate").asText()).isEqualTo("2016-01-01");
        assertThat(d.get("caseReference").asText()).isEqualTo("W2");
        assertThat(d.get("engineVersion").asText()).contains("drools/");
        assertThat(d.at("/amounts/total").decimalValue()).isEqualByComparingTo("1406.60");
        assertThat(d.at("/amounts/monthly")).hasSize(10);
        assertThat(d.at("/amounts/monthly/0/total").decimalValue()).isEqualByComparingTo("140.66");
        assertThat(d.at("/keyFigures/lacznaKwotaZasilkowZDodatkami").decimalValue()).isEqualByComparingTo("252.66");
        List<String> fired = new ArrayList<>();
        d.get("firedRules").forEach(n -> fired.add(n.asText()));
        assertThat(fired).contains("art5_ust3_laczna_kwota_zlotowka_za_zlotowke", "art5_ust3a_przyznanie_zlotowka_za_zlotowke")
                .doesNotContain("art5_ust1_przyznanie_zasilku_rodzinnego");
        JsonNode excess = null;
        for (JsonNode step : d.get("explanation")) {
            assertThat(step.at("/legalBasis/text").asText()).contains("o świadczeniach rodzinnych");
            assertThat(step.get("textEn").asText()).isNotBlank();
            if (step.get("ruleId").asText().equals("art5_ust1_kryterium_dochodowe_przekroczone")) {
                excess = step;
            }
        }
        assertThat(excess).isNotNull();
        assertThat(excess.get("textPl").asText()).contains("702,00 zł przekracza kryterium 674,00 zł o 28,00 zł");
        assertThat(excess.at("/legalBasis/article").asText()).isEqualTo("5");
        assertThat(excess.at("/legalBasis/paragraph").asText()).isEqualTo("1");

        String id = d.get("id").asText();
        String read = given().when().get("/api/v1/decisions/" + id).then().statusCode(200).extract().asString();
        assertThat(read).isEqualTo(posted);

        String doc = given().when().get("/api/v1/decisions/" + id + "/document")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(doc).contains("PRZYZNANO", "702,00 zł przekracza kryterium 674,00 zł o 28,00 zł",
                "art. 5 ust. 3", "zasilek_rodzinny/2016-01-01", "1\u00a0406,60 zł", "Zasiłek rodzinny z dodatkami",
                "styczeń 2016", "01.01.2016", "dziecko (ur. ");
        // what the view writes names no code: no benefit id outside the version line, no component id, no role code
        // (the explanation texts of this state are its rules' own, checked by their golden cases)
        String readable = doc.substring(0, doc.indexOf("<h2>Uzasadnienie")).replace("zasilek_rodzinny/2016-01-01", "");
        assertThat(readable).doesNotContain("zasilek_rodzinny").doesNotContain("DZIECKO").doesNotContain("WNIOSKODAWCA")
                .doesNotContain("1406.60").doesNotContain("?");
        assertThat(d.at("/display/pl/missingNames")).isEmpty();
        assertThat(d.at("/display/pl/total").asText()).isEqualTo("1\u00a0406,60 zł");
        assertThat(d.at("/display/en/total").asText()).isEqualTo("PLN 1,406.60");
        assertThat(d.at("/display/pl/monthly/0/month").asText()).isEqualTo("styczeń 2016");
        given().when().get("/api/v1/decisions/" + id + "/document?x=<script>").then().statusCode(200);

        given().when().post("/api/v1/decisions/" + id + "/replay")
                .then().statusCode(200)
                .body("status", equalTo("IDENTICAL"))
                .body("rulesetHashMatches", equalTo(true))
                .body("rulesetId", equalTo("zasilek_rodzinny/2016-01-01"))
                .body("differences.size()", equalTo(0));
    }

    @Test
    void shouldStoreEachCitationOnceAndReadTheDecisionWithFullCitations() throws SQLException {
        String posted = postDecision(Requests.json(Requests.w2()));
        String id = tree(posted).get("id").asText();
        String stored;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT result_json FROM decision WHERE id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            stored = rs.getString(1);
        }
        // the stored result refers to the catalogue: no act title is repeated in it
        assertThat(stored).doesNotContain("o świadczeniach rodzinnych").contains("\"legalBasis\":\"#");
        assertThat(posted).contains("o świadczeniach rodzinnych");
        JsonNode storedTree = tree(stored);
        for (JsonNode step : storedTree.get("explanation")) {
            String key = step.get("legalBasis").asText();
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT body FROM citation_catalogue WHERE key = '" + key + "'")) {
                assertThat(rs.next()).as("catalogue entry %s", key).isTrue();
                assertThat(rs.getString(1)).contains("\"actId\"");
            }
        }
        assertThat(stored.length()).isLessThan(posted.length() / 2);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThat(catchSql(() -> st.executeUpdate("UPDATE citation_catalogue SET body = '{}'"))).contains("append-only");
            assertThat(catchSql(() -> st.executeUpdate("DELETE FROM citation_catalogue"))).contains("append-only");
        }
        given().when().post("/api/v1/decisions/" + id + "/replay")
                .then().statusCode(200).body("status", equalTo("IDENTICAL"));
    }

    @Test
    void shouldReplayUnderTheLawInForceOnAnotherDateAndListDifferences() {
        String id = tree(postDecision(Requests.json(Requests.w2()))).get("id").asText();

        String body = given().queryParam("against", "current").queryParam("on", "2016-11-01")
                .when().post("/api/v1/decisions/" + id + "/replay")
                .then().statusCode(200)
                .body("status", equalTo("DIFFERENT"))
                .body("against", equalTo("CURRENT"))
                .body("rulesetId", equalTo("zasilek_rodzinny/2016-11-01"))
                .body("rulesetHashMatches", equalTo(false))
                .extract().asString();
        List<String> paths = new ArrayList<>();
        tree(body).get("differences").forEach(x -> paths.add(x.get("path").asText()));
        assertThat(paths).contains("/rulesetId", "/amounts/total");
        // under the 2016-11-01 amounts (124 zł per child) the same family gets 124+124+8,33+8,33-112 = 152,66 zł
        assertThat(tree(body).at("/replayed/keyFigures/kwotaPoObnizeniu").decimalValue()).isEqualByComparingTo("152.66");
    }

    @Test
    void shouldDecideOneHouseholdForSeveralBenefitsEachStoredAndReplayable() {
        ObjectNode w2 = Requests.w2();
        ObjectNode batch = JsonNodeFactoryHolder.object();
        batch.putArray("benefits").add("zasilek_rodzinny").add("swiadczenie_nieznane");
        batch.put("legalDate", "2016-01-01");
        batch.put("caseReference", "W2-batch");
        batch.set("wniosek", w2.get("wniosek"));

        String body = given().contentType(ContentType.JSON).body(Requests.json(batch))
                .when().post("/api/v1/decisions/batch")
                .then().statusCode(201)
                .body("decisions.size()", equalTo(1))
                .body("decisions[0].benefit", equalTo("zasilek_rodzinny"))
                .body("decisions[0].outcome", equalTo("GRANTED"))
                .body("notDecided.benefit", hasItem("swiadczenie_nieznane"))
                .extract().asString();

        String id = tree(body).at("/decisions/0/id").asText();
        given().when().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200).body("status", equalTo("IDENTICAL"));
        // the stored request is the single-benefit request, so the decision reads back like any other
        given().when().get("/api/v1/decisions/" + id).then().statusCode(200).body("caseReference", equalTo("W2-batch"));
    }

    @Test
    void shouldEvaluateAllBenefitsThatApplyWhenNoneAreListed() {
        ObjectNode batch = JsonNodeFactoryHolder.object();
        batch.put("legalDate", "2016-01-01");
        batch.set("wniosek", Requests.w2().get("wniosek"));

        given().contentType(ContentType.JSON).body(Requests.json(batch))
                .when().post("/api/v1/decisions/batch")
                .then().statusCode(201)
                .body("decisions.benefit", hasItem("zasilek_rodzinny"))
                .body("decisions.outcome", org.hamcrest.Matchers.everyItem(equalTo("GRANTED")))
                .body("notDecided.benefit", org.hamcrest.Matchers.not(hasItem("dochod_rodziny")))
                .body("decisions.benefit", org.hamcrest.Matchers.not(hasItem("dochod_rodziny")));
    }

    @Test
    void shouldRejectBatchWithoutLegalDate() {
        ObjectNode batch = JsonNodeFactoryHolder.object();
        batch.set("wniosek", Requests.w2().get("wniosek"));
        given().contentType(ContentType.JSON).body(Requests.json(batch))
                .when().post("/api/v1/decisions/batch")
                .then().statusCode(400).body("errors.field", hasItem("legalDate"));
    }

    /** Fresh JSON objects for request bodies. */
    private static final class JsonNodeFactoryHolder {
        static ObjectNode object() {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
    }

    @Test
    void shouldEvaluateWithoutStoring() throws SQLException {
        long before = countDecisions();

        given().contentType(ContentType.JSON).body(Requests.json(Requests.w2()))
                .when().post("/api/v1/evaluations")
                .then().statusCode(200)
                .body("outcome", equalTo("GRANTED"))
                .body("rulesetId", equalTo("zasilek_rodzinny/2016-01-01"))
                .body("explanation.ruleId", hasItem("art5_ust3_laczna_kwota_zlotowka_za_zlotowke"));

        assertThat(countDecisions()).isEqualTo(before);
    }

    @Test
    void shouldSearchStoredDecisionsByBenefitAndLegalDate() {
        String id = tree(postDecision(Requests.json(Requests.w2()))).get("id").asText();

        given().queryParam("benefit", "zasilek_rodzinny").queryParam("from", "2016-01-01").queryParam("to", "2016-01-01")
                .queryParam("page", "0").queryParam("size", "100")
                .when().get("/api/v1/decisions")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("page", equalTo(0))
                .body("size", equalTo(100));
        given().queryParam("benefit", "zasilek_rodzinny").queryParam("from", "2030-01-01")
                .when().get("/api/v1/decisions")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldRefuseUpdateAndDeleteInTheDatabaseItself() throws SQLException {
        String id = tree(postDecision(Requests.json(Requests.w2()))).get("id").asText();

        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThat(catchSql(() -> st.executeUpdate("UPDATE decision SET outcome = 'REFUSED' WHERE id = '" + id + "'")))
                    .contains("append-only");
            assertThat(catchSql(() -> st.executeUpdate("DELETE FROM decision WHERE id = '" + id + "'")))
                    .contains("append-only");
            assertThat(catchSql(() -> st.executeUpdate("TRUNCATE decision CASCADE"))).contains("append-only");
            assertThat(catchSql(() -> st.executeUpdate("DELETE FROM decision_chain"))).contains("append-only");
        }
        given().when().get("/api/v1/decisions/" + id).then().statusCode(200).body("outcome", equalTo("GRANTED"));
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static String catchSql(SqlAction a) {
        try {
            a.run();
            return "no error";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private long countDecisions() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM decision");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- errors ----

    private static void badRequest(String body, String... fields) {
        var r = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/decisions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"));
        r.body("errors.field", hasItems(fields));
    }

    @Test
    void shouldRejectMalformedJson() {
        badRequest("{\"benefit\": ", "$");
        badRequest("", "$");
    }

    @Test
    void shouldRejectUnknownFieldNamingIt() {
        ObjectNode w2 = Requests.w2();
        ((ObjectNode) w2.get("wniosek")).put("dochodNaOsobe", 1);
        badRequest(Requests.json(w2), "wniosek.dochodNaOsobe");
    }

    @Test
    void shouldRejectWrongTypesNamingTheField() {
        ObjectNode w2 = Requests.w2();
        w2.put("legalDate", "1 stycznia 2016");
        badRequest(Requests.json(w2), "legalDate");

        ObjectNode w2b = Requests.w2();
        ((ObjectNode) w2b.at("/wniosek/czlonkowieRodziny/2")).put("rola", "SYN");
        badRequest(Requests.json(w2b), "wniosek.czlonkowieRodziny[2].rola");

        ObjectNode w2c = Requests.w2();
        ((ObjectNode) w2c.get("wniosek")).put("dochodRodzinyRokBazowy", "dużo");
        badRequest(Requests.json(w2c), "wniosek.dochodRodzinyRokBazowy");
    }

    @Test
    void shouldNameEveryMissingOrInvalidField() {
        ObjectNode w2 = Requests.w2();
        w2.remove("legalDate");
        ObjectNode wn = (ObjectNode) w2.get("wniosek");
        wn.remove("dataZlozenia");
        wn.put("dochodRodzinyRokBazowy", new BigDecimal("-1.00"));
        ArrayNode cz = (ArrayNode) wn.get("czlonkowieRodziny");
        ((ObjectNode) cz.get(1)).put("id", "matka");
        ((ObjectNode) cz.get(3)).remove("dataUrodzenia");
        badRequest(Requests.json(w2), "legalDate", "wniosek.dataZlozenia", "wniosek.dochodRodzinyRokBazowy",
                "wniosek.czlonkowieRodziny[1].id", "wniosek.czlonkowieRodziny[3].dataUrodzenia");
    }

    @Test
    void shouldRequireTheBenefitsOwnSectionNamingIt() {
        ObjectNode req = Requests.w2();
        req.put("benefit", "swiadczenie_rodzicielskie");
        req.put("legalDate", "2020-01-10");
        ((ObjectNode) req.get("wniosek")).put("dataZlozenia", "2020-01-20");
        given().contentType(ContentType.JSON).body(Requests.json(req))
                .when().post("/api/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("wniosek.swiadczenieRodzicielskie"));
    }

    @Test
    void shouldRequireTheZasilekCelowyAmountForThatBenefitOnly() throws Exception {
        JsonNode golden = pl.ops.swiadczenia.golden.GoldenCase.load(java.nio.file.Path.of("test-cases/zasilek_celowy")).get(0).input();
        ObjectNode req = golden.deepCopy();
        ((ObjectNode) req.at("/wniosek/pomocSpoleczna")).remove("kwotaZasilkuCelowego");
        given().contentType(ContentType.JSON).body(Requests.json(req))
                .when().post("/api/v1/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("wniosek.pomocSpoleczna.kwotaZasilkuCelowego"));
        req.put("benefit", "zasilek_okresowy");
        given().contentType(ContentType.JSON).body(Requests.json(req))
                .when().post("/api/v1/evaluations")
                .then().statusCode(200);
    }

    @Test
    void shouldRejectApplicationWithoutApplicantOrWithLegalDateBeforeFiling() {
        ObjectNode w2 = Requests.w2();
        ((ObjectNode) w2.at("/wniosek/czlonkowieRodziny/0")).put("rola", "MALZONEK");
        badRequest(Requests.json(w2), "wniosek.czlonkowieRodziny");

        ObjectNode early = Requests.w2();
        early.put("legalDate", "2015-11-01");
        badRequest(Requests.json(early), "legalDate");
    }

    @Test
    void shouldAnswer422WhenNoRulesetCoversTheDateOrBenefit() {
        ObjectNode old = Requests.w2();
        old.put("legalDate", "2012-10-31");
        ((ObjectNode) old.get("wniosek")).put("dataZlozenia", "2012-10-01");
        given().contentType(ContentType.JSON).body(Requests.json(old))
                .when().post("/api/v1/decisions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("2012-10-31"));

        ObjectNode other = Requests.w2();
        other.put("benefit", "swiadczenie_nieznane");
        given().contentType(ContentType.JSON).body(Requests.json(other))
                .when().post("/api/v1/evaluations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("swiadczenie_nieznane"));
    }

    @Test
    void shouldAnswer422WhenTheRulesetLacksAValueOfLawTheCaseNeeds() {
        // farm income for base year 2025 (period 2026/2027): the GUS value per hectare is not known yet (announced by
        // 23 September 2026, not found in a source): the case cannot be decided, the answer names the missing year
        given().contentType(ContentType.JSON).body(Requests.json(Requests.w2WithFarm("2026-11-01", "2026-11-03", 2)))
                .when().post("/api/v1/evaluations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("2025"));
    }

    @Test
    void shouldUseTheFarmIncomeOfTheBaseYearAnnouncedBeforeTheLegalStateAndCiteIt() {
        // period 2025/2026, base year 2024: GUS announced 5 429 zł per hectare in September 2025 (known from 26.09.2025);
        // art. 5 ust. 8 u.ś.r.: 1/12 of it per month = 452,42 zł per hectare
        JsonNode d = tree(given().contentType(ContentType.JSON).body(Requests.json(Requests.w2WithFarm("2025-11-01", "2025-11-03", 2)))
                .when().post("/api/v1/evaluations")
                .then().statusCode(200).extract().asString());
        JsonNode gus = null;
        for (JsonNode step : d.get("explanation")) {
            if (step.path("ruleId").asText().equals("art5_ust8_przecietny_dochod_z_1_ha_w_roku_bazowym")) {
                gus = step;
            }
        }
        assertThat(gus).as("the GUS step of the income module").isNotNull();
        assertThat(gus.get("textPl").asText()).contains("w 2024 r.", "5 429,00 zł rocznie", "452,42 zł");
        // the dated value used, with the citation of that value (not only of the article)
        assertThat(gus.get("parameters").toString()).contains("przecietny_dochod_z_1_ha_przeliczeniowego", "5429",
                "w 2024 r. (data obwieszczenia");
    }

    @Test
    void shouldAnswer404ForUnknownDecision() {
        given().when().get("/api/v1/decisions/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/decisions/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().post("/api/v1/decisions/00000000-0000-0000-0000-000000000000/replay")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRejectBadQueryParameters() {
        given().queryParam("from", "wczoraj").queryParam("size", "1000")
                .when().get("/api/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("from", "size"));
        String id = tree(postDecision(Requests.json(Requests.w2()))).get("id").asText();
        given().queryParam("against", "yesterday")
                .when().post("/api/v1/decisions/" + id + "/replay")
                .then().statusCode(400).body("errors.field", hasItem("against"));
    }

    // ---- rulesets ----

    @Test
    void shouldListRulesetsWithHashesAndShowParametersWithCitations() {
        given().when().get("/api/v1/rulesets")
                .then().statusCode(200)
                .body("rulesets.id", hasItems("zasilek_rodzinny/2012-11-01", "zasilek_rodzinny/2014-11-01",
                        "zasilek_rodzinny/2015-11-01", "zasilek_rodzinny/2016-01-01", "zasilek_rodzinny/2016-11-01"))
                .body("rulesets[0].sha256", matchesPattern("[0-9a-f]{64}"))
                .body("invalid.size()", equalTo(0));

        given().when().get("/api/v1/rulesets/zasilek_rodzinny/2016-11-01")
                .then().statusCode(200)
                .body("ruleset.status", equalTo("released"))
                .body("parameters.find { it.nazwa == 'kryterium_dochodowe' }.wartosc", equalTo(674.00f))
                .body("parameters.find { it.nazwa == 'kryterium_dochodowe' }.podstawaPrawna", containsString("art. 5 ust. 1"))
                .body("rules.id", hasItem("art5_ust1_kryterium_dochodowe"))
                .body("rules.find { it.id == 'art5_ust1_kryterium_dochodowe' }.legalBasis.text", startsWith("art. 5 ust. 1"));

        given().when().get("/api/v1/rulesets/zasilek_rodzinny/2001-01-01").then().statusCode(404);
        given().when().get("/api/v1/rulesets/zasilek_rodzinny/abc").then().statusCode(400);
        given().queryParam("date", "2016-10-31").when().get("/api/v1/rulesets/zasilek_rodzinny/in-force")
                .then().statusCode(200).body("id", equalTo("zasilek_rodzinny/2016-01-01"));
    }

    @Test
    void shouldPublishOpenApiAndSwaggerUi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("\"/api/v1/decisions\""))
                .body(containsString("\"/api/v1/decisions/{id}\""))
                .body(containsString("\"/api/v1/decisions/{id}/replay\""))
                .body(containsString("\"/api/v1/decisions/{id}/document\""))
                .body(containsString("\"/api/v1/decisions/batch\""))
                .body(containsString("\"/api/v1/evaluations\""))
                .body(containsString("\"/api/v1/rulesets\""))
                .body(containsString("\"/api/v1/rulesets/{benefit}/{version}\""))
                .body(containsString("\"/api/v1/rulesets/{benefit}/in-force\""))
                .body(containsString("DecisionRequestW2"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("rulesets"));
    }
}
