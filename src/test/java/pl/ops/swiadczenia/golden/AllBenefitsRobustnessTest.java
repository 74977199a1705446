package pl.ops.swiadczenia.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.ruleset.NoRuleSetException;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetManifest;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.EvaluationService;
import pl.ops.swiadczenia.service.InvalidRequestException;

/**
 * No input may make a ruleset fail: every released version of every benefit is run on households that carry none of
 * its specific data (as in "all benefits that apply"). Each must answer with a decision, or with a 400/422-type
 * rejection — never a ruleset failure (which would be a 500).
 */
class AllBenefitsRobustnessTest {
    private static RuleSetRegistry registry;
    private static final RuleEvaluator EVALUATOR = new RuleEvaluator();

    @BeforeAll
    static void load() {
        registry = pl.ops.swiadczenia.golden.TestRegistry.get();
    }

    private static final String[] HOUSEHOLDS = {
        // W2-like family with income
        """
        {"dataZlozenia":"%1$s","dochodRodzinyRokBazowy":33696.00,"czlonkowieRodziny":[
          {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1982-03-14"},
          {"id":"ojciec","rola":"MALZONEK","dataUrodzenia":"1980-07-02"},
          {"id":"dziecko1","rola":"DZIECKO","dataUrodzenia":"2007-05-20","nauka":"SZKOLA"}]}
        """,
        // a single adult, no income stated
        """
        {"dataZlozenia":"%1$s","czlonkowieRodziny":[{"id":"osoba","rola":"WNIOSKODAWCA","dataUrodzenia":"1950-01-01","orzeczenie":"ZNACZNY"}]}
        """,
        // a newborn born on the legal date, income 0
        """
        {"dataZlozenia":"%1$s","dochodRodzinyRokBazowy":0,"czlonkowieRodziny":[
          {"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1990-01-01"},
          {"id":"noworodek","rola":"DZIECKO","dataUrodzenia":"%1$s","opiekaMedycznaOd10TygodniaCiazy":true}]}
        """
    };

    @TestFactory
    List<DynamicTest> everyBenefitAnswersWithoutFailing() {
        assertThat(registry.failures()).isEmpty();
        List<DynamicTest> out = new ArrayList<>();
        for (RuleSet rs : registry.all()) {
            if (!rs.released() || rs.manifest().kind() != RuleSetManifest.Kind.BENEFIT) {
                continue;
            }
            for (LocalDate d : List.of(rs.effectiveFrom(), rs.effectiveFrom().plusMonths(5).plusDays(14))) {
                for (int h = 0; h < HOUSEHOLDS.length; h++) {
                    String json = "{\"benefit\":\"" + rs.benefit() + "\",\"legalDate\":\"" + d + "\",\"wniosek\":"
                            + HOUSEHOLDS[h].formatted(d) + "}";
                    int n = h;
                    out.add(DynamicTest.dynamicTest(rs.id() + " on " + d + " household " + n, () -> {
                        EvaluationRequest req = CanonicalJson.MAPPER.readValue(json, EvaluationRequest.class);
                        try {
                            var e = EvaluationService.run(EVALUATOR, registry, req);
                            assertThat(e.outcome()).isNotNull();
                            assertThat(e.explanation()).as("a decision explains itself").isNotEmpty();
                        } catch (InvalidRequestException | NoRuleSetException expected) {
                            // a clear 400 / 422 is an acceptable answer
                        }
                    }));
                }
            }
        }
        return out;
    }
}
