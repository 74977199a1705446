package pl.ops.swiadczenia.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pl.ops.swiadczenia.fakty.CzlonekRodziny;
import pl.ops.swiadczenia.fakty.Rola;
import pl.ops.swiadczenia.service.EvaluationRequest;

/**
 * BENCHMARK BASELINE ONLY – not the service's logic. A hand-written Java computation of zasiłek rodzinny under the
 * 2021-11-01 amounts for the benchmark family (children under 18, dodatki art. 11a and 12a, "złotówka za
 * złotówkę"), with a short explanation, so that the rule engine's cost is a ratio measured in the same JMH run.
 * The numbers of law are written here on purpose (this is what the rules avoid); the benchmark checks that this
 * computation and the engine give the same amounts before measuring.
 */
final class HandWrittenZasilekRodzinny {
    private static final BigDecimal KRYTERIUM = new BigDecimal("674.00");
    private static final BigDecimal DO_5 = new BigDecimal("95.00");
    private static final BigDecimal DO_18 = new BigDecimal("124.00");
    private static final BigDecimal WIELODZIETNOSC = new BigDecimal("95.00");
    private static final BigDecimal SAMOTNE = new BigDecimal("193.00");
    private static final BigDecimal SAMOTNE_LIMIT = new BigDecimal("386.00");
    private static final BigDecimal MINIMUM = new BigDecimal("20.00");

    record Result(BigDecimal total, Map<YearMonth, BigDecimal> monthly, List<String> explanation) {
    }

    private HandWrittenZasilekRodzinny() {
    }

    static Result evaluate(EvaluationRequest r) {
        List<String> steps = new ArrayList<>();
        List<CzlonekRodziny> members = r.wniosek().getCzlonkowieRodziny();
        int n = members.size();
        BigDecimal monthly = r.wniosek().getDochodRodzinyRokBazowy().divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        BigDecimal perPerson = monthly.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        steps.add("Dochód na osobę " + perPerson + " zł, kryterium " + KRYTERIUM + " zł (art. 5 ust. 1)");
        BigDecimal excess = perPerson.subtract(KRYTERIUM).max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(n));
        LocalDate start = r.legalDate().withDayOfMonth(1);
        LocalDate periodStart = LocalDate.of(start.getMonthValue() >= 11 ? start.getYear() : start.getYear() - 1, 11, 1);
        Map<YearMonth, BigDecimal> out = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(periodStart.plusMonths(11))); m = m.plusMonths(1)) {
            BigDecimal sum = BigDecimal.ZERO;
            int children = 0;
            for (CzlonekRodziny c : members) {
                if (c.getRola() != Rola.DZIECKO) {
                    continue;
                }
                int age = Period.between(c.getDataUrodzenia(), m.atDay(1)).getYears();
                if (age >= 18) {
                    continue;
                }
                children++;
                BigDecimal k = age < 5 ? DO_5 : DO_18;
                sum = sum.add(k);
                steps.add("Zasiłek na " + c.getId() + " za " + m + ": " + k + " zł (art. 6 ust. 2)");
            }
            if (children > 2) {
                sum = sum.add(WIELODZIETNOSC.multiply(BigDecimal.valueOf(children - 2)));
            }
            if (r.wniosek().isSamotnieWychowuje() && children > 0) {
                sum = sum.add(SAMOTNE.multiply(BigDecimal.valueOf(children)).min(SAMOTNE_LIMIT));
            }
            BigDecimal pay = sum.subtract(excess);
            if (excess.signum() > 0 && pay.compareTo(MINIMUM) < 0) {
                pay = BigDecimal.ZERO;
            }
            steps.add("Za " + m + ": " + sum + " zł − " + excess + " zł = " + pay + " zł (art. 5 ust. 3)");
            out.put(m, pay);
            total = total.add(pay);
        }
        return new Result(total, out, steps);
    }
}
