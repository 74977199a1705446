package pl.ops.swiadczenia.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.IsolatedRulesProfile;

/**
 * The whole life of a law change through the API, on a private copy of the rules: a broken version is refused with
 * file and line, the draft zasiłek rodzinny 2024-11-01 is validated (its golden cases run), diffed, its impact on
 * stored decisions measured (after a simulated change of one amount in its decision table), and published while
 * evaluations keep being answered; a broken edit never replaces a working version. The service never writes into the
 * authored rules ({@code rules/} of the copy): uploads and the publication go into its working copy ({@code served/}),
 * and edits of the authored rules reach it through the scan.
 */
@QuarkusTest
@TestProfile(IsolatedRulesProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetLifecycleApiTest {
    @org.junit.jupiter.api.BeforeAll
    static void authenticateWithAllRoles() {
        pl.ops.swiadczenia.testsupport.Tokens.useAllRoles();
    }

    static final String DRAFT = "/api/v1/rulesets/zasilek_rodzinny/2024-11-01";
    /** The authored rules (rules.dir): edited by hand, never written by the service. */
    static Path rules;
    /** The service's working copy (rules.work-dir): what it serves, where uploads and publications go. */
    static Path served;
    /** The draft folder in the working copy. */
    static Path draftDir;
    /** The authored rules as they were before the first request of this class, byte for byte. */
    static String sourceBefore;
    static Map<String, String> draftFiles;
    static final List<String> STORED = new ArrayList<>();

    @BeforeAll
    static void paths() throws Exception {
        rules = IsolatedRulesProfile.workDir().resolve("rules");
        served = IsolatedRulesProfile.servedRules();
        draftDir = served.resolve("zasilek_rodzinny/2024-11-01");
        if (sourceBefore == null) {
            sourceBefore = pl.ops.swiadczenia.testsupport.TreeHash.of(rules);
        }
        if (draftFiles == null) {
            draftFiles = new TreeMap<>();
            try (Stream<Path> s = Files.list(draftDir)) {
                for (Path p : s.toList()) {
                    draftFiles.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** The draft's files as another version (package line and dates renamed), optionally edited. */
    static Map<String, String> asVersion(String version) {
        String pkg = "v" + version.replace('-', '_');
        Map<String, String> out = new TreeMap<>();
        draftFiles.forEach((n, c) -> out.put(n, c.replace("v2024_11_01", pkg)
                .replace("version: 2024-11-01", "version: " + version)
                .replace("effective_from: 2024-11-01", "effective_from: " + version)
                .replace("status: released", "status: draft")));
        return out;
    }

    static JsonNode json(String s) {
        return CanonicalJson.tree(s);
    }

    @Test
    @Order(1)
    void brokenUploadIsRefusedNamingFileLineAndProblem() {
        Map<String, String> files = asVersion("2025-06-01");
        // a rule without 'then', a decimal comma typed in the spreadsheet, and a gap in the age bands
        files.put("rozstrzygniecie.drl", files.get("rozstrzygniecie.drl").replaceFirst("\nthen\n", "\n"));
        files.put("kwota_zasilku_wg_wieku.drl.csv", files.get("kwota_zasilku_wg_wieku.drl.csv")
                .replace(",124.00,", ",\"124,00\",").replace(",18,23,135.00,", ",19,23,135.00,"));
        String body = given().contentType(ContentType.JSON).body(Map.of("files", files))
                .when().put("/api/v1/rulesets/zasilek_rodzinny/2025-06-01")
                .then().statusCode(422).contentType("application/problem+json").extract().asString();
        JsonNode report = json(body).get("report");
        assertThat(report.get("valid").asBoolean()).isFalse();
        List<String> found = new ArrayList<>();
        report.get("findings").forEach(f -> found.add(f.path("file").asText() + ":" + f.path("line").asText() + " "
                + f.path("message").asText()));
        assertThat(found).anySatisfy(f -> assertThat(f).startsWith("kwota_zasilku_wg_wieku.drl.csv:11 ")
                .contains("'124,00' is not a number").contains("124.00"));
        assertThat(found).anySatisfy(f -> assertThat(f).startsWith("kwota_zasilku_wg_wieku.drl.csv:12 ")
                .contains("gap").contains("18–18"));
        assertThat(found).anySatisfy(f -> assertThat(f).startsWith("rozstrzygniecie.drl:"));
        assertThat(Files.exists(served.resolve("zasilek_rodzinny/2025-06-01"))).as("nothing stored").isFalse();
        assertThat(Files.exists(rules.resolve("zasilek_rodzinny/2025-06-01"))).as("nothing stored").isFalse();
        given().when().get("/api/v1/rulesets/zasilek_rodzinny/2025-06-01").then().statusCode(404);
    }

    @Test
    @Order(2)
    void validationRunsTheGoldenCasesAndTheCoverage() throws Exception {
        JsonNode r = json(given().when().post(DRAFT + "/validation").then().statusCode(200).extract().asString());
        // V14 documents today's law ("2024-11-01 is a draft, so 2021-11-01 decides"): the draft would take the case
        // over, which is its impact – reported as a warning with file and line, not a reason to refuse the draft
        assertThat(r.get("valid").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("findings").toString()).contains("zmiany_wersji.yaml").contains("V14")
                .contains("expects zasilek_rodzinny/2021-11-01; the draft zasilek_rodzinny/2024-11-01 would decide it");
        String text = given().accept("text/plain").when().post(DRAFT + "/validation")
                .then().statusCode(200).contentType(ContentType.TEXT).extract().asString();
        assertThat(text).contains("POPRAWNA / VALID").doesNotContain("NIEPOPRAWNA")
                .contains("test-cases/zasilek_rodzinny/zmiany_wersji.yaml:");

        // four eyes (issue 13 point 4): a version folder is published only with the approval of its current content by
        // a second person, as a dated history is
        given().contentType(ContentType.JSON).body(Map.of("comment", "bez zatwierdzenia"))
                .when().post(DRAFT + "/publication").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("drugą osobę"));
        given().header("Authorization", pl.ops.swiadczenia.testsupport.Tokens.bearer("druga.osoba",
                        pl.ops.swiadczenia.security.Roles.POLICY)).contentType(ContentType.JSON)
                .body(Map.of("comment", "Sprawdzone z rozporządzeniem")).when().post(DRAFT + "/approval")
                .then().statusCode(201).body("action", org.hamcrest.Matchers.equalTo("APPROVAL"))
                .body("actor", org.hamcrest.Matchers.equalTo("druga.osoba"));

        // but even approved it cannot be published while V14 still expects the version the draft takes over
        String refused = given().contentType(ContentType.JSON).body(Map.of("comment", "za wcześnie"))
                .when().post(DRAFT + "/publication").then().statusCode(422).contentType("application/problem+json")
                .extract().asString();
        assertThat(refused).contains("V14").contains("expected zasilek_rodzinny/2021-11-01 but was zasilek_rodzinny/2024-11-01");
        assertThat(Files.readString(draftDir.resolve("ruleset.yaml"))).contains("status: draft");

        // policy staff check the result (same amounts) and record that from 2024-11-01 the new version decides
        Path cases = IsolatedRulesProfile.workDir().resolve("test-cases/zasilek_rodzinny/zmiany_wersji.yaml");
        String yaml = Files.readString(cases);
        int v14 = yaml.indexOf("- name: \"V14");
        int exp = yaml.indexOf("ruleset: zasilek_rodzinny/2021-11-01", v14);
        Files.writeString(cases, yaml.substring(0, exp) + "ruleset: zasilek_rodzinny/2024-11-01"
                + yaml.substring(exp + "ruleset: zasilek_rodzinny/2021-11-01".length()));

        r = json(given().when().post(DRAFT + "/validation").then().statusCode(200).extract().asString());
        assertThat(r.get("valid").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("findings").toString()).doesNotContain("V14");
        assertThat(r.at("/goldenCases/decidedByCandidate").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(r.at("/goldenCases/failed").asInt()).isZero();
        assertThat(r.at("/coverage/complete").asBoolean()).isTrue();
        assertThat(r.at("/coverage/takenOver/0/rulesetId").asText()).isEqualTo("zasilek_rodzinny/2021-11-01");
    }

    @Test
    @Order(3)
    void diffShowsTheDecisionTableAndNoChangedGoldenCase() {
        JsonNode d = json(given().queryParam("from", "2021-11-01").queryParam("to", "2024-11-01")
                .when().get("/api/v1/rulesets/zasilek_rodzinny/diff").then().statusCode(200).extract().asString());
        assertThat(d.get("rules").toString()).contains("\"art6_ust2_pkt2_kwota_od_5_do_18_lat\",\"change\":\"ADDED\"");
        assertThat(d.get("parameters").toString())
                .contains("\"name\":\"zasilek_rodzinny_od_5_do_18_lat\",\"change\":\"REMOVED\"");
        assertThat(d.get("goldenCasesCompared").asInt()).isGreaterThan(90);
        assertThat(d.get("goldenCases")).as("same amounts, only the form changed").isEmpty();
        given().accept("text/plain").queryParam("from", "2021-11-01").queryParam("to", "2024-11-01")
                .when().get("/api/v1/rulesets/zasilek_rodzinny/diff").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ADDED art6_ust2_pkt1_kwota_do_5_lat"));
    }

    static String household(String legalDate, String child, String income) {
        return """
                {"benefit":"zasilek_rodzinny","legalDate":"%s","wniosek":{"dataZlozenia":"%s",
                 "dochodRodzinyRokBazowy":%s,"czlonkowieRodziny":[
                  {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1985-02-01"},
                  {"id":"ojciec","rola":"MALZONEK","dataUrodzenia":"1984-06-20"},
                  {"id":"dziecko","rola":"DZIECKO","dataUrodzenia":"%s","nauka":"SZKOLA"}]}}
                """.formatted(legalDate, legalDate, income, child);
    }

    static JsonNode awaitJob(String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode j = json(given().when().get("/api/v1/impact-analyses/" + id).then().statusCode(200).extract().asString());
            if (!j.get("status").asText().equals("RUNNING")) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("impact analysis did not finish");
    }

    @Test
    @Order(4)
    void impactOfAChangedAmountOverStoredDecisions() throws Exception {
        // decisions of 2025 (decided under 2021-11-01): a 16-year-old (124 zł), a 3-year-old (95 zł), refused income
        for (String h : List.of(household("2025-03-03", "2008-04-10", "18000.00"),
                household("2025-03-03", "2022-01-10", "18000.00"), household("2025-03-03", "2008-04-10", "90000.00"))) {
            STORED.add(json(given().contentType(ContentType.JSON).body(h).when().post("/api/v1/decisions")
                    .then().statusCode(201).extract().asString()).get("id").asText());
        }
        // simulate a regulation raising the 5–18 amount to 130 zł: one cell of the table, edited in the authored rules;
        // the scan brings the change into the service's working copy and reloads the draft
        Path table = rules.resolve("zasilek_rodzinny/2024-11-01/kwota_zasilku_wg_wieku.drl.csv");
        String original = Files.readString(table);
        Files.writeString(table, original.replace(",124.00,", ",130.00,"));
        assertThat(json(given().when().post("/api/v1/rulesets/scan").then().statusCode(200).extract().asString()).toString())
                .contains("\"rulesetId\":\"zasilek_rodzinny/2024-11-01\",\"action\":\"RELOADED\"");
        assertThat(Files.readString(draftDir.resolve("kwota_zasilku_wg_wieku.drl.csv"))).contains(",130.00,");

        Map<String, String> req = Map.of("benefit", "zasilek_rodzinny", "version", "2024-11-01",
                "legalDateFrom", "2025-01-01", "legalDateTo", "2025-12-31");
        String id = json(given().contentType(ContentType.JSON).body(req).when().post("/api/v1/impact-analyses")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/impact-analyses/"))
                .extract().asString()).get("id").asText();
        JsonNode job = awaitJob(id);
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("total").asLong()).isEqualTo(3);
        assertThat(job.get("done").asLong()).isEqualTo(3);
        JsonNode res = job.get("result");
        assertThat(res.at("/byKind/AMOUNT_INCREASED").asLong()).isEqualTo(1);
        assertThat(res.at("/byKind/UNCHANGED").asLong()).as("95 zł child and the refusal").isEqualTo(2);
        JsonNode ex = res.at("/examples/AMOUNT_INCREASED/0");
        assertThat(ex.get("decisionId").asText()).isEqualTo(STORED.get(0));
        // March–October 2025: 8 months × (130 − 124) = 48 zł more
        assertThat(ex.get("newTotal").decimalValue().subtract(ex.get("storedTotal").decimalValue()))
                .isEqualByComparingTo("48.00");
        assertThat(res.get("differenceDistribution").toString()).contains("{\"range\":\"10 … 100\",\"decisions\":1}");

        // back to the real amount: no stored decision would change
        Files.writeString(table, original);
        given().when().post("/api/v1/rulesets/scan").then().statusCode(200);
        assertThat(Files.readString(draftDir.resolve("kwota_zasilku_wg_wieku.drl.csv"))).isEqualTo(original);
        job = awaitJob(json(given().contentType(ContentType.JSON).body(req).when().post("/api/v1/impact-analyses")
                .then().statusCode(202).extract().asString()).get("id").asText());
        assertThat(job.at("/result/byKind/UNCHANGED").asLong()).isEqualTo(3);
    }

    @Test
    @Order(5)
    void publishWhileEvaluationsKeepBeingAnswered() throws Exception {
        String v14 = household("2025-03-03", "2008-04-10", "18000.00");
        assertThat(json(given().contentType(ContentType.JSON).body(v14).when().post("/api/v1/evaluations")
                .then().statusCode(200).extract().asString()).get("rulesetId").asText()).isEqualTo("zasilek_rodzinny/2021-11-01");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread load = new Thread(() -> {
            while (!stop.get()) {
                int s = given().contentType(ContentType.JSON).body(v14).when().post("/api/v1/evaluations").statusCode();
                if (s == 200) {
                    ok.incrementAndGet();
                } else {
                    failures.add("HTTP " + s);
                }
            }
        });
        load.start();
        Thread.sleep(300);
        JsonNode p = json(given().contentType(ContentType.JSON)
                .body(Map.of("publishedBy", "jan.kowalski@ops.example", "comment", "Rozporządzenie RM z 2024 r."))
                .when().post(DRAFT + "/publication").then().statusCode(201).extract().asString());
        Thread.sleep(300);
        stop.set(true);
        load.join();
        assertThat(failures).as("every request during publication answered").isEmpty();
        assertThat(ok.get()).isGreaterThan(2);

        assertThat(p.get("rulesetId").asText()).isEqualTo("zasilek_rodzinny/2024-11-01");
        assertThat(p.get("publishedBy").asText()).as("the verified caller").isEqualTo(pl.ops.swiadczenia.testsupport.Tokens.SUITE);
        assertThat(p.get("comment").asText()).contains("Rozporządzenie RM z 2024 r.").contains("jan.kowalski@ops.example");
        String sha = p.get("sha256").asText();
        assertThat(sha).hasSize(64).isNotEqualTo(p.get("draftSha256").asText());
        // the released folder and its lock line are in the service's working copy; the authored rules are untouched
        // (git holds what was authored, the database what was used)
        assertThat(Files.readString(draftDir.resolve("ruleset.yaml"))).contains("status: released");
        assertThat(Files.readString(served.resolve("released.sha256"))).contains(sha + "  zasilek_rodzinny/2024-11-01");
        assertThat(Files.readString(rules.resolve("zasilek_rodzinny/2024-11-01/ruleset.yaml"))).contains("status: draft");
        assertThat(Files.readString(rules.resolve("released.sha256"))).doesNotContain(sha);
        assertThat(pl.ops.swiadczenia.testsupport.TreeHash.of(rules)).as("the authored rules, byte for byte")
                .isEqualTo(sourceBefore);
        assertThat(given().when().get("/api/v1/rulesets/publications").then().statusCode(200).extract().asString())
                .contains(sha).contains(pl.ops.swiadczenia.testsupport.Tokens.SUITE);
        given().when().get(DRAFT).then().statusCode(200)
                .body("ruleset.status", org.hamcrest.Matchers.equalTo("released"))
                .body("ruleset.sha256", org.hamcrest.Matchers.equalTo(sha));

        // selected by date from now on; decisions stored earlier still replay identically under their version
        JsonNode e = json(given().contentType(ContentType.JSON).body(v14).when().post("/api/v1/evaluations")
                .then().statusCode(200).extract().asString());
        assertThat(e.get("rulesetId").asText()).isEqualTo("zasilek_rodzinny/2024-11-01");
        assertThat(e.at("/amounts/total").decimalValue()).isEqualByComparingTo("992.00");
        assertThat(e.get("firedRules").toString()).contains("art6_ust2_pkt2_kwota_od_5_do_18_lat")
                .doesNotContain("art6_ust2_pkt1_kwota_do_5_lat");
        for (String id : STORED) {
            given().when().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("IDENTICAL"));
        }
        // released is immutable
        given().contentType(ContentType.JSON).body(Map.of("publishedBy", "x")).when().post(DRAFT + "/publication")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("files", asVersion("2024-11-01")))
                .when().put(DRAFT).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("comment", "x".repeat(2001))).when().post(DRAFT + "/publication")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("comment"));
    }

    @Test
    @Order(6)
    void aBrokenFolderNeverReplacesAWorkingVersion() throws Exception {
        // a valid new draft through the API
        JsonNode r = json(given().contentType(ContentType.JSON).body(Map.of("files", asVersion("2026-06-01")))
                .when().put("/api/v1/rulesets/zasilek_rodzinny/2026-06-01").then().statusCode(200).extract().asString());
        assertThat(r.get("valid").asBoolean()).isTrue();
        Path dir = served.resolve("zasilek_rodzinny/2026-06-01");
        assertThat(dir.resolve("ruleset.yaml")).exists();
        assertThat(rules.resolve("zasilek_rodzinny/2026-06-01")).as("not in the authored rules").doesNotExist();
        assertThat(pl.ops.swiadczenia.testsupport.TreeHash.of(rules)).as("the authored rules after an upload and a "
                + "publication through the API, byte for byte").isEqualTo(sourceBefore);
        String sha = json(given().when().get("/api/v1/rulesets/zasilek_rodzinny/2026-06-01").then().statusCode(200)
                .extract().asString()).at("/ruleset/sha256").asText();

        // someone saves a broken file of that version into the authored rules: the scan copies it into the working
        // copy beside the uploaded files, reports it and keeps the working draft
        Files.createDirectories(rules.resolve("zasilek_rodzinny/2026-06-01"));
        Files.writeString(rules.resolve("zasilek_rodzinny/2026-06-01/wysokosc_zasilku.drl"), "package reguly.zasilek_rodzinny.v2026_06_01;\nrule \"x\" when then end oops\n");
        JsonNode scan = json(given().when().post("/api/v1/rulesets/scan").then().statusCode(200).extract().asString());
        assertThat(scan.toString()).contains("\"rulesetId\":\"zasilek_rodzinny/2026-06-01\",\"action\":\"INVALID_PREVIOUS_KEPT\"")
                .contains("wysokosc_zasilku.drl");
        given().when().get("/api/v1/rulesets/zasilek_rodzinny/2026-06-01").then().statusCode(200)
                .body("ruleset.sha256", org.hamcrest.Matchers.equalTo(sha));
        // and it cannot be published from a folder that no longer matches what was validated
        given().contentType(ContentType.JSON).body(Map.of("publishedBy", "x"))
                .when().post("/api/v1/rulesets/zasilek_rodzinny/2026-06-01/publication").then().statusCode(409);

        assertThat(dir.resolve("ruleset.yaml")).as("the uploaded files not changed in the authored rules stay").exists();
        // a released folder changed in the authored rules is refused by the scan; the released version stays
        Path released = rules.resolve("zasilek_rodzinny/2021-11-01/parameters.yaml");
        Files.writeString(released, Files.readString(released) + "\n# edited\n");
        scan = json(given().when().post("/api/v1/rulesets/scan").then().statusCode(200).extract().asString());
        assertThat(scan.toString()).contains("\"rulesetId\":\"zasilek_rodzinny/2021-11-01\",\"action\":\"REFUSED\"");
        given().queryParam("date", "2023-01-01").when().get("/api/v1/rulesets/zasilek_rodzinny/in-force")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo("zasilek_rodzinny/2021-11-01"));
    }
}
