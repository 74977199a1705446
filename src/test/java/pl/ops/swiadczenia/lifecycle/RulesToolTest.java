package pl.ops.swiadczenia.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.testsupport.IsolatedRulesProfile;

/** The terminal command: exit codes, the text report with file and line, the JSON report, the diff. */
class RulesToolTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RulesTool.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A rules root with zasiłek rodzinny as version folders (the fixture) and its module. */
    static Path folderRules(Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        IsolatedRulesProfile.copy(Path.of("rules/dochod_rodziny"), rules.resolve("dochod_rodziny"));
        IsolatedRulesProfile.copy(IsolatedRulesProfile.ZR_FOLDERS, rules.resolve("zasilek_rodzinny"));
        return rules;
    }

    /**
     * The draft 2024-11-01 would take over golden case V14, which documents today's law ("2024-11-01 is a draft, so
     * 2021-11-01 decides"): validation reports that impact with the case's file and line and the draft stays valid
     * (its publication is refused until the case is updated: RuleSetLifecycleApiTest).
     */
    @Test
    void theDraftValidatesAndReportsTheGoldenCasesItWouldTakeOver(@TempDir Path tmp) throws Exception {
        Path rules = folderRules(tmp);
        String draft = rules.resolve("zasilek_rodzinny/2024-11-01").toString();
        Run r = run("validate", draft, "--rules", rules.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("POPRAWNA / VALID").doesNotContain("NIEPOPRAWNA")
                .contains("test-cases/zasilek_rodzinny/zmiany_wersji.yaml:")
                .contains("WARNING [golden-cases]")
                .contains("expects zasilek_rodzinny/2021-11-01; the draft zasilek_rodzinny/2024-11-01 would decide it");
        Run json = run("validate", draft, "--rules", rules.toString(), "--json");
        JsonNode report = CanonicalJson.tree(json.out());
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("rulesetId").asText()).isEqualTo("zasilek_rodzinny/2024-11-01");
    }

    @Test
    void aBrokenFolderIsReportedWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path rules = folderRules(tmp);
        Path drl = rules.resolve("zasilek_rodzinny/2024-11-01/kryterium_dochodowe.drl");
        String text = Files.readString(drl);
        int line = text.substring(0, text.indexOf("$p.kwota(\"kryterium_dochodowe\")")).split("\n", -1).length;
        Files.writeString(drl, text.replaceFirst("\\$p\\.kwota\\(\"kryterium_dochodowe\"\\)", "\\$p.kwota(\"kryterium_dochodwe\")"));
        Run r = run("validate", rules.resolve("zasilek_rodzinny/2024-11-01").toString(), "--rules", rules.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("kryterium_dochodowe.drl:" + line
                + ": ERROR [parameters] uses parameter 'kryterium_dochodwe' that parameters.yaml does not define");
    }

    @Test
    void diffAndUsage() {
        Run d = run("diff", "zasilek_rodzinny", "2018-11-01", "2021-11-01");
        assertThat(d.exit()).isZero();
        assertThat(d.out()).contains("zasilek_rodzinny/2018-11-01 → zasilek_rodzinny/2021-11-01");
        assertThat(run("frobnicate").exit()).isEqualTo(2);
        assertThat(run("validate", "rules/no_such/2020-01-01").exit()).isEqualTo(2);
    }
}
