package pl.ops.swiadczenia.fakty;

import java.math.BigDecimal;
import java.util.List;

/**
 * The family income as established by the shared ruleset {@code dochod_rodziny}: base year, family size and
 * members, average monthly family income and income per person (both rounded to grosze), after dochód utracony,
 * dochód uzyskany and farm income. Income-tested benefits read this fact instead of computing income themselves.
 */
public class DochodRodzinyUstalony implements WynikModulu {
    private final int rokBazowy;
    private final int liczbaCzlonkow;
    private final List<String> czlonkowie;
    private final BigDecimal dochodMiesiecznyRodziny;
    private final BigDecimal dochodNaOsobe;

    public DochodRodzinyUstalony(int rokBazowy, int liczbaCzlonkow, List<String> czlonkowie,
                                 BigDecimal dochodMiesiecznyRodziny, BigDecimal dochodNaOsobe) {
        this.rokBazowy = rokBazowy;
        this.liczbaCzlonkow = liczbaCzlonkow;
        this.czlonkowie = List.copyOf(czlonkowie);
        this.dochodMiesiecznyRodziny = Kwoty.grosze(dochodMiesiecznyRodziny);
        this.dochodNaOsobe = Kwoty.grosze(dochodNaOsobe);
    }

    /** Calendar year whose income is taken (rok bazowy). */
    public int getRokBazowy() { return rokBazowy; }
    /** Number of family members. */
    public int getLiczbaCzlonkow() { return liczbaCzlonkow; }
    /** Ids of the family members, sorted. */
    public List<String> getCzlonkowie() { return czlonkowie; }
    /** Average monthly family income (przeciętny miesięczny dochód rodziny), PLN. */
    public BigDecimal getDochodMiesiecznyRodziny() { return dochodMiesiecznyRodziny; }
    /** Average monthly income per person in the family, PLN. */
    public BigDecimal getDochodNaOsobe() { return dochodNaOsobe; }
}
