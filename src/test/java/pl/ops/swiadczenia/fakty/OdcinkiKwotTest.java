package pl.ops.swiadczenia.fakty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule states an amount once per segment of months; the engine lists the months (issue 12, point 3: the number of
 * facts does not grow as months × children). Expected months written from the statute: the okres zasiłkowy
 * November–October, the dodatek z tytułu rozpoczęcia roku szkolnego only in September (art. 14 ust. 2 u.ś.r.).
 */
class OdcinkiKwotTest {

    @Test
    void aSegmentWithoutCalendarMonthsHasItsAmountInEveryMonth() {
        PozycjaKwotyOdcinka p = new PozycjaKwotyOdcinka("zasilek_rodzinny", "d1", YearMonth.of(2023, 11),
                YearMonth.of(2024, 10), new BigDecimal("124"), null);
        List<PozycjaKwoty> months = p.pozycje();
        assertThat(months).hasSize(12);
        assertThat(months.get(0).getMiesiac()).isEqualTo(YearMonth.of(2023, 11));
        assertThat(months.get(11).getMiesiac()).isEqualTo(YearMonth.of(2024, 10));
        assertThat(months).allSatisfy(m -> {
            assertThat(m.getKwota()).isEqualByComparingTo("124.00");
            assertThat(m.getKwota().scale()).isEqualTo(2);
            assertThat(m.getCzlonekId()).isEqualTo("d1");
        });
    }

    @Test
    void aComponentOfSomeCalendarMonthsOnlyIsListedInThoseMonths() {
        WyplataOdcinka w = new WyplataOdcinka("dodatek_rozpoczecie_roku_szkolnego", "d1", YearMonth.of(2023, 11),
                YearMonth.of(2024, 10), new BigDecimal("100"), List.of(9));
        assertThat(w.wyplaty()).extracting(Wyplata::getMiesiac).containsExactly(YearMonth.of(2024, 9));
        WyplataOdcinka bezWrzesnia = new WyplataOdcinka("dodatek_rozpoczecie_roku_szkolnego", "d1",
                YearMonth.of(2023, 11), YearMonth.of(2024, 8), new BigDecimal("100"), List.of(9));
        assertThat(bezWrzesnia.wyplaty()).isEmpty();
    }

    @Test
    void aSegmentOfOneMonthAndAnEmptySegment() {
        assertThat(new PozycjaKwotyOdcinka("s", null, YearMonth.of(2024, 2), YearMonth.of(2024, 2), BigDecimal.TEN,
                null).pozycje()).hasSize(1);
        assertThat(new PozycjaKwotyOdcinka("s", null, YearMonth.of(2024, 3), YearMonth.of(2024, 2), BigDecimal.TEN,
                null).pozycje()).isEmpty();
    }
}
