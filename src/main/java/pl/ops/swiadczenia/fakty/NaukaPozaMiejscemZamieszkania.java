package pl.ops.swiadczenia.fakty;

/** Form of schooling away from home relevant to the dodatek of art. 15 u.ś.r. */
public enum NaukaPozaMiejscemZamieszkania {
    /** Living in the town where the school is (zamieszkanie w miejscowości, w której znajduje się szkoła). */
    ZAMIESZKANIE,
    /** Commuting to school (dojazd do miejscowości, w której znajduje się szkoła). */
    DOJAZD
}
