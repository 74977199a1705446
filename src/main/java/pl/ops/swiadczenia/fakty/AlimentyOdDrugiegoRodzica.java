package pl.ops.swiadczenia.fakty;

/**
 * Alimony situation of a child raised by a single parent (art. 7 pkt 5 and art. 11a ust. 1 u.ś.r.):
 * whether an alimony title from the other parent exists, and if not, why.
 */
public enum AlimentyOdDrugiegoRodzica {
    /** Alimony from the other parent has been awarded (zasądzone) or agreed in a court settlement. */
    ZASADZONE,
    /** The other parent is dead (drugi z rodziców dziecka nie żyje). */
    DRUGI_RODZIC_NIE_ZYJE,
    /** The father is unknown (ojciec dziecka jest nieznany). */
    OJCIEC_NIEZNANY,
    /** The alimony claim was dismissed (powództwo o ustalenie świadczenia alimentacyjnego oddalone). */
    POWODZTWO_ODDALONE,
    /** The court ordered one parent to bear all costs without awarding alimony from the other. */
    SAD_ZOBOWIAZAL_JEDNEGO_RODZICA,
    /** No alimony title and none of the statutory exceptions. */
    BRAK_TYTULU
}
