package pl.ops.swiadczenia.fakty;

/** Role of a person in the family (rodzina, art. 3 pkt 16 u.ś.r.). */
public enum Rola {
    /** The person filing the application (wnioskodawca). */
    WNIOSKODAWCA,
    /** Spouse of the applicant (małżonek). */
    MALZONEK,
    /** The child's other parent living in the family but not married to the applicant (rodzic dziecka). */
    RODZIC_DZIECKA,
    /** A child (dziecko) of the applicant or spouse, including a child in opieka faktyczna. */
    DZIECKO
}
