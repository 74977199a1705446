package pl.ops.swiadczenia.ruleset;

/**
 * The explanation template of one rule ({@code komunikaty.yaml}), in Polish and English. Placeholders in braces name
 * a value of the rule's match (a bound variable without its {@code $}, or a fact the consequence inserted, by its
 * type name with a lower-case first letter), optionally a property path and a format:
 * {@code {okresZasilkowy.od}}, {@code {kwota:zl}}, {@code {liczbaMiesiecy:miesiace}}. Filled after the evaluation
 * (docs/adr/0014-law-as-data.md).
 */
public record MessageTemplate(String pl, String en) {
}
