package pl.ops.swiadczenia.fakty;

import java.time.LocalDate;

/** The case being decided: which benefit and the legal date that selected the ruleset version. */
public class Sprawa {
    private final String swiadczenie;
    private final LocalDate dataPrawna;

    public Sprawa(String swiadczenie, LocalDate dataPrawna) {
        this.swiadczenie = swiadczenie;
        this.dataPrawna = dataPrawna;
    }

    /** Benefit identifier, e.g. "zasilek_rodzinny". */
    public String getSwiadczenie() { return swiadczenie; }
    /** The case's legal date: for zasiłek rodzinny the first day from which entitlement is established. */
    public LocalDate getDataPrawna() { return dataPrawna; }
}
