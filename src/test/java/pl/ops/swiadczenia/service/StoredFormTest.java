package pl.ops.swiadczenia.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.decyzja.Amounts;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.decyzja.ExplanationStep;
import pl.ops.swiadczenia.decyzja.LegalCitation;
import pl.ops.swiadczenia.decyzja.Outcome;

/** Citations by reference in the stored result: stored once, written out on reading, byte for byte. */
class StoredFormTest {
    private static final LegalCitation ART_5 = new LegalCitation("usr", "Ustawa z dnia 28 listopada 2003 r. o świadczeniach rodzinnych",
            "5", "1", null, null, "art. 5 ust. 1 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych",
            "Article 5(1) of the Act of 28 November 2003 on family benefits");
    private static final ExplanationStep.ParameterUse KRYTERIUM = new ExplanationStep.ParameterUse(
            "kryterium_dochodowe", new BigDecimal("674.00"), "zł", "§ 1 pkt 1 lit. a rozporządzenia z 2021 r.");

    private static Evaluation evaluation() {
        List<ExplanationStep> steps = List.of(
                new ExplanationStep(1, "art5_ust1_kryterium", "Kryterium dochodowe: 674,00 zł.", "Income threshold: PLN 674.00.",
                        Map.of("kryterium", new BigDecimal("674.00")), ART_5, List.of(KRYTERIUM)),
                new ExplanationStep(2, "art5_ust1_dochod", "Dochód na osobę 700,00 zł przekracza kryterium.",
                        "Income per person PLN 700.00 exceeds the threshold.", Map.of(), ART_5, List.of(KRYTERIUM)),
                new ExplanationStep(3, "bez_podstawy", "Krok bez przepisu.", "A step without a provision.", Map.of(), null,
                        List.of()));
        Amounts amounts = new Amounts("PLN", new BigDecimal("95.00"), List.of(new Amounts.MonthAmount(
                YearMonth.of(2024, 1), new BigDecimal("95.00"), List.of(new Amounts.Item("zasilek_rodzinny", "d1",
                new BigDecimal("95.00"))))), List.of(), List.of());
        return new Evaluation("zasilek_rodzinny", "zasilek_rodzinny/2023-11-01", "2023-11-01", "ab".repeat(32),
                LocalDate.of(2024, 1, 10), List.of(), Outcome.GRANTED, amounts, Map.of(), steps, List.of("a", "b"));
    }

    @Test
    void eachCitationIsStoredOnceAndTheReadFormIsTheFullEvaluationByteForByte() {
        Evaluation e = evaluation();
        StoredForm.Compacted c = StoredForm.compact(e);
        // two distinct entries: the citation of art. 5 ust. 1 and the parameter use, though each appears twice
        assertThat(c.catalogue()).hasSize(2);
        assertThat(c.json()).doesNotContain("o świadczeniach rodzinnych").doesNotContain("rozporządzenia")
                .contains("\"legalBasis\":\"#").contains("\"legalBasis\":null");
        assertThat(c.json().length()).isLessThan(CanonicalJson.write(e).length());
        JsonNode stored = CanonicalJson.tree(c.json());
        assertThat(StoredForm.isCompact(stored)).isTrue();
        JsonNode read = StoredForm.expand(stored, c.catalogue()::get);
        assertThat(CanonicalJson.write(read)).isEqualTo(CanonicalJson.write(e));
    }

    @Test
    void theKeyIsTheContentSoTheSameCitationHasTheSameKeyInEveryDecision() {
        StoredForm.Compacted a = StoredForm.compact(evaluation());
        StoredForm.Compacted b = StoredForm.compact(evaluation());
        assertThat(a.json()).isEqualTo(b.json());
        assertThat(a.catalogue()).isEqualTo(b.catalogue());
        a.catalogue().forEach((k, body) -> assertThat(StoredForm.key(body)).isEqualTo(k).matches("#[0-9a-f]{16}"));
    }

    /** 674.0 and 674.00 are different texts of a value: they never share a catalogue entry (nor a cached key). */
    @Test
    void aValueWithAnotherScaleIsAnotherEntry() {
        ExplanationStep.ParameterUse scaleOne = new ExplanationStep.ParameterUse(
                "kryterium_dochodowe", new BigDecimal("674.0"), "zł", "§ 1 pkt 1 lit. a rozporządzenia z 2021 r.");
        Evaluation e = evaluation();
        Evaluation other = new Evaluation(e.benefit(), e.rulesetId(), e.rulesetVersion(), e.rulesetSha256(),
                e.legalDate(), e.modules(), e.outcome(), e.amounts(), e.keyFigures(), List.of(new ExplanationStep(1,
                "art5_ust1_kryterium", "Kryterium.", "Threshold.", Map.of(), ART_5, List.of(scaleOne))), e.firedRules());
        String a = StoredForm.compact(e).catalogue().keySet().toString();
        StoredForm.Compacted b = StoredForm.compact(other);
        assertThat(b.catalogue()).hasSize(2);
        b.catalogue().forEach((k, body) -> assertThat(StoredForm.key(body)).isEqualTo(k));
        assertThat(b.catalogue().values()).anySatisfy(body -> assertThat(body).contains("674.0,").doesNotContain("674.00"));
        assertThat(a).doesNotContain(b.catalogue().keySet().stream().filter(k -> b.catalogue().get(k).contains("674.0,"))
                .findFirst().orElseThrow());
    }

    @Test
    void aChangedOrMissingCatalogueEntryIsReportedNotShown() {
        StoredForm.Compacted c = StoredForm.compact(evaluation());
        JsonNode stored = CanonicalJson.tree(c.json());
        Map<String, String> tampered = new HashMap<>(c.catalogue());
        tampered.replaceAll((k, v) -> v.replace("674.00", "574.00"));
        assertThatThrownBy(() -> StoredForm.expand(stored, tampered::get)).hasMessageContaining("does not match");
        assertThatThrownBy(() -> StoredForm.expand(stored, k -> null)).hasMessageContaining("has no entry");
    }

    @Test
    void aResultStoredWithFullCitationsIsReadUnchanged() {
        String full = CanonicalJson.write(evaluation());
        JsonNode stored = CanonicalJson.tree(full);
        assertThat(StoredForm.isCompact(stored)).isFalse();
        assertThat(CanonicalJson.write(StoredForm.expand(stored, k -> null))).isEqualTo(full);
        assertThat(ReplayService.storedForm(evaluation(), full)).isEqualTo(full);
        assertThat(ReplayService.storedForm(evaluation(), StoredForm.compact(evaluation()).json()))
                .isEqualTo(StoredForm.compact(evaluation()).json());
    }
}
