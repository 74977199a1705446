package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What policy staff typically break when they edit a decision table in a spreadsheet, and that the check names the
 * line and the column; the real table of zasiłek rodzinny 2024-11-01 passes.
 */
class DecisionTablesTest {
    static final Path TABLE = Path.of("src/test/resources/fixtures/rules-folders/zasilek_rodzinny/2024-11-01/kwota_zasilku_wg_wieku.drl.csv");

    static String table() throws Exception {
        return Files.readString(TABLE);
    }

    static List<String> errors(String csv) {
        return DecisionTables.check("t.drl.csv", csv).stream().filter(Finding::isError).map(Finding::format).toList();
    }

    @Test
    void theRealTablePassesAndCompilesToOneCitedRulePerRow() throws Exception {
        assertThat(errors(table())).isEmpty();
        DecisionTables.Converted c = DecisionTables.convert("t.drl.csv", table());
        assertThat(c.drl()).contains("rule \"art6_ust2_pkt1_kwota_do_5_lat\"").contains("@act(\"rozp2024\")")
                .contains("new BigDecimal(\"124.00\")").contains("WiekDzieckaWMiesiacu(wiek >= 18)");
    }

    @Test
    void semicolonSeparatedExportIsRefused() throws Exception {
        assertThat(errors(table().replace(',', ';'))).singleElement().asString()
                .startsWith("t.drl.csv:1: ERROR").contains("przecinek");
    }

    @Test
    void decimalCommaIsRefusedWithTheFix() throws Exception {
        assertThat(errors(table().replace(",124.00,", ",\"124,00\",")))
                .containsExactly("t.drl.csv:11: ERROR [decision-table] column E („Kwota miesięcznie (zł)”): "
                        + "'124,00' is not a number (use a decimal point: 124.00)");
    }

    @Test
    void overlappingAndMissingRangesAreFound() throws Exception {
        assertThat(errors(table().replace(",5,17,124.00,", ",4,17,124.00,")))
                .containsExactly("t.drl.csv:11: ERROR [decision-table] range from 4 overlaps the range of line 10 (up to 4)");
        assertThat(errors(table().replace(",18,23,135.00,", ",19,23,135.00,")))
                .containsExactly("t.drl.csv:12: ERROR [decision-table] gap: no row covers 18–18 between line 11 and this line");
        assertThat(errors(table().replace(",0,4,95.00,", ",6,4,95.00,")).get(0)).contains("range 6–4 is empty");
    }

    @Test
    void rowsNeedACitationBasedIdTheirCitationAndUniqueIds() throws Exception {
        assertThat(errors(table().replace("art6_ust2_pkt1_kwota_do_5_lat,", "kwota dla malucha,")).get(0))
                .startsWith("t.drl.csv:10:").contains("not a citation-based rule id");
        assertThat(errors(table().replace(",rozp2024,6,2,2,", ",,6,2,2,")).get(0))
                .startsWith("t.drl.csv:11:").contains("is empty: every row needs its citation (act)");
        assertThat(errors(table().replace("art6_ust2_pkt3_kwota_od_18_do_24_lat,", "art6_ust2_pkt2_kwota_od_5_do_18_lat,")))
                .anySatisfy(e -> assertThat(e).startsWith("t.drl.csv:12:").contains("repeats line 11"));
    }
}
