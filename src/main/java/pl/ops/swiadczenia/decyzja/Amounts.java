package pl.ops.swiadczenia.decyzja;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The money of a decision. {@code total} and {@code monthly} are what is payable; {@code components} show each
 * component's full entitlement (the basis, before any reduction); {@code perChild} is the payable total per child.
 */
public record Amounts(
        String currency,
        BigDecimal total,
        List<MonthAmount> monthly,
        List<ComponentAmount> components,
        List<ChildAmount> perChild) {

    /** Payable in one month of the benefit period. */
    public record MonthAmount(YearMonth month, BigDecimal total, List<Item> items) {
    }

    /** One payable item: component and the child it is for (null: the whole family). */
    public record Item(String component, String childId, BigDecimal amount) {
    }

    /** Full entitlement of one component for one child (or the family) over the period. */
    public record ComponentAmount(String component, String childId, int months, BigDecimal monthlyFrom,
                                  BigDecimal monthlyTo, BigDecimal total) {
    }

    /** Payable total for one child over the period. */
    public record ChildAmount(String childId, BigDecimal total) {
    }
}
