package pl.ops.swiadczenia.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import pl.ops.swiadczenia.testsupport.Tokens;

/**
 * Issue 14, point 3: no scalar coercion and no lenient text. Each hostile variant of a valid request (which itself is
 * decided, so the variants fail for their own reason) is a 400 problem+json naming the field: a number for a text, a
 * text for a number, 0/1/"true" for a boolean, a date with spaces, a time or outside 1900–2100, an unpaired UTF-16
 * surrogate (which was stored as "?" and never replayed again).
 */
@QuarkusTest
class StrictJsonTest {
    static final String VALID = """
            {"benefit":"zasilek_rodzinny","legalDate":"2025-03-03","caseReference":"OPS.5211.1.2025",
             "wniosek":{"dataZlozenia":"2025-03-03","dochodRodzinyRokBazowy":18000.00,
              "czlonkowieRodziny":[
               {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1985-02-01"},
               {"id":"dziecko","rola":"DZIECKO","dataUrodzenia":"2015-04-10","nauka":"SZKOLA","rozpoczynaRokSzkolny":false}]}}
            """;

    @BeforeAll
    static void token() {
        Tokens.useAllRoles();
    }

    record Variant(String name, String from, String to, String field) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("number for a text", "\"caseReference\":\"OPS.5211.1.2025\"", "\"caseReference\":123", "caseReference"),
            new Variant("text for a number", "\"dochodRodzinyRokBazowy\":18000.00", "\"dochodRodzinyRokBazowy\":\"18000.00\"",
                    "wniosek.dochodRodzinyRokBazowy"),
            new Variant("0 for a boolean", "\"rozpoczynaRokSzkolny\":false", "\"rozpoczynaRokSzkolny\":0",
                    "wniosek.czlonkowieRodziny[1].rozpoczynaRokSzkolny"),
            new Variant("1 for a boolean", "\"rozpoczynaRokSzkolny\":false", "\"rozpoczynaRokSzkolny\":1",
                    "wniosek.czlonkowieRodziny[1].rozpoczynaRokSzkolny"),
            new Variant("\"true\" for a boolean", "\"rozpoczynaRokSzkolny\":false", "\"rozpoczynaRokSzkolny\":\"true\"",
                    "wniosek.czlonkowieRodziny[1].rozpoczynaRokSzkolny"),
            new Variant("date with spaces", "\"legalDate\":\"2025-03-03\"", "\"legalDate\":\" 2025-03-03 \"", "legalDate"),
            new Variant("date with a time", "\"dataZlozenia\":\"2025-03-03\"", "\"dataZlozenia\":\"2025-03-03T00:00:00Z\"",
                    "wniosek.dataZlozenia"),
            new Variant("date 0001-01-01", "\"dataUrodzenia\":\"1985-02-01\"", "\"dataUrodzenia\":\"0001-01-01\"",
                    "wniosek.czlonkowieRodziny[0].dataUrodzenia"),
            new Variant("date 9999-12-31", "\"dataUrodzenia\":\"2015-04-10\"", "\"dataUrodzenia\":\"9999-12-31\"",
                    "wniosek.czlonkowieRodziny[1].dataUrodzenia"),
            new Variant("date as a number", "\"legalDate\":\"2025-03-03\"", "\"legalDate\":20250303", "legalDate"),
            new Variant("a PESEL in caseReference", "\"caseReference\":\"OPS.5211.1.2025\"",
                    "\"caseReference\":\"sprawa 44051401359\"", "caseReference"),
            new Variant("a PESEL in a member id", "\"id\":\"matka\"", "\"id\":\"x44051401359\"",
                    "wniosek.czlonkowieRodziny[0].id"),
            new Variant("a PESEL in Arabic-Indic digits", "\"caseReference\":\"OPS.5211.1.2025\"",
                    "\"caseReference\":\"\u0664\u0664\u0660\u0665\u0661\u0664\u0660\u0661\u0663\u0665\u0669\"", "caseReference"),
            new Variant("a PESEL in fullwidth digits", "\"caseReference\":\"OPS.5211.1.2025\"",
                    "\"caseReference\":\"\uff14\uff14\uff10\uff15\uff11\uff14\uff10\uff11\uff13\uff15\uff19\"", "caseReference"),
            new Variant("unpaired surrogate", "\"caseReference\":\"OPS.5211.1.2025\"", "\"caseReference\":\"OPS\\ud800x\"",
                    "caseReference"));

    @Test
    void theValidRequestIsDecided() {
        given().contentType(ContentType.JSON).body(VALID).when().post("/api/v1/evaluations").then().statusCode(200);
    }

    @TestFactory
    List<DynamicTest> hostileVariantsAre400NamingTheField() {
        return VARIANTS.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            assertThat(VALID).contains(v.from());
            String body = VALID.replace(v.from(), v.to());
            for (String path : List.of("/api/v1/evaluations", "/api/v1/decisions")) {
                String answer = given().contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", org.hamcrest.Matchers.hasItem(v.field())).extract().asString();
                assertThat(answer).as("the number is never echoed").doesNotContain("44051401359")
                        .doesNotContain("\u0664\u0664\u0660").doesNotContain("\uff14\uff14");
            }
        })).toList();
    }
}
