package pl.ops.swiadczenia.engine;

/**
 * An evaluation was stopped because it exceeded a limit: its time ({@code rules.evaluation.timeout-ms}) or its
 * number of rule firings ({@code rules.evaluation.max-firings}). A defect of the ruleset, not of the input; nothing
 * is stored for such a request.
 */
public class EvaluationLimitException extends EngineException {
    /** Which limit was exceeded. */
    public enum Limit {
        TIME("rules.evaluation.timeout-ms", "ms", "limit czasu obliczenia", "evaluation time limit"),
        FIRINGS("rules.evaluation.max-firings", "uruchomień reguł", "limit liczby uruchomień reguł",
                "limit of rule firings");

        private final String property;
        private final String unitPl;
        private final String namePl;
        private final String nameEn;

        Limit(String property, String unitPl, String namePl, String nameEn) {
            this.property = property;
            this.unitPl = unitPl;
            this.namePl = namePl;
            this.nameEn = nameEn;
        }

        /** The setting that sets this limit (a JVM system property). */
        public String property() {
            return property;
        }

        /** Polish name of the limit, e.g. "limit czasu obliczenia". */
        public String namePl() {
            return namePl;
        }

        /** The value with its Polish unit, e.g. "2000 ms". */
        public String valuePl(long value) {
            return value + " " + unitPl;
        }
    }

    private final String rulesetId;
    private final Limit limit;
    private final long value;

    public EvaluationLimitException(String rulesetId, Limit limit, long value) {
        super(rulesetId + ": przekroczono " + limit.namePl + " (" + limit.valuePl(value) + ", " + limit.property
                + ") – obliczenie przerwano / " + limit.nameEn + " exceeded (" + value + ", " + limit.property
                + ") – evaluation stopped");
        this.rulesetId = rulesetId;
        this.limit = limit;
        this.value = value;
    }

    /** The version whose rules were running when the limit was reached. */
    public String rulesetId() {
        return rulesetId;
    }

    public Limit limit() {
        return limit;
    }

    /** The limit's value: milliseconds for TIME, firings for FIRINGS. */
    public long value() {
        return value;
    }
}
