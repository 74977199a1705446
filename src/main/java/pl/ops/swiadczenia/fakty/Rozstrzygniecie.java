package pl.ops.swiadczenia.fakty;

import pl.ops.swiadczenia.decyzja.Outcome;

/** The outcome of the decision, inserted exactly once by the outcome rules of a ruleset. */
public class Rozstrzygniecie {
    private final Outcome wynik;

    public Rozstrzygniecie(Outcome wynik) {
        this.wynik = wynik;
    }

    public Outcome getWynik() { return wynik; }
}
