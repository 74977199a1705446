package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers of law written in DRL are found with their line; technical numbers, comments and strings are not. */
class LegalNumbersTest {
    static List<String> scan(String drl) {
        return LegalNumbers.scan("x.drl", drl, Finding.Severity.ERROR).stream().map(f -> f.line() + ":" + f.message().split(" ")[1]).toList();
    }

    @Test
    void findsThresholdsAmountsAndAgesWithTheirLine() {
        String drl = """
                rule "art5_ust1_kryterium"
                    @act("usr") @article("5") @description("674 zł")
                    salience 80
                when
                    $d : Dochod(naOsobe <= 674.00)
                then
                    BigDecimal k = new BigDecimal("764"); // 764 in a string and a comment is fine
                    int wiek = 18;
                end
                """;
        assertThat(scan(drl)).containsExactly("5:674.00", "8:18");
    }

    @Test
    void technicalNumbersAreAllowed() {
        String drl = """
                then
                    BigDecimal x = a.divide(b, 2, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP);
                    BigDecimal p = a.multiply(BigDecimal.valueOf(100)).movePointLeft(2);
                    int i = 0; int j = 1;
                    int plural = n % 10; // techniczne: końcówki liczebników
                end
                """;
        assertThat(scan(drl)).isEmpty();
    }

    @Test
    void everyCandidateInTheRepositoryIsClean() {
        // released versions were written before this check; drafts must pass it as errors
        RuleSetLoader loader = new RuleSetLoader(new RuleCompiler(RuleCompiler.Mode.EXEC_MODEL));
        for (java.nio.file.Path dir : RuleSetRegistry.versionDirs(java.nio.file.Path.of("rules"))) {
            String manifest;
            try {
                manifest = java.nio.file.Files.readString(dir.resolve("ruleset.yaml"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (!manifest.contains("status: draft")) {
                continue;
            }
            RuleSetLoader.Analysis a = loader.analyse(dir);
            if (a.manifest() != null && a.manifest().status() == RuleSetManifest.Status.DRAFT) {
                assertThat(a.errors()).as(a.id()).isEmpty();
            }
        }
    }
}
