package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporal coverage: for each benefit, every date from the first released version to one year after the last maps
 * to exactly one released version, with no gap and no overlap; drafts are never selected.
 */
class RuleSetCoverageTest {
    private static RuleSetRegistry registry;

    @BeforeAll
    static void load() {
        registry = pl.ops.swiadczenia.golden.TestRegistry.get();
        assertThat(registry.failures()).as("every version folder loads").isEmpty();
    }

    @Test
    void everyDateFromTheFirstVersionMapsToExactlyOneReleasedVersion() {
        assertThat(registry.benefits()).contains("zasilek_rodzinny");
        for (String benefit : registry.benefits()) {
            TreeMap<LocalDate, RuleSet> released = new TreeMap<>();
            registry.all().stream().filter(rs -> rs.benefit().equals(benefit) && rs.released())
                    .forEach(rs -> released.put(rs.effectiveFrom(), rs));
            assertThat(released).as(benefit + " has released versions").isNotEmpty();
            LocalDate last = released.lastKey().plusYears(1);
            for (LocalDate d = released.firstKey(); !d.isAfter(last); d = d.plusDays(1)) {
                final LocalDate day = d;
                List<RuleSet> inForce = released.values().stream()
                        .filter(rs -> rs.covers(day))
                        .filter(rs -> released.higherEntry(rs.effectiveFrom()) == null
                                || day.isBefore(released.higherKey(rs.effectiveFrom())))
                        .toList();
                assertThat(inForce).as(benefit + " on " + day).hasSize(1);
                assertThat(registry.select(benefit, day).id()).as(benefit + " selected on " + day).isEqualTo(inForce.get(0).id());
            }
            // an effective_to must not leave a gap before the next version
            for (Map.Entry<LocalDate, RuleSet> e : released.entrySet()) {
                LocalDate to = e.getValue().effectiveTo();
                Map.Entry<LocalDate, RuleSet> next = released.higherEntry(e.getKey());
                if (to != null && next != null) {
                    assertThat(to.plusDays(1)).as(e.getValue().id() + " ends right before the next version").isEqualTo(next.getKey());
                }
            }
        }
    }

    @Test
    void datesBeforeTheFirstVersionHaveNoRuleset() {
        assertThatThrownBy(() -> registry.select("zasilek_rodzinny", LocalDate.of(2012, 10, 31)))
                .isInstanceOf(NoRuleSetException.class);
        assertThat(registry.select("zasilek_rodzinny", LocalDate.of(2012, 11, 1)).id()).isEqualTo("zasilek_rodzinny/2012-11-01");
    }

    @Test
    void versionBoundariesSelectTheNewVersionOnItsFirstDay() {
        assertThat(registry.select("zasilek_rodzinny", LocalDate.of(2014, 10, 31)).id()).isEqualTo("zasilek_rodzinny/2012-11-01");
        assertThat(registry.select("zasilek_rodzinny", LocalDate.of(2014, 11, 1)).id()).isEqualTo("zasilek_rodzinny/2014-11-01");
        assertThat(registry.select("zasilek_rodzinny", LocalDate.of(2015, 12, 31)).id()).isEqualTo("zasilek_rodzinny/2015-11-01");
        assertThat(registry.select("zasilek_rodzinny", LocalDate.of(2016, 1, 1)).id()).isEqualTo("zasilek_rodzinny/2016-01-01");
        assertThat(registry.select("zasilek_rodzinny", LocalDate.of(2016, 10, 31)).id()).isEqualTo("zasilek_rodzinny/2016-01-01");
        assertThat(registry.select("zasilek_rodzinny", LocalDate.of(2016, 11, 1)).id()).isEqualTo("zasilek_rodzinny/2016-11-01");
        assertThat(registry.select("zasilek_rodzinny", LocalDate.of(2018, 11, 1)).id()).isEqualTo("zasilek_rodzinny/2018-11-01");
        assertThat(registry.select("zasilek_rodzinny", LocalDate.of(2021, 11, 1)).id()).isEqualTo("zasilek_rodzinny/2021-11-01");
        // 2024-11-01 is a draft (Dz.U. position of the 2024 regulation not verified): never selected
        assertThat(registry.find("zasilek_rodzinny", LocalDate.of(2024, 11, 1))).get().matches(rs -> !rs.released());
        assertThat(registry.select("zasilek_rodzinny", LocalDate.of(2026, 11, 25)).id()).isEqualTo("zasilek_rodzinny/2021-11-01");
    }

    @Test
    void draftVersionsAreCompiledAndListedButNeverSelected(@TempDir Path tmp) throws IOException {
        Path src = Path.of("src/test/resources/fixtures/rules-folders/zasilek_rodzinny/2016-11-01");
        Path released = tmp.resolve("zasilek_rodzinny/2016-11-01");
        Path draft = tmp.resolve("zasilek_rodzinny/2030-11-01");
        copy(src, released, null);
        copy(src, draft, "2030-11-01");

        RuleSetRegistry r = RuleSetRegistry.load(tmp, new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)));

        assertThat(r.failures()).isEmpty();
        assertThat(r.find("zasilek_rodzinny", LocalDate.of(2030, 11, 1))).isPresent()
                .get().matches(rs -> !rs.released());
        assertThat(r.select("zasilek_rodzinny", LocalDate.of(2031, 1, 1)).id()).isEqualTo("zasilek_rodzinny/2016-11-01");
    }

    @Test
    void aVersionWithAWrongPackageOrMissingParameterIsRejected(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("zasilek_rodzinny/2016-11-01");
        copy(Path.of("src/test/resources/fixtures/rules-folders/zasilek_rodzinny/2016-11-01"), bad, null);
        String params = Files.readString(bad.resolve("parameters.yaml"));
        Files.writeString(bad.resolve("parameters.yaml"), params.replace("kryterium_dochodowe:", "kryterium_dochodowe_x:"));

        RuleSetRegistry r = RuleSetRegistry.load(tmp, new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL)));

        assertThat(r.failures()).containsKey("zasilek_rodzinny/2016-11-01");
        assertThat(r.failures().get("zasilek_rodzinny/2016-11-01")).contains("kryterium_dochodowe");
        assertThatThrownBy(() -> r.select("zasilek_rodzinny", LocalDate.of(2017, 1, 1))).isInstanceOf(NoRuleSetException.class);
    }

    @Test
    void theHashCoversEveryFile(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a/zasilek_rodzinny/2016-11-01");
        copy(Path.of("src/test/resources/fixtures/rules-folders/zasilek_rodzinny/2016-11-01"), a, null);
        String before = RuleSetLoader.sha256(a);
        assertThat(before).isEqualTo(RuleSetLoader.sha256(Path.of("src/test/resources/fixtures/rules-folders/zasilek_rodzinny/2016-11-01")));
        Files.writeString(a.resolve("parameters.yaml"), Files.readString(a.resolve("parameters.yaml")) + "\n");
        assertThat(RuleSetLoader.sha256(a)).isNotEqualTo(before);
    }

    /** Copies a version folder; with newVersion, rewrites it as a draft of that date. */
    private static void copy(Path from, Path to, String newVersion) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (newVersion != null) {
                    String pkg = "v" + newVersion.replace('-', '_');
                    text = text.replace("v2016_11_01", pkg)
                            .replace("version: 2016-11-01", "version: " + newVersion)
                            .replace("effective_from: 2016-11-01", "effective_from: " + newVersion)
                            .replace("status: released", "status: draft");
                }
                Files.writeString(to.resolve(f.getFileName()), text);
            }
        }
    }
}
