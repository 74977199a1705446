package pl.ops.swiadczenia.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.ops.swiadczenia.decyzja.LegalCitation;
import pl.ops.swiadczenia.fakty.CzlonekRodziny;
import pl.ops.swiadczenia.fakty.Parametr;
import pl.ops.swiadczenia.fakty.Rola;
import pl.ops.swiadczenia.ruleset.DisplayNames;

/**
 * Explanation text reads as a caseworker writes it (issue 12, point 4): amounts with a space between thousands and a
 * decimal comma, Polish plurals, dates as dd.MM.yyyy, display names instead of codes, full citations instead of rule
 * ids. Expected strings are written by hand from Polish usage, not copied from output.
 */
class TemplateRendererTest {
    private static final DisplayNames NAMES = new DisplayNames(
            Map.of("DZIECKO", "dziecko", "SZKOLA_POLICEALNA", "szkoła policealna", "swieto.12-24", "Wigilia Bożego Narodzenia"),
            Map.of("DZIECKO", "child", "SZKOLA_POLICEALNA", "post-secondary school", "swieto.12-24", "Christmas Eve"));
    private static final TemplateRenderer.Context CTX = new TemplateRenderer.Context(NAMES,
            Map.of("art10_ust7_wniosek_po_terminie", new LegalCitation("zazyciem", "Ustawa", "10", "7", null, null,
                    "art. 10 ust. 7 ustawy z dnia 4 listopada 2016 r. o wsparciu kobiet w ciąży i rodzin „Za życiem” (Dz.U. 2016 poz. 1860)",
                    "Article 10(7) of the Act")),
            Map.of("kwota", new Parametr("kwota", "Kwota", null, "PLN", new BigDecimal("4000.00"), "art. 10 ust. 1", null,
                    LocalDate.of(2026, 1, 1))));

    private static String pl(String template, Map<String, Object> scope) {
        return TemplateRenderer.render(template, true, scope, CTX).text();
    }

    private static String en(String template, Map<String, Object> scope) {
        return TemplateRenderer.render(template, false, scope, CTX).text();
    }

    @Test
    void moneyAndRatesAsACaseworkerWritesThem() {
        assertThat(pl("{k:zl}", Map.of("k", new BigDecimal("1406.6")))).isEqualTo("1 406,60 zł");
        assertThat(pl("{k:zl}", Map.of("k", new BigDecimal("140.66")))).isEqualTo("140,66 zł");
        assertThat(pl("{k:zl}", Map.of("k", new BigDecimal("1234567.891")))).isEqualTo("1 234 567,89 zł");
        assertThat(pl("{s:zl/kWh}", Map.of("s", new BigDecimal("0.8975")))).isEqualTo("0,8975 zł/kWh");
        assertThat(en("{k:zl}", Map.of("k", new BigDecimal("1406.6")))).isEqualTo("PLN 1,406.60");
        assertThat(pl("{parametr.kwota:zl}", Map.of())).isEqualTo("4 000,00 zł");
        // below one złoty, negative (a reduction), exactly three digits, rounded half up to the grosz
        assertThat(pl("{k:zl}", Map.of("k", new BigDecimal("0.5")))).isEqualTo("0,50 zł");
        assertThat(pl("{k:zl}", Map.of("k", new BigDecimal("-1234.5")))).isEqualTo("-1 234,50 zł");
        assertThat(pl("{k:zl}", Map.of("k", new BigDecimal("-123")))).isEqualTo("-123,00 zł");
        assertThat(pl("{k:zl}", Map.of("k", new BigDecimal("999.995")))).isEqualTo("1 000,00 zł");
        assertThat(en("{k:zl}", Map.of("k", new BigDecimal("-1234.5")))).isEqualTo("PLN -1,234.50");
        // the decision view and the printed document keep an amount on one line (non-breaking space)
        assertThat(TemplateRenderer.format(new BigDecimal("1406.6"), "zl", true, DisplayNames.EMPTY))
                .isEqualTo("1\u00a0406,60 zł");
        // a template is parsed once and rendered many times: the second rendering reads the same
        assertThat(pl("Razem {k:zl} ({n:miesiace}).", Map.of("k", new BigDecimal("95"), "n", 2)))
                .isEqualTo(pl("Razem {k:zl} ({n:miesiace}).", Map.of("k", new BigDecimal("95"), "n", 2)))
                .isEqualTo("Razem 95,00 zł (2 miesiące).");
    }

