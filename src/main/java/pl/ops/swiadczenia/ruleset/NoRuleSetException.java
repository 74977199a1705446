package pl.ops.swiadczenia.ruleset;

import java.time.LocalDate;

/** No released ruleset version covers the benefit on the legal date (or the benefit is unknown). */
public class NoRuleSetException extends RuntimeException {
    private final String benefit;
    private final LocalDate legalDate;

    public NoRuleSetException(String benefit, LocalDate legalDate, String message) {
        super(message);
        this.benefit = benefit;
        this.legalDate = legalDate;
    }

    public String benefit() { return benefit; }
    public LocalDate legalDate() { return legalDate; }
}
