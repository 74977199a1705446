package pl.ops.swiadczenia.ruleset;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Decision tables ({@code *.drl.csv}): tables of values policy staff edit in a spreadsheet, one rule per row, each
 * row with its own citation. Before Drools turns a table into DRL, this class checks what spreadsheet editing
 * typically breaks, naming the line and column: the separator, the rule id of each row, numbers (decimal point,
 * not comma), the citation cells, duplicate ids, and for a pair of range columns ({@code x >= $param},
 * {@code x <= $param}) overlapping or missing ranges.
 */
public final class DecisionTables {
    public static final String SUFFIX = ".drl.csv";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern LOWER = Pattern.compile("(\\w+)\\s*>=\\s*\\$param\\b");
    private static final Pattern UPPER = Pattern.compile("(\\w+)\\s*<=\\s*\\$param\\b");
    private static final Pattern META = Pattern.compile("^\\s*(\\w+)\\s*\\(");

    private DecisionTables() {
    }

    /** A table turned into DRL, or the findings that stopped it. */
    public record Converted(String drl, List<Finding> findings) {
    }

    public static Converted convert(String file, String csv) {
        csv = withoutBom(csv);
        List<Finding> findings = new ArrayList<>(check(file, csv));
        if (findings.stream().anyMatch(Finding::isError)) {
            return new Converted(null, findings);
        }
        try {
            String drl = new SpreadsheetCompiler().compile(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), InputType.CSV);
            return new Converted(drl, findings);
        } catch (RuntimeException e) {
            findings.add(Finding.error("decision-table", file, null, "Drools cannot read the table: " + e.getMessage()));
            return new Converted(null, findings);
        }
    }

    /** Checks a table's structure and data rows. */
    public static List<Finding> check(String file, String csv) {
        csv = withoutBom(csv);
        List<Finding> out = new ArrayList<>();
        List<List<String>> rows = parse(csv);
        if (!rows.isEmpty() && rows.get(0).size() == 1 && rows.get(0).get(0).contains(";")) {
            out.add(Finding.error("decision-table", file, 1, "separatorem kolumn musi być przecinek, nie średnik "
                    + "(zapisz arkusz jako „CSV (rozdzielany przecinkami)”) / columns must be separated by commas"));
            return out;
        }
        int tableRow = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isEmpty() && rows.get(i).get(0).trim().startsWith("RuleTable")) {
                tableRow = i;
                break;
            }
        }
        if (tableRow < 0) {
            out.add(Finding.error("decision-table", file, null, "no 'RuleTable' row"));
            return out;
        }
        if (rows.size() < tableRow + 5) {
            out.add(Finding.error("decision-table", file, tableRow + 1,
                    "a RuleTable needs the column-type row, the pattern row, the template row and the label row"));
            return out;
        }
        List<String> types = rows.get(tableRow + 1);
        List<String> templates = rows.get(tableRow + 3);
        List<String> labels = rows.get(tableRow + 4);
        int nameCol = types.indexOf("NAME");
        if (nameCol < 0) {
            out.add(Finding.error("decision-table", file, tableRow + 2,
                    "the table needs a NAME column: each row's rule id, citation-based (art<n>[_ust<m>]…_<topic>)"));
        }
        Map<String, Integer> metaCol = new HashMap<>();
        Integer lowerCol = null;
        Integer upperCol = null;
        for (int c = 0; c < types.size(); c++) {
            String t = types.get(c).trim();
            String tpl = c < templates.size() ? templates.get(c) : "";
            if (t.equals("METADATA")) {
                Matcher m = META.matcher(tpl);
                if (m.find()) {
                    metaCol.put(m.group(1), c);
                }
            } else if (t.equals("CONDITION")) {
                if (LOWER.matcher(tpl).find()) {
                    lowerCol = c;
                } else if (UPPER.matcher(tpl).find()) {
                    upperCol = c;
                }
            }
        }
        for (String required : List.of("act", "article", "description")) {
            if (!metaCol.containsKey(required)) {
                out.add(Finding.error("decision-table", file, tableRow + 2, "the table needs a METADATA column "
                        + required + "(\"$param\"): every row cites the law (act, article, description)"));
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        BigDecimal prevUpper = null;
        int prevLine = -1;
        for (int i = tableRow + 5; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(s -> s.isBlank())) {
                break; // a blank row ends the table
            }
            int line = i + 1;
            String name = nameCol >= 0 && nameCol < row.size() ? row.get(nameCol).trim() : "";
            if (nameCol >= 0 && !RuleSetLoader.RULE_ID.matcher(name).matches()) {
                out.add(Finding.error("decision-table", file, line, "column " + label(labels, nameCol) + ": '" + name
                        + "' is not a citation-based rule id (art<n>[_ust<m>][_pkt<k>]_<topic>)"));
            } else if (nameCol >= 0 && seen.putIfAbsent(name, line) != null) {
                out.add(Finding.error("decision-table", file, line, "rule id '" + name + "' repeats line " + seen.get(name)));
            }
            for (int c = 0; c < types.size(); c++) {
                String t = types.get(c).trim();
                String cell = c < row.size() ? row.get(c).trim() : "";
                if ((t.equals("CONDITION") || t.equals("ACTION")) && !cell.isEmpty() && !NUMBER.matcher(cell).matches()) {
                    out.add(Finding.error("decision-table", file, line, "column " + label(labels, c) + ": '" + cell
                            + "' is not a number" + (cell.matches("-?\\d+,\\d+") ? " (use a decimal point: "
                            + cell.replace(',', '.') + ")" : "")));
                }
            }
            for (Map.Entry<String, Integer> m : metaCol.entrySet()) {
                if (List.of("act", "article", "description").contains(m.getKey())) {
                    int c = m.getValue();
                    if (c >= row.size() || row.get(c).isBlank()) {
                        out.add(Finding.error("decision-table", file, line, "column " + label(labels, c)
                                + " is empty: every row needs its citation (" + m.getKey() + ")"));
                    }
                }
            }
            if (lowerCol != null && upperCol != null) {
                BigDecimal lo = num(row, lowerCol);
                BigDecimal hi = num(row, upperCol);
                if (lo != null && hi != null && lo.compareTo(hi) > 0) {
                    out.add(Finding.error("decision-table", file, line, "range " + lo + "–" + hi + " is empty ("
                            + label(labels, lowerCol) + " > " + label(labels, upperCol) + ")"));
                }
                if (lo != null && prevUpper != null) {
                    int cmp = lo.compareTo(prevUpper.add(BigDecimal.ONE));
                    if (cmp < 0) {
                        out.add(Finding.error("decision-table", file, line, "range from " + lo
                                + " overlaps the range of line " + prevLine + " (up to " + prevUpper + ")"));
                    } else if (cmp > 0) {
                        out.add(Finding.error("decision-table", file, line, "gap: no row covers "
                                + prevUpper.add(BigDecimal.ONE) + "–" + lo.subtract(BigDecimal.ONE)
                                + " between line " + prevLine + " and this line"));
                    }
                }
                if (prevLine > 0 && prevUpper == null) {
                    out.add(Finding.error("decision-table", file, line, "the range of line " + prevLine
                            + " is open-ended, so this row can never be the only match"));
                }
                prevUpper = hi;
                prevLine = line;
            }
        }
        if (seen.isEmpty() && nameCol >= 0) {
            out.add(Finding.error("decision-table", file, tableRow + 6, "the table has no data rows"));
        }
        return out;
    }

    /** Spreadsheets often save "CSV UTF-8" with a byte-order mark; it is not part of the first cell. */
    private static String withoutBom(String csv) {
        return csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    }

    private static BigDecimal num(List<String> row, int c) {
        String s = c < row.size() ? row.get(c).trim() : "";
        return NUMBER.matcher(s).matches() ? new BigDecimal(s) : null;
    }

    private static String label(List<String> labels, int c) {
        String l = c < labels.size() ? labels.get(c).trim() : "";
        return (char) ('A' + Math.min(c, 25)) + (l.isEmpty() ? "" : " („" + l + "”)");
    }

    /** RFC 4180 CSV: quoted cells may contain commas and doubled quotes; one row per line. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : csv.split("\r?\n", -1)) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }
}