    @Test
    void polishPluralsOfMonthsDaysYearsAndPersons() {
        assertThat(pl("{n:miesiace}", Map.of("n", 1))).isEqualTo("1 miesiąc");
        assertThat(pl("{n:miesiace}", Map.of("n", 3))).isEqualTo("3 miesiące");
        assertThat(pl("{n:miesiace}", Map.of("n", 12))).isEqualTo("12 miesięcy");
        assertThat(pl("{n:miesiace}", Map.of("n", 22))).isEqualTo("22 miesiące");
        assertThat(pl("{n:dni}", Map.of("n", 1))).isEqualTo("1 dzień");
        assertThat(pl("{n:dni}", Map.of("n", 5))).isEqualTo("5 dni");
        assertThat(pl("{n:lata}", Map.of("n", 2))).isEqualTo("2 lata");
        assertThat(pl("{n:lata}", Map.of("n", 18))).isEqualTo("18 lat");
        assertThat(pl("{n:osoby}", Map.of("n", 4))).isEqualTo("4 osoby");
        assertThat(pl("{n:osoby}", Map.of("n", 5))).isEqualTo("5 osób");
        assertThat(pl("{n:osoby}", Map.of("n", 14))).isEqualTo("14 osób");
        assertThat(en("{n:miesiace}", Map.of("n", 1))).isEqualTo("1 month");
        assertThat(en("{n:dni}", Map.of("n", 5))).isEqualTo("5 days");
    }

    @Test
    void datesMonthsPersonsAndCodesByDisplayName() {
        CzlonekRodziny c = new CzlonekRodziny();
        c.setId("d1");
        c.setRola(Rola.DZIECKO);
        c.setDataUrodzenia(LocalDate.of(2007, 5, 20));
        assertThat(pl("{d:data}", Map.of("d", LocalDate.of(2025, 12, 29)))).isEqualTo("29.12.2025");
        assertThat(pl("{d:data}", Map.of("d", LocalDate.of(2007, 5, 1)))).isEqualTo("01.05.2007");
        assertThat(pl("{m:miesiac}", Map.of("m", YearMonth.of(2016, 11)))).isEqualTo("listopad 2016");
        assertThat(pl("{c:osoba}", Map.of("c", c))).isEqualTo("dziecko (ur. 20.05.2007)");
        assertThat(en("{c:osoba}", Map.of("c", c))).isEqualTo("child (born 20 May 2007)");
        assertThat(pl("{r:nazwa}", Map.of("r", "SZKOLA_POLICEALNA"))).isEqualTo("szkoła policealna");
        assertThat(pl("{d:swieto}", Map.of("d", LocalDate.of(2025, 12, 24)))).isEqualTo("Wigilia Bożego Narodzenia");
    }

    @Test
    void aRefusalEndsWithTheFullCitationNotTheRuleId() {
        String t = pl("Podstawa prawna: {p:przepisy}.", Map.of("p", List.of("art10_ust7_wniosek_po_terminie")));
        assertThat(t).isEqualTo("Podstawa prawna: art. 10 ust. 7 ustawy z dnia 4 listopada 2016 r. o wsparciu kobiet "
                + "w ciąży i rodzin „Za życiem” (Dz.U. 2016 poz. 1860).");
        assertThat(t).doesNotContain("art10_ust7");
    }

    @Test
    void aCodeWithoutDisplayNameOrAnUnknownPlaceholderFailsInsteadOfPrintingAnIdentifier() {
        assertThatThrownBy(() -> pl("{r:nazwa}", Map.of("r", "MATKA_LUB_OJCIEC")))
                .hasMessageContaining("no display name for the code 'MATKA_LUB_OJCIEC'");
        assertThatThrownBy(() -> pl("{brak}", Map.of())).hasMessageContaining("'brak'");
    }

    @Test
    void theStructuredFormKeepsTheValuesBesideTheText() {
        TemplateRenderer.Rendered r = TemplateRenderer.render("{k:zl} za {n:miesiace}", true,
                Map.of("k", new BigDecimal("95.00"), "n", 12), CTX);
        assertThat(r.text()).isEqualTo("95,00 zł za 12 miesięcy");
        assertThat(r.values()).containsEntry("k", new BigDecimal("95.00")).containsEntry("n", 12);
    }
}
