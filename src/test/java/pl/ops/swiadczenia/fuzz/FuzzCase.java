package pl.ops.swiadczenia.fuzz;

import java.util.Set;

/**
 * One generated request and what the service must answer to it.
 *
 * @param category    how the request was made (see {@link Category})
 * @param benefit     the benefit of the worked example it was made from ({@code (random)} for a body built from scratch)
 * @param endpoint    the path posted to
 * @param contentType the Content-Type header sent
 * @param body        the exact body sent
 * @param description what was changed, for the report (e.g. {@code wniosek.dochodRodzinyRokBazowy = 1E+30})
 * @param rejected    the answers allowed when the request is outside the schema (e.g. {@code [400]}); empty when any
 *                    answer below 500 will do
 * @param fields      for a rejected request answered 400: the error must name one of these fields (empty: any field)
 * @param prefix      whether an error field that starts with one of {@code fields} also counts (bodies whose fault
 *                    can be found deeper than the mutated field, e.g. deep nesting)
 */
record FuzzCase(Category category, String benefit, String endpoint, String contentType, String body, String description,
                Set<Integer> rejected, Set<String> fields, boolean prefix) {

    /** How a request was made; the first is the one whose requests are meant to reach the rules. */
    enum Category {
        IN_RANGE("valid value within the schema (one to three fields)"),
        NULL_OR_ABSENT("a field null or left out"),
        EXTREME("a number at the edge of its range or of the schema"),
        WRONG_TYPE("a value of another JSON type"),
        OUT_OF_BOUNDS("a number or text beyond a bound of the schema or of the service"),
        BAD_DATE("a date that is not yyyy-MM-dd between 1900 and 2100"),
        BAD_ENUM("a code that is not one of the schema's values"),
        BAD_TEXT("lone surrogate or a run of 11 digits (any script) in a text"),
        LONG_TEXT("very long text, markup or control characters"),
        UNKNOWN_FIELD("a field the schema does not have"),
        HOSTILE_BODY("empty, truncated, deeply nested, duplicate keys, wrong media type, oversized body"),
        HUGE_ARRAY("an array of 10 000 items"),
        DUPLICATE_ITEM("an item of a list repeated (the same certificate, title or person entered twice)"),
        RANDOM_BODY("a whole request built at random from the schema");

        final String meaning;

        Category(String meaning) {
            this.meaning = meaning;
        }
    }

    /** Whether the request is outside the schema and must be refused. */
    boolean mustBeRejected() {
        return !rejected.isEmpty();
    }

    /** Whether an error naming {@code field} names the mutated field. */
    boolean names(String field) {
        if (fields.isEmpty() || fields.contains(field)) {
            return true;
        }
        return prefix && fields.stream().anyMatch(f -> field.startsWith(f + ".") || field.startsWith(f + "["));
    }

    /** The body, shortened for a report. */
    String shortBody(int max) {
        if (body.length() <= max) {
            return body;
        }
        return body.substring(0, max) + "… (" + body.length() + " characters)";
    }
}
