package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dated history of a benefit (docs/adr/0014-law-as-data.md) on a private copy of „Za życiem” and the shared
 * concepts: adding next year's amount is one dated value and one change entry; it starts a new legal state, leaves
 * the hash of every earlier state as it was, and a draft is never selected to decide. Editing a past value changes
 * that past state's hash (the lock file catches it). Mistakes are reported with file and line.
 */
class HistoryLoaderTest {
    private static final String BENEFIT = "jednorazowe_swiadczenie_za_zyciem";
    private static final HistoryLoader LOADER = new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)).history();

    @TempDir
    static Path tmp;
    static Path root;

    @BeforeAll
    static void copy() throws IOException {
        root = tmp.resolve("rules");
        copyTree(Path.of("rules", BENEFIT), root.resolve(BENEFIT));
        copyTree(Path.of("rules", "wspolne"), root.resolve("wspolne"));
        copyTree(Path.of("rules", "dochod_rodziny"), root.resolve("dochod_rodziny"));
    }

    @Test
    void aNewYearlyAmountIsOneDatedValueAndLeavesEarlierStatesAlone() throws IOException {
        Path benefit = root.resolve(BENEFIT);
        HistoryLoader.Result before = LOADER.analyse(benefit);
        assertThat(before.ok()).as(before.findings().toString()).isTrue();
        Map<LocalDate, String> hashesBefore = hashes(before.states());
        assertThat(hashesBefore).containsOnlyKeys(LocalDate.of(2017, 1, 1));
        LocalDate last = LocalDate.of(2017, 1, 1);

        Path param = benefit.resolve("parametry/jednorazowe_swiadczenie_kwota.yaml");
        String original = Files.readString(param);
        Path manifest = benefit.resolve("benefit.yaml");
        String originalManifest = Files.readString(manifest);
        try {
            Files.writeString(param, original + """
                      2027-01-01:
                        value: 5000.00
                        reference: "art. 10 ust. 1 ustawy z dnia 4 listopada 2016 r. o wsparciu kobiet w ciąży i rodzin „Za życiem” (przykład w teście)"
                        verified_on: 2026-12-07
                    """);
            Files.writeString(manifest, originalManifest + """
                      2027-01-01:
                        summary: "Przykład w teście: nowa kwota od 1 stycznia 2027 r."
                        status: draft
                    """);
            HistoryLoader.Result draft = LOADER.analyse(benefit);
            assertThat(draft.ok()).as(draft.findings().toString()).isTrue();
            assertThat(draft.states()).extracting(RuleSet::id).containsExactly(BENEFIT + "/2017-01-01", BENEFIT + "/2027-01-01");
            RuleSet s2027 = draft.states().get(1);
            assertThat(s2027.released()).isFalse();
            assertThat(s2027.parameters().get("jednorazowe_swiadczenie_kwota").wartosc()).isEqualTo(new BigDecimal("5000.00"));
            // the earlier state is exactly what it was, and it still has the old amount
            assertThat(hashes(draft.states())).containsAllEntriesOf(hashesBefore);
            assertThat(draft.states().get(0).parameters().get("jednorazowe_swiadczenie_kwota").wartosc())
                    .isEqualTo(new BigDecimal("4000.00"));
            // a draft never decides: a case of 2027 is still decided by the last released state
            RuleSetRegistry reg = registryOf(draft.states());
            assertThat(reg.select(BENEFIT, LocalDate.of(2027, 3, 1)).id()).isEqualTo(BENEFIT + "/" + last);

            // released: the 2027 state decides cases from 2027 on; the 2017 state still has its own hash
            Files.writeString(manifest, originalManifest + """
                      2027-01-01:
                        summary: "Przykład w teście: nowa kwota od 1 stycznia 2027 r."
                    """);
            HistoryLoader.Result released = LOADER.analyse(benefit);
            assertThat(released.ok()).isTrue();
            RuleSetRegistry reg2 = registryOf(released.states());
            assertThat(reg2.select(BENEFIT, LocalDate.of(2027, 3, 1)).id()).isEqualTo(BENEFIT + "/2027-01-01");
            assertThat(reg2.select(BENEFIT, LocalDate.of(2026, 12, 31)).id()).isEqualTo(BENEFIT + "/" + last);
            assertThat(hashes(released.states())).containsAllEntriesOf(hashesBefore);
        } finally {
            Files.writeString(param, original);
            Files.writeString(manifest, originalManifest);
        }
    }

    /**
     * A value read on another date than the legal date (scope: history) — here the GUS farm income per hectare of
     * a base year — is one dated line with the day it became known (known_from: the announcement). It starts a new
     * state on that day; every earlier state keeps its hash and does not see the value (a year without a known value
     * has none, never the previous year's), so the released lock and stored decisions stay valid.
     */
    @Test
    void aValueAnnouncedLaterIsOneDatedLineAndStartsAStateOnTheDayItIsKnown() throws IOException {
        Path module = root.resolve("dochod_rodziny");
        HistoryLoader.Result before = LOADER.analyse(module);
        assertThat(before.ok()).as(before.findings().toString()).isTrue();
        Map<LocalDate, String> hashesBefore = hashes(before.states());
        String name = "przecietny_dochod_z_1_ha_przeliczeniowego";
        RuleSet lastBefore = before.states().get(before.states().size() - 1);
        // 2024 announced 26.09.2025: the state of that day sees it, the state before does not
        assertThat(lastBefore.version()).isEqualTo(LocalDate.of(2025, 9, 26));
        assertThat(lastBefore.history().get(name).get(LocalDate.of(2024, 1, 1)).wartosc()).isEqualTo(5429);
        assertThat(lastBefore.history().get(name).get(LocalDate.of(2025, 1, 1)).wartosc()).isNull();
        RuleSet state2024 = before.states().get(before.states().size() - 2);
        assertThat(state2024.history().get(name).get(LocalDate.of(2024, 1, 1)).wartosc()).as("2024 not yet announced").isNull();
        assertThat(state2024.history().get(name).get(LocalDate.of(2023, 1, 1)).wartosc()).isEqualTo(5451);

        Path param = module.resolve("parametry/" + name + ".yaml");
        String original = Files.readString(param);
        try {
            Files.writeString(param, original + """
                      2025-01-01:
                        known_from: 2026-09-23
                        value: 6000
                        reference: "art. 5 ust. 8 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych (przykład w teście)"
                        verified_on: 2026-12-07
                    """);
            HistoryLoader.Result after = LOADER.analyse(module);
            assertThat(after.ok()).as(after.findings().toString()).isTrue();
            Map<LocalDate, String> hashesAfter = hashes(after.states());
            assertThat(hashesAfter).containsAllEntriesOf(hashesBefore).hasSize(hashesBefore.size() + 1);
            RuleSet announced = after.states().get(after.states().size() - 1);
            assertThat(announced.version()).isEqualTo(LocalDate.of(2026, 9, 23));
            assertThat(announced.released()).isTrue();
            assertThat(announced.manifest().summary()).contains("Przeciętny dochód z pracy", "za 2025 r., znana od 23.09.2026");
            assertThat(announced.history().get(name).get(LocalDate.of(2025, 1, 1)).wartosc()).isEqualTo(6000);
            assertThat(announced.history().get(name).get(LocalDate.of(2026, 1, 1)).wartosc()).isNull();
            // the state that gives way to it still has no value for 2025
            RuleSet previous = after.states().get(after.states().size() - 2);
            assertThat(previous.version()).isEqualTo(LocalDate.of(2025, 9, 26));
            assertThat(previous.history().get(name).get(LocalDate.of(2025, 1, 1)).wartosc()).isNull();

            // a per-year value must be dated 1 January of its year
            Files.writeString(param, original + """
                      2025-06-01:
                        known_from: 2026-09-23
                        value: 6000
                        reference: "art. 5 ust. 8 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych (przykład w teście)"
                        verified_on: 2026-12-07
                    """);
            HistoryLoader.Result wrong = LOADER.analyse(module);
            assertThat(wrong.findings().stream().filter(Finding::isError).map(Finding::format))
                    .anySatisfy(e -> assertThat(e).startsWith("parametry/" + name + ".yaml:")
                            .contains("with per: year a value is dated 1 January"));
        } finally {
            Files.writeString(param, original);
        }
    }

    @Test
    void changingAPastValueChangesThatStatesHash() throws IOException {
        Path benefit = root.resolve(BENEFIT);
        String before = LOADER.analyse(benefit).states().get(0).sha256();
        Path param = benefit.resolve("parametry/jednorazowe_swiadczenie_kwota.yaml");
        String original = Files.readString(param);
        try {
            Files.writeString(param, original.replace("value: 4000.0", "value: 4100.0"));
            assertThat(Files.readString(param)).contains("4100.0");
            String after = LOADER.analyse(benefit).states().get(0).sha256();
            assertThat(after).isNotEqualTo(before);
        } finally {
            Files.writeString(param, original);
        }
    }

    @Test
    void aValueWithoutItsCitationAndAnUndocumentedChangeAreNamedWithFileAndLine() throws IOException {
        Path benefit = root.resolve(BENEFIT);
        Path param = benefit.resolve("parametry/jednorazowe_swiadczenie_kwota.yaml");
        String original = Files.readString(param);
        try {
            Files.writeString(param, original + """
                      2028-01-01:
                        value: 5000.00
                        verified_on: 2026-12-07
                    """);
            HistoryLoader.Result r = LOADER.analyse(benefit);
            assertThat(r.ok()).isFalse();
            List<String> errors = r.findings().stream().filter(Finding::isError).map(Finding::format).toList();
            assertThat(errors).anySatisfy(e -> assertThat(e)
                    .startsWith("parametry/jednorazowe_swiadczenie_kwota.yaml:")
                    .contains("value 2028-01-01: reference (act, article, ustęp, punkt) is required"));
        } finally {
            Files.writeString(param, original);
        }
    }

    /**
     * A number of law written into a rule instead of a dated parameter (here the 4 000 zł of art. 10 ust. 1 of the
     * „Za życiem” act) is refused with file and line, as it was in the version folders; a technical number marked
     * „// techniczne: …” is not.
     */
    @Test
    void aNumberOfLawWrittenInALogicFileIsRefusedWithFileAndLine() throws IOException {
        Path benefit = root.resolve(BENEFIT);
        Path logic = Files.list(benefit.resolve("logika")).sorted().findFirst().orElseThrow();
        Path file = logic.resolve("kwota_na_sztywno.drl");
        try {
            Files.writeString(file, """
                    import pl.ops.swiadczenia.fakty.*;
                    import java.math.BigDecimal;

                    rule "art10_ust1_kwota_na_sztywno"
                        @act("zazyciem") @article("10") @paragraph("1") @description("Kwota wpisana w regułę")
                    when
                        Wniosek()
                    then
                        insert( new WartoscWyniku( "kwotaNaSztywno", BigDecimal.valueOf(4000) ) );
                        insert( new WartoscWyniku( "dniTygodnia", 7 ) ); // techniczne: dni w tygodniu
                    end
                    """);
            HistoryLoader.Result r = LOADER.analyse(benefit);
            assertThat(r.ok()).isFalse();
            List<String> errors = r.findings().stream().filter(Finding::isError).map(Finding::format).toList();
            String name = "logika/" + logic.getFileName() + "/kwota_na_sztywno.drl";
            assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(name + ":9:").contains("[legal-numbers]")
                    .contains("liczba 4000 "));
            assertThat(errors).noneSatisfy(e -> assertThat(e).startsWith(name + ":10:"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theConceptsLogicAndTheBenefitsLogicMakeOneStateWithCitationsOfBoth() {
        RuleSet s = LOADER.analyse(root.resolve(BENEFIT)).states().get(0);
        assertThat(s.fromHistory()).isTrue();
        assertThat(s.sources().keySet()).anyMatch(k -> k.startsWith("../wspolne/terminy/logika/"));
        assertThat(s.citations().get("art57_par4_koniec_terminu_w_sobote").text())
                .startsWith("art. 57 § 4 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego");
        assertThat(s.templates()).containsKey("art10_ust7_wniosek_po_terminie");
        assertThat(s.history()).containsKey("dni_wolne_stale");
    }

    private static Map<LocalDate, String> hashes(List<RuleSet> states) {
        return states.stream().collect(Collectors.toMap(RuleSet::version, RuleSet::sha256));
    }

    private static RuleSetRegistry registryOf(List<RuleSet> states) {
        RuleSetRegistry r = RuleSetRegistry.empty(root);
        for (RuleSet s : states) {
            r = r.with(s);
        }
        return r;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
