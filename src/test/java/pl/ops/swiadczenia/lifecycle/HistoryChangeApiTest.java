package pl.ops.swiadczenia.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import pl.ops.swiadczenia.security.Roles;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.HistoryRulesProfile;
import pl.ops.swiadczenia.testsupport.Tokens;
import pl.ops.swiadczenia.testsupport.UntrustedRules;

/**
 * The change workflow of a benefit written as one dated history, through the API, on a private copy of „becikowe”:
 * hostile requests are refused with 400 naming the field; malicious logic is refused at upload and validation with
 * file:line and nothing of it runs; next year's amount is added as one dated line, validated, diffed, its impact on
 * stored decisions measured, approved by a second person and published without a redeploy, after which the legal
 * date selects the old or the new amount; then a new logic overlay goes the same way; a restart serves what was
 * published although the authored rules lack it; a released value edited in the authored rules is refused by the
 * scan. Every step is in the change log. The service never writes into the authored rules ({@code rules/} of the
 * copy): it works in its own working copy ({@code served/}).
 */
@QuarkusTest
@TestProfile(HistoryRulesProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(600)
class HistoryChangeApiTest {
    static final String B = HistoryRulesProfile.BENEFIT;
    static final String API = "/api/v1/rulesets/" + B;
    static final String AUTHOR = "autor.projektu";
    static final String APPROVER = "druga.osoba";
    static final String AMOUNT_FILE = "parametry/jednorazowa_zapomoga_kwota.yaml";
    @jakarta.inject.Inject
    RuleSets ruleSets;
    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;
    /** The benefit's history in the service's working copy (rules.work-dir): what it serves and writes. */
    static Path live;
    /** The authored rules (rules.dir): never written by the service. */
    static Path source;
    /** The authored rules before the first request of this class, byte for byte. */
    static String sourceBefore;
    static Path pwned;
    static final List<String> STORED = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        Tokens.useAllRoles();
        live = HistoryRulesProfile.servedRules().resolve(B);
        source = HistoryRulesProfile.workDir().resolve("rules");
        if (sourceBefore == null) {
            sourceBefore = pl.ops.swiadczenia.testsupport.TreeHash.of(source);
        }
        pwned = HistoryRulesProfile.workDir().resolve("pwned-by-history-api.txt");
    }

    /** The authored rules are byte for byte as before this class: nothing of the API was written into them. */
    static void authoredRulesUnchanged(String after) {
        assertThat(pl.ops.swiadczenia.testsupport.TreeHash.of(source)).as("the authored rules after " + after)
                .isEqualTo(sourceBefore);
    }

    static String author() {
        return Tokens.bearer(AUTHOR, Roles.POLICY);
    }

    static String approver() {
        return Tokens.bearer(APPROVER, Roles.POLICY);
    }

    static JsonNode json(String s) {
        return CanonicalJson.tree(s);
    }

    static String read(String rel) throws Exception {
        return Files.readString(live.resolve(rel));
    }

    /** benefit.yaml with a draft entry for {@code date} inserted under changes:. */
    static String manifestWithDraft(String date, String summary) throws Exception {
        String m = read("benefit.yaml");
        assertThat(m).contains("\nchanges:\n");
        return m.replace("\nchanges:\n", "\nchanges:\n  " + date + ":\n    summary: \"" + summary + "\"\n"
                + "    summary_en: \"Test change of " + date + "\"\n    status: draft\n");
    }

    /** The amount file with one more dated value. */
    static String amountWith(String date, String value) throws Exception {
        String p = read(AMOUNT_FILE);
        assertThat(p).contains("\nvalues:\n");
        return p.replace("\nvalues:\n", "\nvalues:\n  " + date + ":\n    value: " + value + "\n"
                + "    reference: \"art. 15b ust. 1 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych (projekt testowy)\"\n"
                + "    verified_on: 2026-12-01\n");
    }

    static String request(String legalDate, String income) {
        return """
                {"benefit":"%s","legalDate":"%s","wniosek":{"dataZlozenia":"%s","dochodRodzinyRokBazowy":%s,
                 "czlonkowieRodziny":[
                  {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1990-02-11"},
                  {"id":"ojciec","rola":"MALZONEK","dataUrodzenia":"1989-09-30"},
                  {"id":"noworodek","rola":"DZIECKO","dataUrodzenia":"%s","opiekaMedycznaOd10TygodniaCiazy":true}],
                 "jednorazowaZapomoga":{"dzieci":[{"dzieckoId":"noworodek"}]}}}
                """.formatted(B, legalDate, legalDate, income, java.time.LocalDate.parse(legalDate).minusDays(20));
    }

    static JsonNode evaluate(String legalDate) {
        return json(given().contentType(ContentType.JSON).body(request(legalDate, "30000.00"))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().asString());
    }

    static JsonNode put(String date, Map<String, String> files, String token, int status) {
        Map<String, Object> body = new HashMap<>();
        body.put("files", files);
        body.put("comment", "Projekt testowy");
        return json(given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().put(API + "/" + date).then().statusCode(status).extract().asString());
    }

    @Test
    @Order(1)
    void hostileRequestsAreRefusedWith400NamingTheFieldInPolish() throws Exception {
        String before = read("benefit.yaml");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("../zasilek_rodzinny/benefit.yaml", "„..”");
        cases.put("/etc/passwd", "względna");
        cases.put("logika/../../wspolne/funkcje.yaml", "„..”");
        cases.put("../../wspolne/terminy/benefit.yaml", "„..”");
        cases.put("wspolne/terminy/benefit.yaml", "spoza historii świadczenia");
        cases.put("logika/2027-01-01/skrypt.sh", "spoza historii świadczenia");
        cases.put("parametry\\kwota.yaml", "„/”");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            JsonNode p = json(given().contentType(ContentType.JSON).body(Map.of("files", Map.of(c.getKey(), "x: 1\n")))
                    .when().put(API + "/2027-01-01").then().statusCode(400).contentType("application/problem+json")
                    .extract().asString());
            assertThat(p.get("type").asText()).endsWith("/invalid-request");
            assertThat(p.at("/errors/0/field").asText()).as(c.getKey()).isEqualTo("files." + c.getKey());
            assertThat(p.at("/errors/0/message").asText()).as(c.getKey()).contains(c.getValue());
            // the validation of uploaded files checks the same
            given().contentType(ContentType.JSON).body(Map.of("files", Map.of(c.getKey(), "x: 1\n")))
                    .when().post(API + "/2027-01-01/validation").then().statusCode(400);
        }
        JsonNode big = json(given().contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("parametry/duzy.yaml", "x".repeat(1_000_001))))
                .when().put(API + "/2027-01-01").then().statusCode(400).contentType("application/problem+json")
                .extract().asString());
        assertThat(big.at("/errors/0/field").asText()).isEqualTo("files.parametry/duzy.yaml");
        assertThat(big.at("/errors/0/message").asText()).startsWith("plik za duży: 1000001 znaków");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            many.put("parametry/p" + i + ".yaml", "x".repeat(900_000));
        }
        JsonNode total = json(given().contentType(ContentType.JSON).body(Map.of("files", many))
                .when().put(API + "/2027-01-01").then().statusCode(400).extract().asString());
        assertThat(total.get("errors").toString()).contains("\"field\":\"files\"").contains("najwyżej 5 000 000");
        JsonNode empty = json(given().contentType(ContentType.JSON).body(Map.of("comment", "bez plików"))
                .when().put(API + "/2027-01-01").then().statusCode(400).extract().asString());
        assertThat(empty.at("/errors/0/field").asText()).isEqualTo("files");
        assertThat(empty.at("/errors/0/message").asText()).startsWith("wymagane");
        Map<String, String> removal = new HashMap<>();
        removal.put("parametry/nie_ma_takiego.yaml", null);
        given().contentType(ContentType.JSON).body(Map.of("files", removal)).when().put(API + "/2027-01-01")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("files.parametry/nie_ma_takiego.yaml"));

        assertThat(read("benefit.yaml")).as("nothing stored").isEqualTo(before);
        given().when().get(API + "/2027-01-01").then().statusCode(404);
    }

    @Test
    @Order(2)
    void maliciousLogicIsRefusedAtUploadAndValidationWithFileAndLineAndNothingRuns() throws Exception {
        String file = "logika/2027-01-01/zlosliwa.drl";
        for (UntrustedRules.Draft d : UntrustedRules.drafts(pwned)) {
            Map<String, String> files = new HashMap<>();
            files.put("benefit.yaml", manifestWithDraft("2027-01-01", "Złośliwy projekt"));
            files.put(file, """
                    import pl.ops.swiadczenia.fakty.*;

                    rule "art15b_zlosliwa"
                        @act("usr") @article("15b") @description("Reguła, która próbuje wyjść poza obliczenie")
                    when
                        Wniosek()
                    then
                        %s
                    end
                    """.formatted(d.payload()));
            JsonNode refused = put("2027-01-01", files, author(), 422);
            assertThat(refused.get("type").asText()).endsWith("/ruleset-invalid");
            refusedByPolicy(refused.get("report"), d, file);

            JsonNode validated = json(given().contentType(ContentType.JSON).body(Map.of("files", files))
                    .when().post(API + "/2027-01-01/validation").then().statusCode(200).extract().asString());
            refusedByPolicy(validated, d, file);
            String text = given().contentType(ContentType.JSON).accept("text/plain").body(Map.of("files", files))
                    .when().post(API + "/2027-01-01/validation").then().statusCode(200).extract().asString();
            assertThat(text).contains(file + ":8: ERROR [policy] niedozwolone w regułach: " + d.construct());
        }
        assertThat(pwned).as("the rule that writes a file never ran").doesNotExist();
        assertThat(live.resolve("logika/2027-01-01")).as("nothing stored").doesNotExist();
        authoredRulesUnchanged("refused uploads");
        given().when().get(API + "/2027-01-01").then().statusCode(404);
        // the service keeps serving
        assertThat(evaluate("2026-03-02").at("/amounts/total").decimalValue()).isEqualByComparingTo("1000.00");
        String log = given().queryParam("benefit", B).when().get("/api/v1/rulesets/changes").then().statusCode(200)
                .extract().asString();
        assertThat(json(log).findValuesAsText("action")).contains("UPLOAD_REFUSED").doesNotContain("UPLOAD");
        assertThat(log).contains(AUTHOR);
    }

    static void refusedByPolicy(JsonNode report, UntrustedRules.Draft d, String file) {
        assertThat(report.get("valid").asBoolean()).as(d.key()).isFalse();
        assertThat(report.path("goldenCases").isNull() || report.path("goldenCases").isMissingNode())
                .as(d.key() + ": no golden case ran").isTrue();
        List<JsonNode> policy = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.path("check").asText().equals("policy") && f.path("file").asText().equals(file)
                    && f.path("line").asInt() == 8) {
                policy.add(f);
            }
        });
        assertThat(policy).as(d.key() + " " + report.get("findings")).anySatisfy(f -> {
            assertThat(f.get("severity").asText()).isEqualTo("ERROR");
            assertThat(f.get("message").asText()).startsWith("niedozwolone w regułach: " + d.construct() + " (");
        });
    }

    @Test
    @Order(3)
    void aChangeOfAReleasedValueOrAnUndeclaredDateIsRefused() throws Exception {
        // the 2013 amount edited: the released state would change
        String edited = amountWith("2027-01-01", "1200.0").replace("value: 1000.0", "value: 1100.0");
        JsonNode r = put("2027-01-01", Map.of(AMOUNT_FILE, edited, "benefit.yaml", manifestWithDraft("2027-01-01", "x")),
                author(), 422);
        assertThat(r.at("/report/findings").toString()).contains("immutability")
                .contains(B + "/2013-01-01 is released");
        // a new value without an entry in changes: (the date is not declared as a draft)
        r = put("2027-01-01", Map.of(AMOUNT_FILE, amountWith("2027-01-01", "1200.0")), author(), 422);
        assertThat(r.at("/report/findings").toString()).contains("changes: has no entry 2027-01-01");
        // declared released instead of draft
        r = put("2027-01-01", Map.of(AMOUNT_FILE, amountWith("2027-01-01", "1200.0"), "benefit.yaml",
                manifestWithDraft("2027-01-01", "x").replace("status: draft", "status: released")), author(), 422);
        assertThat(r.at("/report/findings").toString()).contains("would be released without publication");
        assertThat(read(AMOUNT_FILE)).doesNotContain("2027-01-01");
    }

    @Test
    @Order(4)
    void storeDecisionsOf2026And2027UnderTheLawInForce() {
        for (String[] c : List.of(new String[] {"2027-02-01", "30000.00"}, new String[] {"2027-02-01", "90000.00"},
                new String[] {"2026-06-01", "30000.00"})) {
            JsonNode d = json(given().contentType(ContentType.JSON).body(request(c[0], c[1]))
                    .when().post("/api/v1/decisions").then().statusCode(201).extract().asString());
            assertThat(d.get("rulesetId").asText()).isEqualTo(B + "/2013-01-01");
            STORED.add(d.get("id").asText());
        }
    }

    @Test
    @Order(5)
    void nextYearsAmountIsOneDatedLineValidatedDiffedAnalysedApprovedAndPublished() throws Exception {
        Map<String, String> files = Map.of(AMOUNT_FILE, amountWith("2027-01-01", "1200.0"),
                "benefit.yaml", manifestWithDraft("2027-01-01", "Kwota zapomogi 1200 zł od 1 stycznia 2027 r."));
        JsonNode report = put("2027-01-01", files, author(), 200);
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("rulesetId").asText()).isEqualTo(B + "/2027-01-01");
        assertThat(report.get("status").asText()).isEqualTo("draft");
        assertThat(report.at("/goldenCases/failed").asInt()).isZero();
        assertThat(report.at("/goldenCases/passed").asInt()).isPositive();
        given().when().get(API + "/2027-01-01").then().statusCode(200)
                .body("ruleset.status", org.hamcrest.Matchers.equalTo("draft"));
        assertThat(evaluate("2027-03-01").get("rulesetId").asText()).as("a draft never decides").isEqualTo(B + "/2013-01-01");

        // validation of the stored draft
        JsonNode v = json(given().when().post(API + "/2027-01-01/validation").then().statusCode(200).extract().asString());
        assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();

        // the diff: the value and its date, against the state in force the day before
        JsonNode draft = json(given().when().get(API + "/2027-01-01/draft").then().statusCode(200).extract().asString());
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("date").asText()).isEqualTo("2027-01-01");
        assertThat(draft.get("inForceBefore").asText()).isEqualTo(B + "/2013-01-01");
        assertThat(draft.get("author").asText()).isEqualTo(AUTHOR);
        assertThat(draft.get("approved").asBoolean()).isFalse();
        assertThat(draft.get("files").has(AMOUNT_FILE)).isTrue();
        JsonNode param = draft.at("/diff/parameters/0");
        assertThat(param.get("name").asText()).isEqualTo("jednorazowa_zapomoga_kwota");
        assertThat(param.get("change").asText()).isEqualTo("CHANGED");
        assertThat(param.get("oldValue").decimalValue()).isEqualByComparingTo("1000");
        assertThat(param.get("newValue").decimalValue()).isEqualByComparingTo("1200");
        assertThat(draft.at("/diff/to").asText()).isEqualTo(B + "/2027-01-01");
        assertThat(draft.at("/diff/rules")).as("no logic changes").isEmpty();
        JsonNode d2 = json(given().queryParam("from", "2013-01-01").queryParam("to", "2027-01-01")
                .when().get(API + "/diff").then().statusCode(200).extract().asString());
        assertThat(d2.get("parameters").toString()).contains("jednorazowa_zapomoga_kwota");

        // the impact on stored decisions of 2027
        Map<String, String> req = Map.of("benefit", B, "version", "2027-01-01", "legalDateFrom", "2027-01-01");
        JsonNode job = RuleSetLifecycleApiTest.awaitJob(json(given().contentType(ContentType.JSON).body(req)
                .when().post("/api/v1/impact-analyses").then().statusCode(202).extract().asString()).get("id").asText());
        assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("total").asLong()).isEqualTo(2);
        assertThat(job.at("/result/byKind/AMOUNT_INCREASED").asLong()).isEqualTo(1);
        assertThat(job.at("/result/byKind/UNCHANGED").asLong()).as("the refusal").isEqualTo(1);
        JsonNode ex = job.at("/result/examples/AMOUNT_INCREASED/0");
        assertThat(ex.get("decisionId").asText()).isEqualTo(STORED.get(0));
        assertThat(ex.get("storedTotal").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(ex.get("newTotal").decimalValue()).isEqualByComparingTo("1200.00");

        // publication needs the approval of a second person
        JsonNode refused = json(given().header("Authorization", author()).contentType(ContentType.JSON)
                .body(Map.of("comment", "bez zatwierdzenia")).when().post(API + "/2027-01-01/publication")
                .then().statusCode(409).contentType("application/problem+json").extract().asString());
        assertThat(refused.get("detail").asText()).contains("drugą osobę");
        given().header("Authorization", author()).contentType(ContentType.JSON).body(Map.of("comment", "sam sobie"))
                .when().post(API + "/2027-01-01/approval").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("druga osoba"));
        given().header("Authorization", approver()).contentType(ContentType.JSON)
                .body(Map.of("contentSha256", "0".repeat(64))).when().post(API + "/2027-01-01/approval")
                .then().statusCode(409);
        // the approval re-runs the validation on the content it approves: a golden case that the draft does not meet
        // (added to the golden cases since the upload) stops it with the report; without it the approval goes through
        Path wrongCase = HistoryRulesProfile.workDir().resolve("test-cases").resolve(B).resolve("zz_approval_check.yaml");
        Files.writeString(wrongCase, """
                - name: "Z01 – kwota od 1.01.2027 zapisana w przypadku wzorcowym jako 1100 zł"
                  input:
                    benefit: %s
                    legalDate: 2027-03-01
                    wniosek:
                      dataZlozenia: 2027-03-01
                      dochodRodzinyRokBazowy: 30000.00
                      czlonkowieRodziny:
                        - { id: matka, rola: WNIOSKODAWCA, dataUrodzenia: 1990-02-11 }
                        - { id: ojciec, rola: MALZONEK, dataUrodzenia: 1989-09-30 }
                        - { id: noworodek, rola: DZIECKO, dataUrodzenia: 2027-02-09, opiekaMedycznaOd10TygodniaCiazy: true }
                      jednorazowaZapomoga:
                        dzieci: [ { dzieckoId: noworodek } ]
                  expected:
                    ruleset: %s/2027-01-01
                    outcome: GRANTED
                    total: 1100.00
                """.formatted(B, B));
        try {
            JsonNode notApproved = json(given().header("Authorization", approver()).contentType(ContentType.JSON)
                    .body(Map.of("comment", "przed poprawą przypadku")).when().post(API + "/2027-01-01/approval")
                    .then().statusCode(422).extract().asString());
            assertThat(notApproved.get("detail").asText()).contains("ponownej walidacji");
            assertThat(notApproved.at("/report/goldenCases/failed").asInt()).isPositive();
        } finally {
            Files.delete(wrongCase);
        }
        JsonNode approval = json(given().header("Authorization", approver()).contentType(ContentType.JSON)
                .body(Map.of("comment", "Sprawdzone z rozporządzeniem", "contentSha256", draft.get("contentSha256").asText()))
                .when().post(API + "/2027-01-01/approval").then().statusCode(201).extract().asString());
        assertThat(approval.get("actor").asText()).isEqualTo(APPROVER);
        assertThat(approval.get("action").asText()).isEqualTo("APPROVAL");
        assertThat(json(given().when().get(API + "/2027-01-01/draft").then().statusCode(200).extract().asString())
                .get("approved").asBoolean()).isTrue();

        // shadow run (issue 13 point 5): approved, not yet published – a decision stored now is decided under the law
        // in force (1 000 zł) and also evaluated under the draft beside it (1 200 zł), recorded not as a decision
        JsonNode liveDecision = json(given().contentType(ContentType.JSON).body(request("2026-12-01", "30000.00"))
                .when().post("/api/v1/decisions").then().statusCode(201).extract().asString());
        assertThat(liveDecision.get("rulesetId").asText()).isEqualTo(B + "/2013-01-01");
        assertThat(liveDecision.at("/amounts/total").decimalValue()).isEqualByComparingTo("1000.00");
        STORED.add(liveDecision.get("id").asText());
        JsonNode shadow = null;
        for (int i = 0; i < 100 && shadow == null; i++) {
            for (JsonNode r : json(given().queryParam("benefit", B).when().get("/api/v1/shadow-runs").then().statusCode(200)
                    .extract().asString())) {
                if (r.get("candidateId").asText().equals(B + "/2027-01-01") && r.get("decisions").asLong() >= 1) {
                    shadow = r;
                }
            }
            if (shadow == null) {
                Thread.sleep(200);
            }
        }
        assertThat(shadow).as("the shadow result of the decision under the approved draft").isNotNull();
        assertThat(shadow.get("decisions").asLong()).isEqualTo(1);
        assertThat(shadow.get("different").asLong()).isEqualTo(1);
        assertThat(shadow.get("failed").asLong()).isZero();
        assertThat(shadow.get("sumOfDifferences").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(shadow.at("/examples/0/decisionId").asText()).isEqualTo(liveDecision.get("id").asText());
        assertThat(shadow.at("/examples/0/shadowTotal").decimalValue()).isEqualByComparingTo("1200.00");
        given().queryParam("benefit", "../x").when().get("/api/v1/shadow-runs").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("benefit"));
        // a decision whose event never reached an observer (stored by SQL here, as if the instance had died right after
        // storing it): the job workers catch its shadow result up, once
        String lost = java.util.UUID.randomUUID().toString();
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO decision (id, created_at, benefit, ruleset_id, "
                     + "ruleset_version, ruleset_sha256, engine_version, legal_date, outcome, total_amount, case_reference, "
                     + "request_json, result_json) SELECT ?::uuid, now(), benefit, ruleset_id, ruleset_version, ruleset_sha256, "
                     + "engine_version, legal_date, outcome, total_amount, case_reference, request_json, result_json "
                     + "FROM decision WHERE id = ?::uuid")) {
            ps.setString(1, lost);
            ps.setString(2, liveDecision.get("id").asText());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonNode caughtUp = null;
        for (int i = 0; i < 150 && caughtUp == null; i++) {
            for (JsonNode r : json(given().queryParam("benefit", B).when().get("/api/v1/shadow-runs").then().statusCode(200)
                    .extract().asString())) {
                if (r.get("candidateId").asText().equals(B + "/2027-01-01") && r.get("decisions").asLong() >= 2) {
                    caughtUp = r;
                }
            }
            if (caughtUp == null) {
                Thread.sleep(200);
            }
        }
        assertThat(caughtUp).as("the shadow result of the decision stored without an event, caught up").isNotNull();
        Thread.sleep(1500); // further rounds of the catch-up add nothing
        JsonNode again = json(given().queryParam("benefit", B).when().get("/api/v1/shadow-runs").then().statusCode(200)
                .extract().asString());
        for (JsonNode r : again) {
            if (r.get("candidateId").asText().equals(B + "/2027-01-01")) {
                assertThat(r.get("decisions").asLong()).as("one shadow result per decision").isEqualTo(2);
                assertThat(r.get("sumOfDifferences").decimalValue()).isEqualByComparingTo("400.00");
            }
        }

        java.time.Instant beforePublication = java.time.Instant.now();
        JsonNode p = json(given().header("Authorization", author()).contentType(ContentType.JSON)
                .body(Map.of("comment", "Rozporządzenie z 2026 r.")).when().post(API + "/2027-01-01/publication")
                .then().statusCode(201).extract().asString());
        assertThat(p.get("rulesetId").asText()).isEqualTo(B + "/2027-01-01");
        assertThat(p.get("publishedBy").asText()).isEqualTo(AUTHOR);
        assertThat(p.get("comment").asText()).contains("Rozporządzenie z 2026 r.").contains(APPROVER);
        String sha = p.get("sha256").asText();
        assertThat(sha).hasSize(64);
        assertThat(read("benefit.yaml")).contains("  2027-01-01:\n    summary: \"Kwota zapomogi 1200 zł od 1 stycznia 2027 r.\"\n"
                + "    summary_en: \"Test change of 2027-01-01\"\n    status: released\n");
        assertThat(Files.readString(live.getParent().resolve("released.sha256"))).contains(sha + "  " + B + "/2027-01-01");
        // written into the service's working copy only: git holds the authored source, the database what was used
        assertThat(Files.readString(source.resolve(B).resolve("benefit.yaml"))).doesNotContain("2027-01-01");
        assertThat(Files.readString(source.resolve("released.sha256"))).doesNotContain(sha);
        authoredRulesUnchanged("an upload, an approval and a publication through the API");
        assertThat(given().when().get("/api/v1/rulesets/publications").then().statusCode(200).extract().asString())
                .contains(sha).contains(AUTHOR);
        given().when().get(API + "/2027-01-01").then().statusCode(200)
                .body("ruleset.status", org.hamcrest.Matchers.equalTo("released"))
                .body("ruleset.sha256", org.hamcrest.Matchers.equalTo(sha));

        // selected by the legal date from the next request on
        JsonNode after = evaluate("2027-03-01");
        assertThat(after.get("rulesetId").asText()).isEqualTo(B + "/2027-01-01");
        assertThat(after.at("/amounts/total").decimalValue()).isEqualByComparingTo("1200.00");
        // the second time axis: asked as the service knew the law just before the publication, the same case of
        // 2027 is still decided by the state of 2013 (1 000 zł), from the release it held then (rebuilt from the
        // database); the answer names that release
        io.restassured.response.Response asKnown = given().contentType(ContentType.JSON).body(request("2027-03-01", "30000.00"))
                .queryParam("asKnownAt", beforePublication.toString()).when().post("/api/v1/evaluations");
        assertThat(asKnown.statusCode()).as(asKnown.asString()).isEqualTo(200);
        assertThat(json(asKnown.asString()).get("rulesetId").asText()).isEqualTo(B + "/2013-01-01");
        assertThat(json(asKnown.asString()).at("/amounts/total").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(asKnown.header("Release-Id")).matches("[0-9a-f]{64}");
        io.restassured.response.Response now = given().contentType(ContentType.JSON).body(request("2027-03-01", "30000.00"))
                .queryParam("asKnownAt", java.time.Instant.now().toString()).when().post("/api/v1/evaluations");
        assertThat(json(now.asString()).at("/amounts/total").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(now.header("Release-Id")).isNotEqualTo(asKnown.header("Release-Id"));
        // before any release was recorded nothing was known; a malformed instant is a 400 naming the parameter
        given().contentType(ContentType.JSON).body(request("2027-03-01", "30000.00")).queryParam("asKnownAt", "2000-01-01T00:00:00Z")
                .when().post("/api/v1/evaluations").then().statusCode(422);
        given().contentType(ContentType.JSON).body(request("2027-03-01", "30000.00")).queryParam("asKnownAt", "wczoraj")
                .when().post("/api/v1/evaluations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("asKnownAt"));
        JsonNode before = evaluate("2026-12-01");
        assertThat(before.get("rulesetId").asText()).isEqualTo(B + "/2013-01-01");
        assertThat(before.at("/amounts/total").decimalValue()).isEqualByComparingTo("1000.00");
        for (String id : STORED) {
            given().when().post("/api/v1/decisions/" + id + "/replay").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("IDENTICAL"));
        }
        // released is immutable
        put("2027-01-01", files, author(), 409);
        given().contentType(ContentType.JSON).body(Map.of("comment", "x")).when().post(API + "/2027-01-01/publication")
                .then().statusCode(409);

        List<String> steps = new ArrayList<>();
        json(given().header("Authorization", Tokens.bearer("kontrola", Roles.AUDITOR)).queryParam("benefit", B)
                .when().get("/api/v1/rulesets/changes").then().statusCode(200).extract().asString())
                .forEach(s -> {
                    if (s.get("version").asText().equals("2027-01-01") && !s.get("action").asText().equals("UPLOAD_REFUSED")) {
                        steps.add(s.get("action").asText() + " " + s.get("actor").asText());
                    }
                });
        assertThat(steps).containsExactly("PUBLICATION " + AUTHOR, "APPROVAL " + APPROVER, "UPLOAD " + AUTHOR);
    }

    @Test
    @Order(6)
    void aNewLogicOverlayGoesTheSameWay() throws Exception {
        String rule = read("logika/2013-01-01/rozstrzygniecie.drl");
        String marker = "    insert( new Rozstrzygniecie(Outcome.GRANTED) );";
        assertThat(rule).contains(marker);
        String changed = rule.replace(marker, marker + "\n    insert( new WartoscWyniku(\"zmianaLogiki2028\", true) );");
        Map<String, String> files = Map.of("logika/2028-01-01/rozstrzygniecie.drl", changed,
                "benefit.yaml", manifestWithDraft("2028-01-01", "Nowa logika od 1 stycznia 2028 r."));
        JsonNode report = put("2028-01-01", files, author(), 200);
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();

        JsonNode draft = json(given().when().get(API + "/2028-01-01/draft").then().statusCode(200).extract().asString());
        assertThat(draft.get("inForceBefore").asText()).isEqualTo(B + "/2027-01-01");
        assertThat(draft.at("/diff/parameters")).isEmpty();
        assertThat(draft.at("/diff/rules").toString()).contains("\"id\":\"art15b_ust1_przyznanie_jednorazowej_zapomogi\"")
                .contains("\"change\":\"CHANGED\"").contains("logika/2028-01-01/rozstrzygniecie.drl");

        given().header("Authorization", approver()).contentType(ContentType.JSON).body(Map.of("comment", "OK"))
                .when().post(API + "/2028-01-01/approval").then().statusCode(201);
        given().header("Authorization", approver()).contentType(ContentType.JSON).body(Map.of("comment", "Nowa logika"))
                .when().post(API + "/2028-01-01/publication").then().statusCode(201);

        JsonNode after = evaluate("2028-02-01");
        assertThat(after.get("rulesetId").asText()).isEqualTo(B + "/2028-01-01");
        assertThat(after.get("keyFigures").has("zmianaLogiki2028")).isTrue();
        assertThat(after.at("/amounts/total").decimalValue()).as("the 2027 amount carries over").isEqualByComparingTo("1200.00");
        JsonNode before = evaluate("2027-06-01");
        assertThat(before.get("rulesetId").asText()).isEqualTo(B + "/2027-01-01");
        assertThat(before.get("keyFigures").has("zmianaLogiki2028")).isFalse();
        assertThat(live.resolve("logika/2028-01-01/rozstrzygniecie.drl")).exists();
        authoredRulesUnchanged("the second publication");
    }

    /**
     * A restart after the publications: the working copy is made anew from the authored rules, which lack both
     * publications, and they are restored into it from the database – the service serves what it published, and the
     * release recorded at start-up (from the working copy after the restoration) is the one it held before.
     */
    @Test
    @Order(7)
    void aRestartServesWhatWasPublishedThroughTheApiAlthoughTheAuthoredRulesLackIt() throws Exception {
        assertThat(Files.readString(source.resolve(B).resolve("benefit.yaml"))).doesNotContain("2027-01-01")
                .doesNotContain("2028-01-01");
        assertThat(source.resolve(B).resolve("logika/2028-01-01")).doesNotExist();
        String servedBefore = pl.ops.swiadczenia.testsupport.TreeHash.of(live);
        String releaseBefore = ruleSets.releaseId();
        assertThat(releaseBefore).matches("[0-9a-f]{64}");
        Path marker = live.getParent().resolve("dropped-by-restart.txt");
        Files.writeString(marker, "the working copy is emptied at start-up");

        ruleSets.load(); // what a start-up does: a new working copy of rules.dir, the publications restored into it

        assertThat(marker).as("the working copy was made anew").doesNotExist();
        assertThat(ruleSets.notices()).anySatisfy(n -> assertThat(n).contains("restored from the publication record of "
                + B + "/2028-01-01"));
        Map<String, String> published = new HashMap<>();
        json(given().when().get("/api/v1/rulesets/publications").then().statusCode(200).extract().asString())
                .forEach(p -> published.put(p.get("rulesetId").asText(), p.get("sha256").asText()));
        for (String date : List.of("2027-01-01", "2028-01-01")) {
            given().when().get(API + "/" + date).then().statusCode(200)
                    .body("ruleset.status", org.hamcrest.Matchers.equalTo("released"))
                    .body("ruleset.sha256", org.hamcrest.Matchers.equalTo(published.get(B + "/" + date)));
            assertThat(Files.readString(live.getParent().resolve("released.sha256")))
                    .contains(published.get(B + "/" + date) + "  " + B + "/" + date);
        }
        JsonNode after = evaluate("2028-02-01");
        assertThat(after.get("rulesetId").asText()).isEqualTo(B + "/2028-01-01");
        assertThat(after.get("keyFigures").has("zmianaLogiki2028")).isTrue();
        assertThat(evaluate("2027-03-01").at("/amounts/total").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(evaluate("2020-03-02").at("/amounts/total").decimalValue()).isEqualByComparingTo("1000.00");

        // the working copy holds what is served, so the release recorded at start-up is the one held before the restart
        assertThat(pl.ops.swiadczenia.testsupport.TreeHash.of(live)).as("the history in the working copy").isEqualTo(servedBefore);
        assertThat(ruleSets.releaseId()).isEqualTo(releaseBefore);
        String benefitYaml = given().queryParam("path", B + "/benefit.yaml").when()
                .get("/api/v1/releases/" + ruleSets.releaseId() + "/file").then().statusCode(200).extract().asString();
        assertThat(benefitYaml).isEqualTo(read("benefit.yaml")).contains("status: released");
        JsonNode d = json(given().contentType(ContentType.JSON).body(request("2028-02-01", "30000.00"))
                .when().post("/api/v1/decisions").then().statusCode(201).extract().asString());
        assertThat(d.get("releaseId").asText()).isEqualTo(releaseBefore);
        given().when().post("/api/v1/decisions/" + d.get("id").asText() + "/replay").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("IDENTICAL"));
        authoredRulesUnchanged("a restart");
    }

    @Test
    @Order(8)
    void aReleasedValueEditedInTheAuthoredRulesIsRefusedByTheScan() throws Exception {
        // a developer first commits what the service published (its working copy) into the authored rules: the scan
        // finds nothing new
        pl.ops.swiadczenia.testsupport.IsolatedRulesProfile.copy(live, source.resolve(B));
        Files.copy(live.getParent().resolve("released.sha256"), source.resolve("released.sha256"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        JsonNode scan = json(given().when().post("/api/v1/rulesets/scan").then().statusCode(200).extract().asString());
        assertThat(scan.toString()).doesNotContain(B);

        // then edits a released value there: the scan brings the edit into the working copy and refuses it
        Path amount = source.resolve(B).resolve(AMOUNT_FILE);
        String original = Files.readString(amount);
        Files.writeString(amount, original.replace("value: 1000.0", "value: 1500.0"));
        scan = json(given().when().post("/api/v1/rulesets/scan").then().statusCode(200).extract().asString());
        assertThat(scan.toString()).contains("\"rulesetId\":\"" + B + "\",\"action\":\"REFUSED\"");
        assertThat(read(AMOUNT_FILE)).contains("value: 1500.0");
        assertThat(evaluate("2020-03-02").at("/amounts/total").decimalValue()).isEqualByComparingTo("1000.00");
        // nor can anything be approved or published from files that differ from what was loaded
        Files.writeString(amount, original);
        scan = json(given().when().post("/api/v1/rulesets/scan").then().statusCode(200).extract().asString());
        assertThat(scan.toString()).doesNotContain(B);
        assertThat(read(AMOUNT_FILE)).isEqualTo(original);
    }

    /**
     * Next year's GUS farm income goes the same way through the API: one dated line with known_from in the income
     * module's parameter file and a draft entry; it validates without touching any released state (ADR 0016), is
     * approved and published, and from then on a family with a farm in the 2026/2027 period is decided (before: 422
     * naming 2025). Every earlier state of the module keeps its hash.
     */
    @Test
    @Order(9)
    void nextYearsGusFarmIncomeIsOneDatedLineAndLeavesEveryEarlierModuleStateAlone() throws Exception {
        String module = "/api/v1/rulesets/dochod_rodziny";
        Path dir = live.getParent().resolve("dochod_rodziny");
        String gusFile = "parametry/przecietny_dochod_z_1_ha_przeliczeniowego.yaml";
        String farm = request("2026-11-01", "30000.00").replace("\"dochodRodzinyRokBazowy\":30000.00,",
                "\"dochodRodzinyRokBazowy\":30000.00,\"dochod\":{\"hektaryPrzeliczeniowe\":2},");
        assertThat(farm).contains("hektaryPrzeliczeniowe");
        given().contentType(ContentType.JSON).body(farm).when().post("/api/v1/evaluations").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("2025"));
        Map<String, String> before = new HashMap<>();
        for (JsonNode r : json(given().when().get("/api/v1/rulesets").then().statusCode(200).extract().asString())
                .get("rulesets")) {
            if (r.get("id").asText().startsWith("dochod_rodziny/")) {
                before.put(r.get("id").asText(), r.get("sha256").asText());
            }
        }
        assertThat(before).containsKey("dochod_rodziny/2025-09-26");

        String gus = Files.readString(dir.resolve(gusFile)) + """
                  2025-01-01:
                    known_from: 2026-09-23
                    value: 6000
                    reference: "art. 5 ust. 8 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych (projekt testowy)"
                    verified_on: 2026-12-07
                """;
        String manifest = Files.readString(dir.resolve("benefit.yaml"));
        assertThat(manifest).contains("\nchanges:\n");
        manifest = manifest.replace("\nchanges:\n", "\nchanges:\n  2026-09-23:\n    summary: \"Obwieszczenie GUS za 2025 r. (test)\"\n"
                + "    summary_en: \"GUS 2025 (test)\"\n    status: draft\n");
        Map<String, Object> body = new HashMap<>();
        body.put("files", Map.of(gusFile, gus, "benefit.yaml", manifest));
        body.put("comment", "Obwieszczenie GUS");
        JsonNode report = json(given().header("Authorization", author()).contentType(ContentType.JSON).body(body)
                .when().put(module + "/2026-09-23").then().statusCode(200).extract().asString());
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.toString()).doesNotContain("immutability");
        assertThat(report.get("status").asText()).isEqualTo("draft");
        JsonNode draft = json(given().when().get(module + "/2026-09-23/draft").then().statusCode(200).extract().asString());
        given().header("Authorization", approver()).contentType(ContentType.JSON)
                .body(Map.of("comment", "Sprawdzone z M.P.", "contentSha256", draft.get("contentSha256").asText()))
                .when().post(module + "/2026-09-23/approval").then().statusCode(201);
        given().header("Authorization", author()).contentType(ContentType.JSON).body(Map.of("comment", "GUS 2025"))
                .when().post(module + "/2026-09-23/publication").then().statusCode(201);

        for (JsonNode r : json(given().when().get("/api/v1/rulesets").then().statusCode(200).extract().asString())
                .get("rulesets")) {
            String id = r.get("id").asText();
            if (before.containsKey(id)) {
                assertThat(r.get("sha256").asText()).as(id + " keeps its hash").isEqualTo(before.get(id));
            }
        }
        // 2 ha × 6 000 / 12 = 1 000 zł a month of farm income in the family's income from now on
        JsonNode decided = json(given().contentType(ContentType.JSON).body(farm).when().post("/api/v1/evaluations")
                .then().statusCode(200).extract().asString());
        assertThat(decided.toString()).contains("dochod_rodziny/2026-09-23").contains("1 000,00 zł");
    }
}
