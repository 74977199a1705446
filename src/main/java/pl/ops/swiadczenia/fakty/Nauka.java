package pl.ops.swiadczenia.fakty;

/** Education a child is in during the period (nauka w szkole / w szkole wyższej, art. 3 pkt 12 u.ś.r.). */
public enum Nauka {
    BRAK,
    /** Szkoła in the sense of the act (primary, secondary, artistic, …), not higher education. */
    SZKOLA,
    /** Szkoła wyższa (higher education). */
    SZKOLA_WYZSZA
}
