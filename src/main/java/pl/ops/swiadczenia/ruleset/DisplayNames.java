package pl.ops.swiadczenia.ruleset;

import java.util.Map;

/**
 * Display names of the codes explanations mention (enum constants such as {@code SZKOLA_POLICEALNA}, roles, reasons),
 * in Polish and English, under {@code nazwy:} in the komunikaty.yaml of the benefit and of the concepts it uses: a sentence never
 * shows an identifier.
 */
public record DisplayNames(Map<String, String> pl, Map<String, String> en) {
    public static final DisplayNames EMPTY = new DisplayNames(Map.of(), Map.of());
}
