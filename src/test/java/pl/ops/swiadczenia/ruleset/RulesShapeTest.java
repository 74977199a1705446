package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the rules written in the target style (issue 12, docs/rules-authoring.md, "Etapy"): for every benefit
 * and shared concept whose {@code benefit.yaml} says {@code rule_style: strict}, read from the DRL files under its
 * {@code logika/}:
 * <ul>
 *   <li>every {@code salience} (or {@code agenda-group}) line names its stage in a comment on the same line or
 *       the line before ({@code // etap: …}), as the DRL policy requires at upload;</li>
 *   <li>at most {@value #MAX_STAGE_LINES} such lines in the whole benefit (derive rules carry none; only rules that
 *       need complete data do);</li>
 *   <li>no loop, StringBuilder, {@code System.}, {@code Runtime}, {@code java.io}, {@code java.nio} or reflection
 *       outside comments.</li>
 * </ul>
 * Benefits still in the carried-over style ({@code rule_style: legacy}) are not checked here: they are rewritten one
 * by one, and each becomes subject to this test when its benefit.yaml says strict.
 */
class RulesShapeTest {
    static final int MAX_STAGE_LINES = 8;
    private static final Path RULES = Path.of("rules");
    private static final Pattern STYLE = Pattern.compile("(?m)^rule_style:\\s*([A-Za-z]+)");
    private static final Pattern STAGE = Pattern.compile("^\\s*(salience|agenda-group)\\b");
    private static final Pattern STAGE_COMMENT = Pattern.compile("//.*\\betap:\\s*\\S");
    private static final Map<String, Pattern> FORBIDDEN = forbidden();

    private static Map<String, Pattern> forbidden() {
        Map<String, Pattern> m = new TreeMap<>();
        m.put("loop (for)", Pattern.compile("\\bfor\\s*\\("));
        m.put("loop (while)", Pattern.compile("\\bwhile\\s*\\("));
        m.put("loop (do)", Pattern.compile("\\bdo\\s*\\{"));
        m.put("StringBuilder", Pattern.compile("StringBuilder|StringBuffer"));
        m.put("System.", Pattern.compile("\\bSystem\\."));
        m.put("Runtime", Pattern.compile("\\bRuntime\\b"));
        m.put("java.io", Pattern.compile("java\\.io\\b"));
        m.put("java.nio", Pattern.compile("java\\.nio\\b"));
        m.put("reflection", Pattern.compile(
                "java\\.lang\\.reflect|\\.getClass\\(\\)|Class\\.forName|\\.class\\b|getDeclared|\\.invoke\\("));
        return m;
    }

    /** A benefit or concept folder (rules/<b> or rules/wspolne/<c>) and the DRL files of its logic. */
    private record Benefit(String name, List<Path> drl) {
    }

    @Test
    void strictBenefitsHaveFewCommentedStagesAndNoForbiddenConstructs() throws IOException {
        List<Benefit> strict = strictBenefits();
        assertThat(strict).as("benefits with rule_style: strict").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Benefit b : strict) {
            int stages = 0;
            for (Path f : b.drl()) {
                List<String> lines = Files.readAllLines(f);
                List<String> code = withoutComments(lines);
                for (int i = 0; i < lines.size(); i++) {
                    String where = RULES.relativize(f) + ":" + (i + 1);
                    if (STAGE.matcher(code.get(i)).find()) {
                        stages++;
                        // on its line or the line before, as the DRL policy accepts it at upload (DrlPolicy.salience)
                        if (!STAGE_COMMENT.matcher(lines.get(i)).find()
                                && (i == 0 || !STAGE_COMMENT.matcher(lines.get(i - 1)).find())) {
                            problems.add(where + ": salience without a stage comment on its line or the line before (// etap: …): "
                                    + lines.get(i).trim());
                        }
                    }
                    for (Map.Entry<String, Pattern> e : FORBIDDEN.entrySet()) {
                        if (e.getValue().matcher(code.get(i)).find()) {
                            problems.add(where + ": " + e.getKey() + " is not allowed in a strict benefit: "
                                    + lines.get(i).trim());
                        }
                    }
                }
            }
            if (stages > MAX_STAGE_LINES) {
                problems.add(b.name() + ": " + stages + " salience lines, at most " + MAX_STAGE_LINES
                        + " (derive rules carry none; only rules that need complete data do)");
            }
        }
        assertThat(problems).as("shape of the strict rules").isEmpty();
    }

    /**
     * The targets of issue 12 for all of rules/, whatever the style: at most 20 000 DRL lines in at most 40 folders,
     * at most 20 % of the 6-line windows found in more than one file (copies; the same measure as
     * tools/rules-metrics.py: blank and comment-only lines skipped, white space folded), at most 100 salience or
     * agenda-group lines, each naming its stage, and no loop, StringBuilder, System., Runtime, java.io, java.nio or
     * reflection in any DRL.
     */
    @Test
    void allRulesMeetTheTargetsOfLawAsData() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(RULES)) {
            files = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        int lines = 0;
        int stages = 0;
        java.util.Set<Path> folders = new java.util.TreeSet<>();
        List<String> problems = new ArrayList<>();
        Map<List<String>, java.util.Set<Path>> where = new java.util.HashMap<>();
        Map<Path, List<List<String>>> windows = new java.util.HashMap<>();
        for (Path f : files) {
            List<String> all = Files.readAllLines(f);
            lines += all.size();
            folders.add(f.getParent());
            List<String> code = withoutComments(all);
            List<String> significant = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                String c = code.get(i);
                if (STAGE.matcher(c).find()) {
                    stages++;
                    if (!STAGE_COMMENT.matcher(all.get(i)).find()
                            && (i == 0 || !STAGE_COMMENT.matcher(all.get(i - 1)).find())) {
                        problems.add(RULES.relativize(f) + ":" + (i + 1) + ": salience without '// etap: …'");
                    }
                }
                for (Map.Entry<String, Pattern> e : FORBIDDEN.entrySet()) {
                    if (e.getValue().matcher(c).find()) {
                        problems.add(RULES.relativize(f) + ":" + (i + 1) + ": " + e.getKey());
                    }
                }
                String folded = c.trim().replaceAll("\\s+", " ");
                if (!folded.isEmpty()) {
                    significant.add(folded);
                }
            }
            List<List<String>> ws = new ArrayList<>();
            for (int i = 0; i + 6 <= significant.size(); i++) {
                List<String> w = significant.subList(i, i + 6);
                ws.add(w);
                where.computeIfAbsent(w, k -> new java.util.HashSet<>()).add(f);
            }
            windows.put(f, ws);
        }
        long total = windows.values().stream().mapToLong(List::size).sum();
        long copied = windows.values().stream().flatMap(List::stream).filter(w -> where.get(w).size() > 1).count();
        assertThat(lines).as("DRL lines under rules/").isLessThanOrEqualTo(20_000);
        assertThat(folders).as("folders holding DRL").hasSizeLessThanOrEqualTo(40);
        assertThat(100.0 * copied / Math.max(1, total)).as("%% of 6-line windows found in more than one file (%d of %d)",
                copied, total).isLessThanOrEqualTo(20.0);
        assertThat(stages).as("salience / agenda-group lines in all of rules/").isLessThanOrEqualTo(100);
        assertThat(problems).as("stage comments and forbidden constructs").isEmpty();
    }

    @Test
    void theCheckSeesCommentsAndStrings() {
        List<String> code = withoutComments(List.of(
                "    salience -50 // etap: łączenie – for (x) System.out",
                "/* for ( */ insert( new X(\"http://a//b\") ); // while (",
                "/* a",
                "   System.exit */ then"));
        assertThat(code.get(0)).contains("salience -50").doesNotContain("for", "System");
        assertThat(code.get(1)).contains("insert", "\"http://a//b\"").doesNotContain("while", "for (");
        assertThat(code.get(2)).isBlank();
        assertThat(code.get(3)).doesNotContain("System").contains("then");
    }

    private static List<Benefit> strictBenefits() throws IOException {
        List<Path> manifests = new ArrayList<>();
        try (Stream<Path> s = Files.list(RULES)) {
            s.filter(Files::isDirectory).forEach(d -> manifests.add(d.resolve("benefit.yaml")));
        }
        Path shared = RULES.resolve("wspolne");
        if (Files.isDirectory(shared)) {
            try (Stream<Path> s = Files.list(shared)) {
                s.filter(Files::isDirectory).forEach(d -> manifests.add(d.resolve("benefit.yaml")));
            }
        }
        List<Benefit> out = new ArrayList<>();
        for (Path m : manifests) {
            if (!Files.isRegularFile(m)) {
                continue; // a version-folder benefit (no dated history yet) or the shared folder itself
            }
            Matcher style = STYLE.matcher(Files.readString(m));
            if (!style.find() || !style.group(1).equals("strict")) {
                continue;
            }
            Path logic = m.getParent().resolve("logika");
            List<Path> drl = new ArrayList<>();
            if (Files.isDirectory(logic)) {
                try (Stream<Path> s = Files.walk(logic)) {
                    s.filter(p -> p.toString().endsWith(".drl")).sorted().forEach(drl::add);
                }
            }
            out.add(new Benefit(RULES.relativize(m.getParent()).toString(), drl));
        }
        return out;
    }

    /**
     * The lines with comments blanked out ({@code //…} and {@code /* … *}{@code /}, also across lines), string
     * literals kept, so a word in a comment is not a finding and "//" inside a string is not a comment.
     */
    static List<String> withoutComments(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean block = false;
        for (String line : lines) {
            StringBuilder sb = new StringBuilder(line.length());
            boolean string = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                char next = i + 1 < line.length() ? line.charAt(i + 1) : '\0';
                if (block) {
                    if (c == '*' && next == '/') {
                        block = false;
                        i++;
                    }
                    sb.append(' ');
                } else if (string) {
                    sb.append(c);
                    if (c == '\\' && next != '\0') {
                        sb.append(next);
                        i++;
                    } else if (c == '"') {
                        string = false;
                    }
                } else if (c == '"') {
                    string = true;
                    sb.append(c);
                } else if (c == '/' && next == '/') {
                    break;
                } else if (c == '/' && next == '*') {
                    block = true;
                    i++;
                    sb.append(' ');
                } else {
                    sb.append(c);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}
