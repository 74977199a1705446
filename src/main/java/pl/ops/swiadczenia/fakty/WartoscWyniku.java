package pl.ops.swiadczenia.fakty;

/** A key figure of the decision (e.g. income per person, criterion, excess) reported beside the amounts. */
public class WartoscWyniku {
    private final String klucz;
    private final Object wartosc;

    public WartoscWyniku(String klucz, Object wartosc) {
        this.klucz = klucz;
        this.wartosc = wartosc;
    }

    public String getKlucz() { return klucz; }
    public Object getWartosc() { return wartosc; }
}
