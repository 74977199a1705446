package pl.ops.swiadczenia.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.golden.GoldenCase;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;

/**
 * A decision stored under a version folder that a dated history replaced (its hash is in rules/retired.sha256) is
 * replayed as RETIRED_REPRESENTATION: only outcome and amount differences count, never DIFFERENT
 * (docs/adr/0014-law-as-data.md). A decision with an unknown hash whose document differs stays DIFFERENT.
 */
class RetiredReplayTest {
    private static final String BENEFIT = "jednorazowe_swiadczenie_za_zyciem";
    /** The hash of rules/jednorazowe_swiadczenie_za_zyciem/2017-01-01 before the migration (rules/retired.sha256). */
    private static final String RETIRED = "fe52a743dd87465bcc0946a82cea4b016cb33f48f9ef3c036a3bb8cdec6b28fc";
    private static RuleSetRegistry registry;
    private static String request;
    private static String current;

    @BeforeAll
    static void load() throws Exception {
        registry = RuleSetRegistry.load(Path.of("rules"), new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)),
                b -> b.equals(BENEFIT));
        GoldenCase z01 = GoldenCase.load(Path.of("test-cases", BENEFIT)).stream()
                .filter(c -> c.name().startsWith("Z01")).findFirst().orElseThrow();
        EvaluationRequest req = CanonicalJson.MAPPER.treeToValue(z01.input(), EvaluationRequest.class);
        request = CanonicalJson.write(req);
        current = CanonicalJson.write(EvaluationService.run(new RuleEvaluator(), registry, req));
    }

    private static ReplayService.StoredReplay replay(String hash, String stored) throws Exception {
        return ReplayService.replayStored(registry, new RuleEvaluator(), "d1", BENEFIT, LocalDate.of(2017, 1, 1),
                BENEFIT + "/2017-01-01", hash, LocalDate.of(2018, 3, 15), request, stored);
    }

    @Test
    void theRetiredHashIsListed() {
        assertThat(registry.retiredFolder(RETIRED)).contains(BENEFIT + "/2017-01-01");
    }

    @Test
    void anOldDocumentWithTheSameOutcomeAndAmountsIsRetiredWithNoDifference() throws Exception {
        ObjectNode old = (ObjectNode) CanonicalJson.tree(current);
        old.put("rulesetSha256", RETIRED);
        ((ObjectNode) old.get("explanation").get(0)).put("textPl", "Wniosek dotyczy dziecka dziecko urodzonego 2018-03-15.");
        ReplayService.StoredReplay r = replay(RETIRED, CanonicalJson.MAPPER.writeValueAsString(old));
        assertThat(r.identical()).isFalse();
        assertThat(r.retired()).isTrue();
        assertThat(r.differences()).isEmpty();
    }

    @Test
    void anOldDocumentWithOtherAmountsIsRetiredAndListsOnlyTheAmounts() throws Exception {
        ObjectNode old = (ObjectNode) CanonicalJson.tree(current);
        old.put("rulesetSha256", RETIRED);
        ((ObjectNode) old.get("amounts")).put("total", 3000.00);
        ((ObjectNode) old.get("explanation").get(0)).put("textPl", "inny tekst");
        ReplayService.StoredReplay r = replay(RETIRED, CanonicalJson.MAPPER.writeValueAsString(old));
        assertThat(r.retired()).isTrue();
        assertThat(r.differences()).isNotEmpty();
        assertThat(r.differences()).allSatisfy(d -> assertThat(d.toString()).contains("amounts"));
    }

    @Test
    void anUnknownHashWithAnotherDocumentIsDifferent() throws Exception {
        ObjectNode old = (ObjectNode) CanonicalJson.tree(current);
        ((ObjectNode) old.get("explanation").get(0)).put("textPl", "inny tekst");
        ReplayService.StoredReplay r = replay("0".repeat(64), CanonicalJson.MAPPER.writeValueAsString(old));
        assertThat(r.identical()).isFalse();
        assertThat(r.retired()).isFalse();
        assertThat(r.differences()).isNotEmpty();
    }

    @Test
    void theCurrentDocumentReplaysIdentical() throws Exception {
        String hash = registry.find(BENEFIT, LocalDate.of(2017, 1, 1)).orElseThrow().sha256();
        ReplayService.StoredReplay r = replay(hash, current);
        assertThat(r.identical()).isTrue();
        assertThat(r.rulesetHashMatches()).isTrue();
    }

    /**
     * Czyste Powietrze, certificate requested 2.10.2023 for a household with a farm (golden case CP-D01): decided today
     * by the state of 23.09.2023, the day the GUS value of 2022 is known from. Stored before that split, under the
     * state 2023-01-03 (hash below, now in rules/retired.sha256), the decision replays under the state in force on its
     * legal date with the same outcome and amounts — not under the state of the same id, which no longer knows the
     * 2022 value and could not issue the certificate.
     */
    @Test
    void aDecisionOfAStateSplitSinceReplaysUnderTheStateInForceOnItsLegalDate() throws Exception {
        String cp = "zaswiadczenie_czyste_powietrze";
        String oldHash = "6f8c5cb191248e677027f961dff6cbe39a85486021a19a17ce4b3b201ff6f989";
        RuleSetRegistry reg = RuleSetRegistry.load(Path.of("rules"),
                new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)), b -> b.equals(cp));
        assertThat(reg.retiredFolder(oldHash)).contains(cp + "/2023-01-03");
        GoldenCase d01 = GoldenCase.load(Path.of("test-cases", cp)).stream()
                .filter(c -> c.name().startsWith("CP-D01")).findFirst().orElseThrow();
        EvaluationRequest req = CanonicalJson.MAPPER.treeToValue(d01.input(), EvaluationRequest.class);
        pl.ops.swiadczenia.decyzja.Evaluation now = EvaluationService.run(new RuleEvaluator(), reg, req);
        assertThat(now.rulesetId()).isEqualTo(cp + "/2023-09-23");
        assertThat(reg.find(cp, LocalDate.of(2023, 1, 3)).orElseThrow().history()
                .get("przecietny_dochod_z_1_ha_przeliczeniowego").get(LocalDate.of(2022, 1, 1)).wartosc()).isNull();

        ObjectNode old = (ObjectNode) CanonicalJson.tree(CanonicalJson.write(now));
        old.put("rulesetId", cp + "/2023-01-03");
        old.put("rulesetVersion", "2023-01-03");
        old.put("rulesetSha256", oldHash);
        ReplayService.StoredReplay r = ReplayService.replayStored(reg, new RuleEvaluator(), "d2", cp, LocalDate.of(2023, 1, 3),
                cp + "/2023-01-03", oldHash, LocalDate.of(2023, 10, 2), CanonicalJson.write(req),
                CanonicalJson.MAPPER.writeValueAsString(old));
        assertThat(r.retired()).isTrue();
        assertThat(r.rulesetId()).isEqualTo(cp + "/2023-09-23");
        assertThat(r.differences()).isEmpty();
    }
}
