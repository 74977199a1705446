package pl.ops.swiadczenia.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers written inside DRL. Every number of law (threshold, amount, percentage, age limit, period) belongs
 * in the dated parameters ({@code parametry/<name>.yaml}) or a decision table, with its citation; DRL may hold only technical numbers: 0 and 1,
 * the percent base 100, rule salience, and decimal scales ({@code setScale(2…)}, {@code divide(x, 2, …)},
 * {@code movePointLeft(2)}). Comments, strings and rule metadata are ignored. A line may mark a technical number
 * with the comment {@code // techniczne: <why>} (for example Polish plural endings).
 */
public final class LegalNumbers {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$])(\\d+(?:\\.\\d+)?)[lLdDfF]?(?![\\w.])");
    private static final java.util.Set<String> ALLOWED = java.util.Set.of("0", "1", "0.0", "1.0", "100");

    private LegalNumbers() {
    }

    /** The numbers found, as findings of the given severity (ERROR for candidates, WARNING for released versions). */
    public static List<Finding> scan(String file, String drl, Finding.Severity severity) {
        String[] lines = blankOut(drl).split("\n", -1);
        String[] original = drl.split("\n", -1);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (i < original.length && original[i].contains("// techniczne")) {
                continue;
            }
            Matcher m = NUMBER.matcher(lines[i]);
            while (m.find()) {
                if (!ALLOWED.contains(m.group(1))) {
                    out.add(new Finding(severity, "legal-numbers", file, i + 1, "liczba " + m.group(1)
                            + " zapisana w DRL – liczby prawa (progi, kwoty, procenty, wiek, okresy) należą do "
                            + "parametrów z datą i podstawą prawną (parametry/<nazwa>.yaml) albo tabeli decyzyjnej; "
                            + "liczbę techniczną oznacz "
                            + "komentarzem „// techniczne: …” / a number written in DRL: numbers of law belong in "
                            + "the dated parameters (parametry/<name>.yaml) or a decision table with their citation"));
                }
            }
        }
        return out;
    }

    /** Replaces comments, string literals, metadata lines and technical contexts with blanks, keeping line breaks. */
    static String blankOut(String drl) {
        StringBuilder sb = new StringBuilder(drl.length());
        int i = 0;
        int n = drl.length();
        while (i < n) {
            char c = drl.charAt(i);
            if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
                while (i < n && drl.charAt(i) != '\n') {
                    sb.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
                int end = drl.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    sb.append(drl.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"') {
                sb.append(' ');
                i++;
                while (i < n && drl.charAt(i) != '"' && drl.charAt(i) != '\n') {
                    if (drl.charAt(i) == '\\') {
                        sb.append(' ');
                        i++;
                    }
                    if (i < n) {
                        sb.append(' ');
                        i++;
                    }
                }
                if (i < n && drl.charAt(i) == '"') {
                    sb.append(' ');
                    i++;
                }
            } else {
                sb.append(c);
                i++;
            }
        }
        String s = sb.toString();
        s = s.replaceAll("(?m)^\\s*@\\w+\\(.*$", "");
        s = s.replaceAll("\\bsalience\\s+-?\\d+", "salience");
        s = s.replaceAll("setScale\\(\\s*\\d+", "setScale(");
        s = s.replaceAll("movePoint(Left|Right)\\(\\s*2\\s*\\)", "movePoint$1()");
        s = s.replaceAll("(divide\\([^,()]*(?:\\([^()]*\\))*[^,()]*,)\\s*\\d+\\s*,", "$1 ,");
        return s;
    }
}
