package pl.ops.swiadczenia.decyzja;

/**
 * Where a rule or a parameter rests in law: the act and the unit (article, ustęp, punkt, litera), plus the full
 * citation text in Polish and English. Units a provision does not have are null.
 */
public record LegalCitation(
        String actId,
        String act,
        String article,
        String paragraph,
        String point,
        String letter,
        String text,
        String textEn) {
}
