package pl.ops.swiadczenia.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.service.InvalidRequestException;

/** The pure parts of the history change workflow: which paths an upload may name, and flipping a draft's status. */
class HistoryChangesTest {
    static final LocalDate D = LocalDate.of(2027, 1, 1);

    @Test
    void onlyFilesOfTheBenefitsHistoryMayBeUploaded() {
        for (String ok : new String[] {"benefit.yaml", "komunikaty.yaml", "README.md", "CHANGELOG.md",
                "parametry/kwota_2027.yaml", "logika/2027-01-01/rozstrzygniecie.drl", "logika/2027-01-01/tabela.drl.csv",
                "logika/2027-01-01/logika.yaml", "logika/2027-01-01/README.md"}) {
            assertThat(HistoryChanges.pathProblem(ok)).as(ok).isNull();
        }
        Map<String, String> refused = Map.of(
                "../inne/benefit.yaml", "„..”", "/etc/passwd", "względna", "C:/x/benefit.yaml", "względna",
                "parametry/../benefit.yaml", "„..”", "./benefit.yaml", "„..”", "parametry\\kwota.yaml", "„/”",
                "wspolne/terminy/benefit.yaml", "spoza historii", "logika/2027/x.drl", "spoza historii",
                "parametry/Kwota.yml", "spoza historii", "logika/2027-01-01/a b.drl", "niedozwolona nazwa");
        refused.forEach((p, m) -> assertThat(HistoryChanges.pathProblem(p)).as(p).contains(m));
        assertThat(HistoryChanges.pathProblem("parametry/" + "a".repeat(300) + ".yaml")).contains("dłuższa");
    }

    @Test
    void uploadLimitsNameTheField() {
        Map<String, String> files = new HashMap<>();
        files.put("parametry/a.yaml", "x".repeat(HistoryChanges.MAX_FILE_CHARS + 1));
        files.put("benefit.yaml", null);
        assertThatThrownBy(() -> HistoryChanges.checkUpload("becikowe", files, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .anySatisfy(f -> assertThat(f.field() + " " + f.message()).startsWith("files.parametry/a.yaml plik za duży"))
                        .anySatisfy(f -> assertThat(f.field() + " " + f.message()).startsWith("files.benefit.yaml benefit.yaml nie może")));
        assertThatThrownBy(() -> HistoryChanges.checkUpload("Zle Imie", Map.of("benefit.yaml", "x"), "y".repeat(2001)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("benefit", "comment"));
    }

    @Test
    void publicationFlipsOnlyTheStatusOfItsDate() {
        String m = """
                benefit: x
                changes:
                  2013-01-01:
                    summary: "a"
                    status: draft
                  '2027-01-01':
                    summary: "b"
                    summary_en: "b"
                    status: draft   # projekt
                  2028-01-01: {summary: "c", status: draft}
                periods:
                - from: 2013-01-01
                """;
        assertThat(HistoryChanges.releaseChange(m, D)).isEqualTo(m.replace("status: draft   # projekt",
                "status: released   # projekt"));
        assertThat(HistoryChanges.releaseChange(m, LocalDate.of(2028, 1, 1)))
                .contains("2028-01-01: {summary: \"c\", status: released}").contains("    status: draft   # projekt");
        assertThat(HistoryChanges.releaseChange(m, LocalDate.of(2013, 1, 1))).startsWith("""
                benefit: x
                changes:
                  2013-01-01:
                    summary: "a"
                    status: released
                """);
        assertThat(HistoryChanges.releaseChange(m, LocalDate.of(2029, 1, 1))).isNull();
        assertThat(HistoryChanges.releaseChange(m.replace("status: draft   # projekt", "status: released"), D)).isNull();
        assertThat(HistoryChanges.releaseChange("benefit: x\nperiods: []\n2027-01-01:\n  status: draft\n", D)).isNull();
    }
}
