package pl.ops.swiadczenia.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a DRL file may contain, checked on its text before anything is compiled: an allowlist of imports, globals,
 * functions and constructed types, and a list of forbidden constructs (system, processes, threads, files, network,
 * reflection, the engine's own runtime, loops, BigDecimal bombs), found by a lexer that skips comments and string
 * literals and keeps line numbers. Rules are untrusted input (policy staff upload them); a file with any finding is
 * never compiled or run. See docs/adr/0012-drl-policy-and-evaluation-limits.md.
 */
public final class DrlPolicy {
    /** The {@link Finding#check()} of every policy finding. */
    public static final String CHECK = "policy";

    /**
     * LEGACY: what the released rules (written before this policy) use – enhanced for-each over collections,
     * StringBuilder and string building for explanation texts, a few java.util collections. STRICT: the new style in
     * which rules only derive facts (no loops, no text building, consequences that only insert, modify or delete).
     */
    public enum Level { LEGACY, STRICT }

    /**
     * The helper functions the released rules define (checked for their names only; their bodies obey every other
     * rule). A new function name is a code change reviewed by a developer.
     */
    public static final Set<String> LEGACY_FUNCTIONS = Set.of("czescMiesiaca", "dataPl", "dataUrodzenia", "dniPobytu",
            "dniWMiesiacu", "granicaWieku", "kw", "kwotaZaMiesiac", "liczbaOsob", "najnizszaMasa", "niepelnosprawny",
            "noweOrzeczenieWTerminie", "okresDoDniaZadania", "pasmoPodwyzszone", "pobytDonoszonego",
            "poczatekPrawaDziecka", "powierzchniaDopuszczalna", "prawoPowstaloDoDnia", "przedluz", "przypadek",
            "skladnik", "sprawdzWiek", "stosujePrzedluzenie", "terminWniosku", "terminWnioskuNaKolejnyOkres",
            "urlopUprawniaDoDodatku", "wRodzinie", "wiekNajstarszego", "zasilekWMiesiacu", "zeroGdyBrak");

    private static final String FAKTY = "pl.ops.swiadczenia.fakty";
    private static final String OUTCOME = "pl.ops.swiadczenia.decyzja.Outcome";
    /** java.util types the LEGACY level accepts (imports: the first four; fully-qualified use: all). */
    private static final Set<String> LEGACY_UTIL_IMPORTS = Set.of("List", "ArrayList", "Collections", "Map");
    /**
     * Released rules also name these java.util types fully qualified ({@code new java.util.TreeSet<>()}, sorting);
     * grandfathered for LEGACY only, reported in ADR 0012.
     */
    private static final Set<String> LEGACY_UTIL_QUALIFIED = Set.of("List", "ArrayList", "Collections", "Map", "Set",
            "TreeSet", "TreeMap", "HashMap", "Comparator");
    private static final Set<String> LEGACY_UTIL_NEW = Set.of("ArrayList", "TreeSet", "TreeMap", "HashMap");
    /**
     * The counting loops of released rules (each bounded by data: months of a granted period, a number of months
     * from the application, months before the request), grandfathered for LEGACY by their exact header; any other
     * {@code for(;;)} is refused. Reported in ADR 0012.
     */
    private static final Set<String> LEGACY_COUNTING_LOOPS = Set.of(
            "for ( YearMonth m = $o . getOd ( ) ; ! m . isAfter ( $o . getDoMiesiaca ( ) ) ; "
                    + "m = m . plusMonths ( 1 ) )",
            "for ( int i = 0 ; i < liczba ; i ++ )",
            "for ( int i = ile ; i >= 1 ; i -- )");
    /** java.util types that would otherwise look like fact types after {@code new} (they cannot be imported). */
    private static final Set<String> UTIL_TYPES = Set.of("ArrayList", "LinkedList", "HashMap", "TreeMap",
            "LinkedHashMap", "HashSet", "TreeSet", "LinkedHashSet", "ArrayDeque", "PriorityQueue", "Vector", "Stack",
            "Hashtable", "Properties", "Random", "WeakHashMap", "IdentityHashMap", "EnumMap", "BitSet");
    /** Released functions receive the engine's runtime ({@code drools.getKnowledgeRuntime()}) to insert facts. */
    private static final String LEGACY_RUNTIME_TYPE = "org.kie.api.runtime.KieRuntime";
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "short", "byte", "boolean", "double",
            "float", "char");
    /** Bounded-argument BigDecimal/BigInteger operations: allowed only with a small integer constant. */
    private static final Set<String> SCALE_OPERATIONS = Set.of("scaleByPowerOfTen", "movePointLeft", "movePointRight",
            "shiftLeft", "shiftRight", "setScale");
    private static final int MAX_SCALE_ARGUMENT = 10;
    /** The largest MathContext precision a rule may ask for (DECIMAL128 has 34 digits). */
    private static final int MAX_PRECISION = 34;

    private record Reason(String pl, String en) {
    }

    private static final Map<String, Reason> FORBIDDEN = new HashMap<>();

    private static void forbid(String pl, String en, String... names) {
        for (String n : names) {
            FORBIDDEN.put(n, new Reason(pl, en));
        }
    }

    static {
        forbid("dostęp do systemu", "system access", "System", "SecurityManager", "Package", "StackWalker");
        forbid("zmienne środowiska i właściwości systemu", "environment and system properties", "getenv",
                "getProperty", "getProperties", "setProperty", "clearProperty");
        forbid("uruchamianie poleceń", "running commands", "Runtime", "ProcessBuilder", "Process", "ProcessHandle",
                "exec");
        forbid("zatrzymanie maszyny wirtualnej", "stopping the JVM", "exit", "halt");
        forbid("wątki", "threads", "Thread", "ThreadLocal", "InheritableThreadLocal", "ThreadGroup", "Executors",
                "ExecutorService", "ForkJoinPool", "CompletableFuture", "Timer", "synchronized", "wait", "notify",
                "notifyAll");
        forbid("refleksja i ładowanie klas", "reflection and class loading", "Class", "ClassLoader", "ClassValue",
                "getClass", "forName", "getClassLoader", "getContextClassLoader", "loadClass", "defineClass",
                "getModule", "Module", "ModuleLayer", "reflect", "Proxy", "getMethod", "getMethods",
                "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields", "getDeclaredField",
                "getDeclaredFields", "getConstructor", "getConstructors", "getDeclaredConstructor",
                "getDeclaredConstructors", "invoke", "invokeExact", "invokeWithArguments", "setAccessible",
                "newInstance", "MethodHandle", "MethodHandles", "VarHandle", "Unsafe", "ServiceLoader", "Compiler",
                // other ways to a Class object, also as MVEL properties (LHS constraints in the CLASSIC build)
                "getDeclaringClass", "declaringClass", "getSuperclass", "superclass", "getEnclosingClass",
                "enclosingClass", "getComponentType", "componentType", "getNestHost", "nestHost", "classLoader",
                "getProtectionDomain", "protectionDomain", "getCodeSource", "codeSource");
        forbid("deklaracja typu Java – własny kod w regule", "a Java type declaration – own code inside a rule",
                "class", "interface", "enum");
        forbid("pliki", "files", "Files", "Paths", "Path", "File", "FileInputStream", "FileOutputStream",
                "FileReader", "FileWriter", "RandomAccessFile", "getResource", "getResourceAsStream");
        forbid("sieć", "network", "URL", "URI", "Socket", "ServerSocket", "DatagramSocket", "HttpClient",
                "InetAddress", "URLConnection");
        forbid("wejście i wyjście", "input and output", "Scanner", "printStackTrace", "getStackTrace",
                "setStackTrace", "Console");
        forbid("pętla", "loop", "while", "do");
        forbid("dostęp do silnika reguł", "access to the rule engine", "drools", "kcontext", "getKieRuntime",
                "getKnowledgeRuntime", "getWorkingMemory", "getKieBase", "getEntryPoint", "getChannels");
        forbid("pamięć bez ograniczeń", "unbounded memory or iteration", "nCopies", "repeat");
        forbid("globalny stan maszyny wirtualnej", "JVM-wide state", "ZoneRulesProvider");
        forbid("atrybut zegara – zadania w tle", "timer attribute – background jobs", "timer", "calendars",
                "duration");
    }

    private static final Reason INVISIBLE = new Reason("znak niewidoczny – Java pomija go w nazwach, więc może ukryć "
            + "nazwę", "an invisible character – Java ignores it inside names, so it can hide a name");

    /** Types whose static methods may compute a {@code from} source: values, and the fact model's pure helpers. */
    private static final Set<String> FROM_VALUE_TYPES = Set.of("LocalDate", "YearMonth", "Period", "BigDecimal",
            "Daty", "Kwoty");

    /** Forbidden only at STRICT: building texts (explanations come from templates). */
    private static final Map<String, Reason> STRICT_FORBIDDEN = Map.of(
            "StringBuilder", new Reason("sklejanie tekstu", "building text"),
            "StringBuffer", new Reason("sklejanie tekstu", "building text"),
            "concat", new Reason("sklejanie tekstu", "building text"),
            "formatted", new Reason("sklejanie tekstu", "building text"));

    /**
     * Top-level packages of the JDK and of the service's class path (Groovy included): a dotted name starting with
     * one of them is a fully-qualified reference, checked against the allowlist.
     */
    private static final Set<String> ROOTS = Set.of("java", "javax", "jakarta", "jdk", "sun", "com", "org", "net",
            "io", "netscape", "groovy", "groovyjarjarantlr4", "groovyjarjarpicocli", "groovyjarjarasm", "joptsimple",
            "mutiny", "kotlin", "scala", "pl");

    private DrlPolicy() {
    }

    /**
     * Checks one DRL file (or the DRL generated from a decision table).
     *
     * @param file             the file name reported in the findings
     * @param text             the DRL
     * @param level            LEGACY for the released style, STRICT for the new representation
     * @param allowedFunctions names a {@code function} block may have
     * @return one error finding (check {@value #CHECK}) per offending line: the first forbidden construct on it
     */
    public static List<Finding> check(String file, String text, Level level, Set<String> allowedFunctions) {
        List<Finding> out = new ArrayList<>();
        for (Violation v : violations(text, level, allowedFunctions)) {
            out.add(Finding.error(CHECK, file, v.line(), v.message()));
        }
        return out;
    }

    /**
     * A forbidden construct at a line and column (1-based); {@code generic} when it only says that a statement has
     * a shape STRICT does not allow (a named construct on the same line is reported instead).
     */
    record Violation(int line, int column, String construct, String reasonPl, String reasonEn, boolean generic) {
        Violation(int line, int column, String construct, String reasonPl, String reasonEn) {
            this(line, column, construct, reasonPl, reasonEn, false);
        }

        String message() {
            return "niedozwolone w regułach: " + construct + " (" + reasonPl + ") / not allowed in rules: " + construct
                    + " (" + reasonEn + ")";
        }
    }

    /** Every violation, the first one per line (a named construct before a statement's shape), in line order. */
    static List<Violation> violations(String text, Level level, Set<String> allowedFunctions) {
        Checker c = new Checker(text, level, allowedFunctions == null ? Set.of() : allowedFunctions);
        c.run();
        Map<Integer, Violation> first = new TreeMap<>();
        c.found.stream().sorted(Comparator.comparingInt(Violation::line).thenComparing(Violation::generic)
                .thenComparingInt(Violation::column)).forEach(v -> first.putIfAbsent(v.line(), v));
        return List.copyOf(first.values());
    }

    // ------------------------------------------------------------------------------------------------- lexer

    enum Kind { IDENT, NUMBER, STRING, PUNCT }

    /** A token outside comments; a STRING token's text is its content without the quotes. */
    record Token(Kind kind, String text, int line, int column, int start, int end) {
        boolean is(String s) {
            return kind != Kind.STRING && text.equals(s);
        }

        boolean ident() {
            return kind == Kind.IDENT;
        }
    }

    /** Splits DRL into tokens, dropping comments (kept per line) and recording what a lexer alone must refuse. */
    static final class Lexer {
        final String text;
        final List<Token> tokens = new ArrayList<>();
        final Map<Integer, StringBuilder> comments = new HashMap<>();
        final List<Violation> violations = new ArrayList<>();
        private final int lineOffset;
        private int line;
        private int lineStart;

        Lexer(String text, int lineOffset) {
            this.text = text;
            this.lineOffset = lineOffset;
            this.line = 1 + lineOffset;
        }

        private int col(int i) {
            return i - lineStart + 1;
        }

        private void violation(int i, String construct, String pl, String en) {
            violations.add(new Violation(line, col(i), construct, pl, en));
        }

        private void newline(int i) {
            line++;
            lineStart = i + 1;
        }

        Lexer run() {
            String t = text;
            int n = t.length();
            // Java turns \\uXXXX into characters before anything else, even inside comments and strings
            for (int i = 0, l = 1 + lineOffset, ls = 0; i + 1 < n; i++) {
                if (t.charAt(i) == '\n') {
                    l++;
                    ls = i + 1;
                } else if (t.charAt(i) == '\\' && t.charAt(i + 1) == 'u') {
                    violations.add(new Violation(l, i - ls + 1, "\\u", "sekwencja Unicode – Java zamienia ją na "
                            + "znak przed analizą, także w komentarzu i napisie", "a Unicode escape – Java turns it "
                            + "into a character before parsing, even in comments and strings"));
                }
            }
            int i = 0;
            if (n > 0 && t.charAt(0) == '\uFEFF') {
                i = 1; // byte-order mark
            }
            while (i < n) {
                char c = t.charAt(i);
                if (c == '\n') {
                    newline(i);
                    i++;
                } else if (c == '\r' || c == ' ' || c == '\t' || c == '\f') {
                    i++;
                } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '/') {
                    // a line comment ends at CR or LF, as in Java and the DRL lexer
                    int j = i + 2;
                    while (j < n && t.charAt(j) != '\n' && t.charAt(j) != '\r') {
                        j++;
                    }
                    comment(line, t.substring(i + 2, j));
                    i = j;
                } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
                    int end = t.indexOf("*/", i + 2);
                    if (end < 0) {
                        violation(i, "/*", "komentarz bez zamknięcia", "an unterminated comment");
                    }
                    int stop = end < 0 ? n : end;
                    int from = i + 2;
                    for (int j = from; j < stop; j++) {
                        if (t.charAt(j) == '\n') {
                            comment(line, t.substring(from, j));
                            newline(j);
                            from = j + 1;
                        }
                    }
                    comment(line, t.substring(from, stop));
                    i = end < 0 ? n : end + 2;
                } else if (c == '"' || c == '\'') {
                    i = string(i, c);
                } else if (Character.isJavaIdentifierStart(t.codePointAt(i))) {
                    int j = i;
                    StringBuilder name = new StringBuilder();
                    while (j < n && Character.isJavaIdentifierPart(t.codePointAt(j))) {
                        int cp = t.codePointAt(j);
                        if (Character.isIdentifierIgnorable(cp)) {
                            violation(j, String.format(Locale.ROOT, "U+%04X", cp), INVISIBLE.pl(), INVISIBLE.en());
                        } else {
                            name.appendCodePoint(cp);
                        }
                        j += Character.charCount(cp);
                    }
                    tokens.add(new Token(Kind.IDENT, name.toString(), line, col(i), i, j));
                    i = j;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < n && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_'
                            || (t.charAt(j) == '.' && j + 1 < n && Character.isDigit(t.charAt(j + 1))))) {
                        j++;
                    }
                    tokens.add(new Token(Kind.NUMBER, t.substring(i, j), line, col(i), i, j));
                    i = j;
                } else {
                    int cp = t.codePointAt(i);
                    int len = Character.charCount(cp);
                    if (Character.isIdentifierIgnorable(cp)) {
                        violation(i, String.format(Locale.ROOT, "U+%04X", cp), INVISIBLE.pl(), INVISIBLE.en());
                    } else if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                        tokens.add(new Token(Kind.PUNCT, t.substring(i, i + len), line, col(i), i, i + len));
                    }
                    i += len;
                }
            }
            return this;
        }

        /** A string (or char) literal; it must close on its line, else the file is refused (no guessing). */
        private int string(int i, char quote) {
            String t = text;
            int n = t.length();
            int j = i + 1;
            StringBuilder value = new StringBuilder();
            while (j < n) {
                char ch = t.charAt(j);
                if (ch == '\\' && j + 1 < n && t.charAt(j + 1) != '\n' && t.charAt(j + 1) != '\r') {
                    value.append(ch).append(t.charAt(j + 1));
                    j += 2;
                } else if (ch == quote) {
                    tokens.add(new Token(Kind.STRING, value.toString(), line, col(i), i, j + 1));
                    return j + 1;
                } else if (ch == '\n' || ch == '\r') {
                    break;
                } else {
                    value.append(ch);
                    j++;
                }
            }
            violation(i, String.valueOf(quote), "napis bez zamknięcia w tej samej linii",
                    "a string literal not closed on its line");
            tokens.add(new Token(Kind.STRING, value.toString(), line, col(i), i, j));
            return j;
        }

        private void comment(int l, String s) {
            comments.computeIfAbsent(l, k -> new StringBuilder()).append(' ').append(s);
        }
    }

    // ------------------------------------------------------------------------------------------------- checks

    /** One run of the checks over one file. */
    private static final class Checker {
        private final Level level;
        private final Set<String> allowedFunctions;
        private final Lexer lexer;
        private final List<Token> tok;
        private final List<Violation> found = new ArrayList<>();
        /** Names bound in patterns ({@code $x : Fact()}, {@code x : Fact()}), valid sources of {@code from}. */
        private final Set<String> bindings = new HashSet<>();
        /** Token indexes excused at LEGACY (the released functions' access to the engine runtime). */
        private final Set<Integer> excused = new HashSet<>();
        /** Function name → token range of its body, for the recursion check. */
        private final Map<String, int[]> functions = new LinkedHashMap<>();
        private final Map<String, Token> functionTokens = new HashMap<>();

        Checker(String text, Level level, Set<String> allowedFunctions) {
            this.level = level;
            this.allowedFunctions = allowedFunctions;
            this.lexer = new Lexer(text, 0).run();
            this.tok = lexer.tokens;
            found.addAll(lexer.violations);
        }

        private boolean strict() {
            return level == Level.STRICT;
        }

        private Token at(int k) {
            return k >= 0 && k < tok.size() ? tok.get(k) : null;
        }

        private boolean is(int k, String s) {
            Token t = at(k);
            return t != null && t.is(s);
        }

        private boolean adjacent(int k) {
            return at(k) != null && at(k + 1) != null && at(k).end() == at(k + 1).start();
        }

        private void add(Token t, String construct, Reason r) {
            found.add(new Violation(t.line(), t.column(), construct, r.pl(), r.en()));
        }

        private void add(Token t, String construct, String pl, String en) {
            found.add(new Violation(t.line(), t.column(), construct, pl, en));
        }

        /** Index of the bracket closing the one at {@code k} ({@code ( [ { <}), or -1. */
        private int close(int k) {
            String open = at(k).text();
            String shut = switch (open) {
                case "(" -> ")";
                case "[" -> "]";
                case "{" -> "}";
                case "<" -> ">";
                default -> throw new IllegalArgumentException(open);
            };
            int depth = 0;
            for (int j = k; j < tok.size(); j++) {
                if (tok.get(j).kind() == Kind.STRING) {
                    continue;
                }
                if (tok.get(j).is(open)) {
                    depth++;
                } else if (tok.get(j).is(shut)) {
                    depth--;
                    if (depth == 0) {
                        return j;
                    }
                }
            }
            return -1;
        }

        /** The dotted name starting at {@code k}: its segments (identifiers). */
        private List<String> qualified(int k) {
            List<String> segs = new ArrayList<>();
            int j = k;
            while (at(j) != null && at(j).ident()) {
                segs.add(at(j).text());
                if (is(j + 1, ".") && at(j + 2) != null && at(j + 2).ident()) {
                    j += 2;
                } else {
                    break;
                }
            }
            return segs;
        }

        /** The index just after the dotted name starting at {@code k}. */
        private int afterQualified(int k) {
            return k + Math.max(1, 2 * qualified(k).size() - 1);
        }

        void run() {
            for (int k = 0; k < tok.size(); k++) {
                if (tok.get(k).ident() && is(k + 1, ":") && !is(k + 2, ":") && !is(k - 1, ":")) {
                    bindings.add(tok.get(k).text());
                }
            }
            legacyRuntimeAccess();
            for (int k = 0; k < tok.size(); k++) {
                Token t = tok.get(k);
                if (t.kind() == Kind.PUNCT) {
                    punctuation(k);
                    continue;
                }
                if (!t.ident() || excused.contains(k)) {
                    continue;
                }
                boolean member = is(k - 1, ".");
                String w = t.text();
                if (!member) {
                    switch (w) {
                        case "package" -> {
                            k = afterQualified(k + 1) - 1;
                            continue;
                        }
                        case "import" -> {
                            k = importDeclaration(k);
                            continue;
                        }
                        case "dialect" -> dialect(k);
                        case "global" -> global(k);
                        case "function" -> function(k);
                        case "new" -> construction(k);
                        case "for" -> loop(k);
                        case "from" -> from(k);
                        case "accumulate", "acc" -> accumulate(k);
                        case "salience" -> salience(k);
                        case "then" -> consequence(k);
                        default -> {
                        }
                    }
                    if (packageQualified(k)) {
                        qualifiedUse(k);
                    }
                }
                if (w.equals("class") && member) {
                    add(t, ".class", FORBIDDEN.get("Class"));
                } else if (FORBIDDEN.containsKey(w)) {
                    add(t, w, FORBIDDEN.get(w));
                } else if (strict() && STRICT_FORBIDDEN.containsKey(w)) {
                    add(t, w, STRICT_FORBIDDEN.get(w));
                } else if (w.equals("pow") && is(k + 1, "(")) {
                    add(t, "pow(…)", "bomba BigDecimal – potęga bez ograniczeń", "BigDecimal bomb – unbounded power");
                } else if (SCALE_OPERATIONS.contains(w) && member && is(k + 1, "(")) {
                    scaleOperation(k);
                } else if (w.equals("divide") && member && is(k + 1, "(") && arguments(k + 1).size() == 3) {
                    smallConstant(k, 1, MAX_SCALE_ARGUMENT); // divide(x, scale, rounding)
                } else if (w.equals("valueOf") && member && is(k - 2, "BigDecimal") && is(k + 1, "(")
                        && arguments(k + 1).size() == 2) {
                    smallConstant(k, 1, MAX_SCALE_ARGUMENT); // BigDecimal.valueOf(unscaled, scale)
                } else if (w.equals("getInteger") || w.equals("getLong") || w.equals("getBoolean")) {
                    if (member && (is(k - 2, "Integer") || is(k - 2, "Long") || is(k - 2, "Boolean"))) {
                        add(t, at(k - 2).text() + "." + w, FORBIDDEN.get("getProperty"));
                    }
                } else if (strict() && (w.equals("join") || w.equals("format")) && member && is(k - 2, "String")) {
                    add(t, "String." + w, STRICT_FORBIDDEN.get("concat"));
                } else if (strict() && w.equals("wyjasnienie") && is(k + 1, ".")) {
                    add(t, "wyjasnienie." + (at(k + 2) == null ? "" : at(k + 2).text()), "wyjaśnienia pochodzą z "
                            + "szablonów, nie z konsekwencji", "explanations come from templates, not consequences");
                }
            }
            recursion();
        }

        private void punctuation(int k) {
            Token t = tok.get(k);
            if (!strict()) {
                return;
            }
            if (t.is("+")) {
                Token prev = at(k - 1);
                Token next = is(k + 1, "=") && adjacent(k) ? at(k + 2) : at(k + 1);
                if (prev != null && prev.kind() == Kind.STRING || next != null && next.kind() == Kind.STRING) {
                    add(t, "+ \"…\"", "sklejanie tekstu", "string concatenation");
                }
            } else if (t.is("-") && is(k + 1, ">") && adjacent(k)) {
                add(t, "->", "lambda – ukryta pętla", "a lambda – a hidden loop");
            } else if (t.is(":") && is(k + 1, ":") && adjacent(k)) {
                add(t, "::", "referencja metody – ukryta pętla", "a method reference – a hidden loop");
            } else if (t.is("(")) {
                cast(k);
            }
        }

        /** STRICT: {@code (Type) expr} and {@code (int) expr}. */
        private void cast(int k) {
            Token first = at(k + 1);
            if (first == null || !first.ident()) {
                return;
            }
            int j = afterQualified(k + 1);
            List<String> segs = qualified(k + 1);
            String last = segs.get(segs.size() - 1);
            boolean typeName = PRIMITIVES.contains(first.text()) && segs.size() == 1
                    || Character.isUpperCase(last.charAt(0));
            if (!typeName) {
                return;
            }
            if (is(j, "<")) {
                int g = close(j);
                if (g < 0) {
                    return;
                }
                j = g + 1;
            }
            while (is(j, "[") && is(j + 1, "]")) {
                j += 2;
            }
            if (!is(j, ")")) {
                return;
            }
            Token next = at(j + 1);
            if (next == null) {
                return;
            }
            boolean operand = next.ident() && !next.is("instanceof") || next.kind() == Kind.NUMBER
                    || next.kind() == Kind.STRING || next.is("(") || next.is("!") || next.is("~");
            if (operand) {
                add(first, "(" + String.join(".", segs) + ")", "rzutowanie typu", "type cast");
            }
        }

        /** LEGACY: released functions get {@code drools.getKnowledgeRuntime()} and only call {@code insert} on it. */
        private void legacyRuntimeAccess() {
            if (strict()) {
                return;
            }
            for (int k = 0; k + 4 < tok.size(); k++) {
                if (is(k, "drools") && !is(k - 1, ".") && is(k + 1, ".") && is(k + 2, "getKnowledgeRuntime")
                        && is(k + 3, "(") && is(k + 4, ")") && (is(k + 5, ",") || is(k + 5, ")"))
                        && is(k - 1, "(") && at(k - 2) != null && allowedFunctions.contains(at(k - 2).text())) {
                    excused.add(k);
                    excused.add(k + 2);
                }
            }
        }

        private int importDeclaration(int k) {
            Token t = tok.get(k);
            int j = k + 1;
            String kind = "";
            if (is(j, "function") || is(j, "static") || is(j, "accumulate")) {
                kind = at(j).text();
                j++;
            }
            List<String> segs = qualified(j);
            int after = afterQualified(j);
            boolean wildcard = is(after, ".") && is(after + 1, "*");
            if (wildcard) {
                after += 2;
            }
            String name = String.join(".", segs) + (wildcard ? ".*" : "");
            if (kind.equals("accumulate") && at(after) != null && at(after).ident()) {
                after++;
            }
            if (segs.isEmpty() || !importAllowed(segs, wildcard, kind)) {
                String allowed = "fakty, Outcome, java.math, java.time"
                        + (strict() ? "" : ", java.util.List/ArrayList/Collections/Map");
                add(t, "import " + (kind.isEmpty() ? "" : kind + " ") + name, "import spoza dozwolonych pakietów: "
                        + allowed, "an import outside the allowed packages: " + allowed);
            }
            return (is(after, ";") ? after : after - 1);
        }

        private boolean importAllowed(List<String> segs, boolean wildcard, String kind) {
            if (kind.equals("accumulate")) {
                return !wildcard && classInFakty(segs, segs.size());
            }
            if (kind.equals("function") || kind.equals("static")) {
                // a static member of an allowed class, or all of them
                return wildcard ? typeAllowed(segs, segs.size()) : segs.size() > 1 && typeAllowed(segs, segs.size() - 1);
            }
            if (wildcard) {
                String p = String.join(".", segs);
                return p.equals(FAKTY) || p.equals("java.math") || p.equals("java.time");
            }
            return typeAllowed(segs, segs.size());
        }

        /** Whether the first {@code n} segments name an allowed type (fact model, Outcome, java.math, java.time). */
        private boolean typeAllowed(List<String> segs, int n) {
            if (n < 2) {
                return false;
            }
            String joined = String.join(".", segs.subList(0, n));
            if (classInFakty(segs, n)) {
                return true;
            }
            if (joined.equals(OUTCOME)) {
                return true;
            }
            if (startsWith(segs, "java", "math") && n == 3 && capital(segs.get(2))) {
                return true;
            }
            if (startsWith(segs, "java", "time") && (n == 3 && capital(segs.get(2))
                    || n == 4 && segs.get(2).equals("temporal") && capital(segs.get(3)))) {
                return true;
            }
            return !strict() && startsWith(segs, "java", "util") && n == 3 && LEGACY_UTIL_IMPORTS.contains(segs.get(2));
        }

        private static boolean classInFakty(List<String> segs, int n) {
            if (n < 5 || !String.join(".", segs.subList(0, 4)).equals(FAKTY)) {
                return false;
            }
            for (int i = 4; i < n; i++) {
                if (!capital(segs.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean startsWith(List<String> segs, String... prefix) {
            if (segs.size() < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (!segs.get(i).equals(prefix[i])) {
                    return false;
                }
            }
            return true;
        }

        private static boolean capital(String s) {
            return !s.isEmpty() && Character.isUpperCase(s.charAt(0));
        }

        /**
         * Whether the dotted name at {@code k} is package-qualified: it starts with a known top-level package, or
         * lower-case segments lead to a capitalised one ({@code a.b.C}). A variable's method call ({@code pl.add(x)})
         * and property paths ({@code dane.kwota}) are not.
         */
        private boolean packageQualified(int k) {
            String w = tok.get(k).text();
            if (w.startsWith("$") || !Character.isLowerCase(w.charAt(0)) || !is(k + 1, ".")) {
                return false;
            }
            List<String> segs = typePart(k);
            if (segs.size() < 2) {
                return false;
            }
            if (ROOTS.contains(w)) {
                // even if some pattern binds a variable of that name: where it is not in scope, Java reads a package
                return true;
            }
            if (bindings.contains(w)) {
                return false;
            }
            for (int c = 1; c < segs.size(); c++) {
                if (capital(segs.get(c))) {
                    return true;
                }
                if (!Character.isLowerCase(segs.get(c).charAt(0))) {
                    return false;
                }
            }
            return false;
        }

        /** The dotted name at {@code k} without a trailing method name ({@code a.b.C.m(} gives a, b, C). */
        private List<String> typePart(int k) {
            List<String> segs = qualified(k);
            int after = afterQualified(k);
            boolean method = is(after, "(") && segs.size() > 1 && !capital(segs.get(segs.size() - 1))
                    && !is(k - 1, "new");
            return method ? segs.subList(0, segs.size() - 1) : segs;
        }

        /** A fully-qualified name in code: only the allowed packages (and, at LEGACY, a few java.util types). */
        private void qualifiedUse(int k) {
            List<String> segs = typePart(k);
            if (qualifiedAllowed(segs)) {
                return;
            }
            if (!strict() && String.join(".", segs).equals(LEGACY_RUNTIME_TYPE) && inFunctionParameters(k)) {
                legacyRuntimeParameter(k, afterQualified(k));
                return;
            }
            int cls = 0;
            while (cls < segs.size() - 1 && !capital(segs.get(cls))) {
                cls++;
            }
            add(tok.get(k), String.join(".", segs.subList(0, cls + 1)), "pełna nazwa klasy spoza dozwolonych pakietów",
                    "fully-qualified class outside the allowed packages");
        }

        private boolean qualifiedAllowed(List<String> segs) {
            for (int n = 2; n <= segs.size(); n++) {
                if (typeAllowed(segs, n)) {
                    return true;
                }
            }
            return !strict() && startsWith(segs, "java", "util") && segs.size() >= 3
                    && LEGACY_UTIL_QUALIFIED.contains(segs.get(2));
        }

        /** Whether token {@code k} lies inside the parameter list of a {@code function} declaration. */
        private boolean inFunctionParameters(int k) {
            int depth = 0;
            for (int j = k - 1; j >= 0; j--) {
                if (tok.get(j).is(")")) {
                    depth++;
                } else if (tok.get(j).is("(")) {
                    if (depth == 0) {
                        return at(j - 1) != null && at(j - 1).ident() && at(j - 2) != null
                                && functionKeywordBefore(j - 2);
                    }
                    depth--;
                } else if (tok.get(j).is(";") || tok.get(j).is("{") || tok.get(j).is("}")) {
                    return false;
                }
            }
            return false;
        }

        private boolean functionKeywordBefore(int j) {
            for (int i = j; i >= 0 && i >= j - 12; i--) {
                if (is(i, "function") && !is(i - 1, ".")) {
                    return true;
                }
            }
            return false;
        }

        /** LEGACY: a {@code KieRuntime} parameter may only be used as {@code rt.insert(...)} in its function. */
        private void legacyRuntimeParameter(int typeStart, int nameIndex) {
            Token name = at(nameIndex);
            if (name == null || !name.ident()) {
                return;
            }
            int open = nameIndex;
            while (open < tok.size() && !tok.get(open).is("{")) {
                open++;
            }
            int shut = open < tok.size() ? close(open) : -1;
            for (int j = open + 1; j > 0 && j < shut; j++) {
                if (tok.get(j).is(name.text()) && !is(j - 1, ".")
                        && !(is(j + 1, ".") && is(j + 2, "insert") && is(j + 3, "("))) {
                    add(tok.get(j), name.text(), "z dostępu do silnika reguł (KieRuntime) wolno tu tylko wywołać "
                            + "insert(…)", "only insert(…) may be called on the engine runtime (KieRuntime) here");
                }
            }
        }

        private void dialect(int k) {
            Token v = at(k + 1);
            if (v == null || v.kind() != Kind.STRING || !v.text().equals("java")) {
                add(tok.get(k), "dialect " + (v == null ? "" : v.kind() == Kind.STRING ? "\"" + v.text() + "\""
                        : v.text()), "dozwolony jest tylko dialect \"java\" – MVEL wykonuje napisy jako kod",
                        "only dialect \"java\" is allowed – MVEL evaluates strings as code");
            }
        }

        private void global(int k) {
            List<String> type = qualified(k + 1);
            int nameIndex = afterQualified(k + 1);
            Token name = at(nameIndex);
            String t = String.join(".", type);
            boolean ok = (t.equals("Wyjasnienie") || t.equals(FAKTY + ".Wyjasnienie")) && name != null
                    && name.is("wyjasnienie") && (is(nameIndex + 1, ";") || at(nameIndex + 1) == null
                    || at(nameIndex + 1).line() > name.line());
            if (!ok) {
                add(tok.get(k), "global " + t + (name == null ? "" : " " + name.text()),
                        "jedyny dozwolony global to Wyjasnienie wyjasnienie", "the only global allowed is Wyjasnienie "
                                + "wyjasnienie");
            }
        }

        /** {@code function Type name(params) { body }}: the name must be allowed; records the body. */
        private void function(int k) {
            int j = k + 1;
            if (at(j) == null || !at(j).ident()) {
                add(tok.get(k), "function", "nierozpoznana deklaracja funkcji", "unrecognised function declaration");
                return;
            }
            j = afterQualified(j);
            if (is(j, "<")) {
                int g = close(j);
                j = g < 0 ? j : g + 1;
            }
            while (is(j, "[") && is(j + 1, "]")) {
                j += 2;
            }
            Token name = at(j);
            if (name == null || !name.ident() || !is(j + 1, "(")) {
                add(tok.get(k), "function", "nierozpoznana deklaracja funkcji", "unrecognised function declaration");
                return;
            }
            if (!allowedFunctions.contains(name.text())) {
                add(tok.get(k), "function " + name.text(), "funkcja spoza listy dozwolonych – dodanie funkcji to "
                        + "zmiana kodu przeglądana przez programistę", "a function not on the allowed list – adding "
                        + "one is a code change reviewed by a developer");
            }
            int params = close(j + 1);
            int body = params < 0 ? -1 : params + 1;
            if (body > 0 && is(body, "{")) {
                int end = close(body);
                if (end > 0) {
                    functions.put(name.text(), new int[] {body, end});
                    functionTokens.put(name.text(), name);
                }
            }
        }

        /** A function that calls itself, directly or through others, can run without bound. */
        private void recursion() {
            Map<String, Set<String>> calls = new HashMap<>();
            functions.forEach((f, range) -> {
                Set<String> c = new HashSet<>();
                for (int j = range[0]; j < range[1]; j++) {
                    Token t = tok.get(j);
                    if (t.ident() && functions.containsKey(t.text()) && is(j + 1, "(") && !is(j - 1, ".")) {
                        c.add(t.text());
                    }
                }
                calls.put(f, c);
            });
            for (String f : functions.keySet()) {
                if (reaches(calls, f, f, new HashSet<>())) {
                    add(functionTokens.get(f), "function " + f, "rekurencja – funkcja wywołuje samą siebie, pętla "
                            + "bez limitu", "recursion – the function calls itself, a loop without a bound");
                }
            }
        }

        private static boolean reaches(Map<String, Set<String>> calls, String from, String target, Set<String> seen) {
            for (String g : calls.getOrDefault(from, Set.of())) {
                if (g.equals(target) || seen.add(g) && reaches(calls, g, target, seen)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code new T(...)}: fact-model types and java.math/java.time values (LEGACY: also a few collections). */
        private void construction(int k) {
            Token t = tok.get(k);
            Token first = at(k + 1);
            if (first == null || !first.ident()) {
                return;
            }
            List<String> segs = qualified(k + 1);
            int j = afterQualified(k + 1);
            if (is(j, "<")) {
                int g = close(j);
                j = g < 0 ? j : g + 1;
            }
            String type = String.join(".", segs);
            if (is(j, "[")) {
                add(first, "new " + type + "[]", "tablica – rozmiar bez ograniczeń", "an array – unbounded size");
                return;
            }
            if (PRIMITIVES.contains(type)) {
                add(first, "new " + type, "tablica – rozmiar bez ograniczeń", "an array – unbounded size");
                return;
            }
            if (FORBIDDEN.containsKey(segs.get(0)) || strict() && STRICT_FORBIDDEN.containsKey(segs.get(0))
                    || !capital(segs.get(0)) && packageQualified(k + 1) && !qualifiedAllowed(segs)) {
                return; // named by the name check or the fully-qualified name check
            }
            if (!newAllowed(segs)) {
                add(first, "new " + type, "tworzenie obiektu spoza modelu faktów i wartości java.math/java.time",
                        "creating an object outside the fact model and java.math/java.time values");
                return;
            }
            String simple = segs.get(segs.size() - 1);
            if (is(j, "(") && (simple.equals("BigDecimal") || simple.equals("BigInteger")) && at(j + 1) != null
                    && at(j + 1).kind() == Kind.STRING && at(j + 1).text().matches("(?s).*[eE].*")) {
                add(first, "new " + type + "(\"…e…\")", "bomba BigDecimal – wykładnik w napisie",
                        "BigDecimal bomb – an exponent in the text");
            } else if (is(j, "(") && simple.equals("MathContext")) {
                smallConstant(k + 1 + 2 * (segs.size() - 1), 0, MAX_PRECISION);
            }
            if (is(j, "(")) {
                int args = close(j);
                if (args > 0 && is(args + 1, "{")) {
                    add(t, "new " + type + "(…) {…}", "klasa anonimowa – własny kod w regule",
                            "an anonymous class – own code inside a rule");
                }
            }
        }

        private boolean newAllowed(List<String> segs) {
            String first = segs.get(0);
            if (!capital(first)) {
                if (startsWith(segs, "java", "math") || startsWith(segs, "java", "time") && segs.size() == 3
                        || classInFakty(segs, segs.size())) {
                    return segs.size() > 2;
                }
                return !strict() && startsWith(segs, "java", "util") && segs.size() == 3
                        && LEGACY_UTIL_NEW.contains(segs.get(2));
            }
            if (!strict() && (first.equals("ArrayList") || first.equals("StringBuilder"))) {
                return true;
            }
            if (UTIL_TYPES.contains(first)) {
                return false;
            }
            // a simple name is a fact type, a declared type or an imported java.math/java.time type – unless it is
            // one of java.lang, which is visible without an import
            return !javaLang(first);
        }

        private void loop(int k) {
            Token t = tok.get(k);
            if (!is(k + 1, "(")) {
                return;
            }
            int shut = close(k + 1);
            boolean classic = false;
            for (int j = k + 2; j < shut && j > 0; j++) {
                if (tok.get(j).is(";")) {
                    classic = true;
                    break;
                }
            }
            if (classic && !strict() && shut > 0 && LEGACY_COUNTING_LOOPS.contains(header(k, shut))) {
                return;
            }
            if (classic || shut < 0) {
                add(t, "for (;;)", "pętla z warunkiem – dozwolona jest tylko pętla po elementach listy",
                        "a loop with a condition – only for-each over a collection is allowed");
            } else if (strict()) {
                add(t, "for", "pętla – w nowym stylu reguły nie zawierają pętli", "a loop – rules in the new style "
                        + "have no loops");
            }
        }

        /** Tokens {@code from..to} joined by single spaces, adjacent operator characters together. */
        private String header(int from, int to) {
            StringBuilder sb = new StringBuilder();
            for (int j = from; j <= to; j++) {
                if (j > from && !(tok.get(j).kind() == Kind.PUNCT && tok.get(j - 1).kind() == Kind.PUNCT
                        && adjacent(j - 1) && !tok.get(j).is("(") && !tok.get(j).is(")")
                        && !tok.get(j - 1).is("(") && !tok.get(j - 1).is(")"))) {
                    sb.append(' ');
                }
                sb.append(tok.get(j).text());
            }
            return sb.toString();
        }

        /** {@code from}: a bound variable's property or method, {@code collect}, {@code accumulate}. */
        private void from(int k) {
            Token next = at(k + 1);
            if (next == null) {
                return;
            }
            if (next.ident() && (next.is("collect") || next.is("accumulate") || next.is("acc") || next.is("entry")
                    || next.is("window") || next.text().startsWith("$") || bindings.contains(next.text()))) {
                return;
            }
            // a value computed by a static method of a value type or of the fact model's calendar/money helpers
            // (e.g. from LocalDate.parse(…), from Daty.dzienUkonczenia(…)); the names inside stay checked as anywhere
            if (next.ident() && FROM_VALUE_TYPES.contains(next.text()) && is(k + 2, ".")) {
                return;
            }
            boolean call = !next.ident();
            for (int j = k + 1; !call && at(j) != null && (at(j).ident() || at(j).is(".")); j++) {
                call = is(j + 1, "(") && at(j).ident();
            }
            if (call) {
                add(tok.get(k), "from " + next.text() + "…", "źródło „from” wywołuje metodę na czymś innym niż "
                        + "zmienna związana we wzorcu", "a 'from' source calling a method on something other than a "
                        + "variable bound in a pattern");
            }
        }

        /** No inline accumulate code ({@code init/action/reverse/result}). */
        private void accumulate(int k) {
            if (!is(k + 1, "(")) {
                return;
            }
            int shut = close(k + 1);
            for (int j = k + 2; j > 0 && j < shut; j++) {
                Token t = tok.get(j);
                if (t.ident() && (t.is("init") || t.is("action") || t.is("reverse") || t.is("result")) && is(j + 1, "(")
                        && !is(j - 1, ".")) {
                    add(t, "accumulate " + t.text() + "(…)", "własny kod w accumulate", "inline code in accumulate");
                }
            }
        }

        /** STRICT: a salience must be explained by a comment naming the stage, on its line or the line before. */
        private void salience(int k) {
            if (!strict()) {
                return;
            }
            Token t = tok.get(k);
            String here = lexer.comments.getOrDefault(t.line(), new StringBuilder()) + " "
                    + lexer.comments.getOrDefault(t.line() - 1, new StringBuilder());
            String c = here.toLowerCase(Locale.ROOT);
            if (!c.matches("(?s).*\\b(etap|stage)\\b\\s*:?\\s*\\S.*")) {
                add(t, "salience", "brak komentarza „etap: …” w tej lub poprzedniej linii",
                        "no comment 'stage: …' naming the stage on this or the previous line");
            }
        }

        /** A bounded-argument operation: only with a small integer constant. */
        private void scaleOperation(int k) {
            smallConstant(k, 0, MAX_SCALE_ARGUMENT);
        }

        /**
         * The argument {@code index} of the call whose name is at {@code k} must be an integer constant of at most
         * {@code max} (a scale, a shift, a precision): anything else can ask BigDecimal for billions of digits.
         */
        private void smallConstant(int k, int index, int max) {
            Token t = tok.get(k);
            List<int[]> args = arguments(k + 1);
            boolean ok = false;
            if (index < args.size()) {
                int j = args.get(index)[0];
                int end = args.get(index)[1];
                if (is(j, "-") && j + 1 < end) {
                    j++;
                }
                Token arg = at(j);
                ok = j + 1 == end && arg.kind() == Kind.NUMBER && arg.text().matches("\\d{1,2}")
                        && Integer.parseInt(arg.text()) <= max;
            }
            if (!ok) {
                add(t, t.text() + "(…)", "bomba BigDecimal – dozwolona tylko stała całkowita do " + max,
                        "BigDecimal bomb – only an integer constant up to " + max + " is allowed");
            }
        }

        /** The token ranges [from, to) of the arguments of the call whose {@code (} is at {@code open}. */
        private List<int[]> arguments(int open) {
            List<int[]> out = new ArrayList<>();
            int shut = close(open);
            if (shut < 0) {
                return out;
            }
            int from = open + 1;
            for (int j = open + 1; j < shut; j++) {
                if (is(j, "(") || is(j, "[") || is(j, "{")) {
                    j = Math.max(close(j), j);
                } else if (is(j, ",")) {
                    out.add(new int[] {from, j});
                    from = j + 1;
                }
            }
            if (from < shut) {
                out.add(new int[] {from, shut});
            }
            return out;
        }

        /** STRICT: statements after {@code then} – insert, insertLogical, modify, delete, value declarations. */
        private void consequence(int k) {
            if (!strict()) {
                return;
            }
            int end = k + 1;
            while (end < tok.size() && !(tok.get(end).is("end") && !is(end - 1, "."))) {
                end++;
            }
            if (is(k + 1, "[")) {
                add(tok.get(k), "then[…]", "nazwana konsekwencja", "a named consequence");
                return;
            }
            int j = k + 1;
            while (j < end) {
                Token t = tok.get(j);
                if (t.is(";")) {
                    j++;
                    continue;
                }
                int next = statement(j, end);
                if (next < 0) {
                    found.add(new Violation(t.line(), t.column(), t.text() + " …", "w konsekwencji wolno tylko "
                            + "insert, insertLogical, modify, delete i deklaracje wartości java.math, java.time i typów "
                            + "prostych", "a consequence may only insert, insertLogical, modify, delete and declare "
                            + "java.math, java.time and primitive values", true));
                    next = skipStatement(j, end);
                }
                j = next;
            }
        }

        /** After an unrecognised statement: past its first {@code ;} or its first block, whichever comes first. */
        private int skipStatement(int j, int end) {
            int next = j;
            while (next < end) {
                if (is(next, ";")) {
                    return next + 1;
                }
                if (is(next, "{")) {
                    int shut = close(next);
                    return shut < 0 ? end : shut + 1;
                }
                next = is(next, "(") || is(next, "[") ? Math.max(close(next), next) + 1 : next + 1;
            }
            return end;
        }

        /** One allowed statement starting at {@code j}: the index after it, or -1. */
        private int statement(int j, int end) {
            Token t = tok.get(j);
            if ((t.is("insert") || t.is("insertLogical") || t.is("delete")) && is(j + 1, "(")) {
                int shut = close(j + 1);
                return shut < 0 || shut >= end || !is(shut + 1, ";") ? -1 : shut + 2;
            }
            if (t.is("modify") && is(j + 1, "(")) {
                int shut = close(j + 1);
                if (shut < 0 || !is(shut + 1, "{")) {
                    return -1;
                }
                int block = close(shut + 1);
                if (block < 0 || block >= end) {
                    return -1;
                }
                return is(block + 1, ";") ? block + 2 : block + 1;
            }
            int i = j;
            if (t.is("final")) {
                i++;
            }
            Token type = at(i);
            if (type == null || !type.ident()) {
                return -1;
            }
            List<String> segs = qualified(i);
            boolean value = segs.size() == 1 && (PRIMITIVES.contains(type.text()) || valueType(type.text()))
                    || segs.size() > 2 && (startsWith(segs, "java", "math") || startsWith(segs, "java", "time"));
            int name = afterQualified(i);
            if (!value || at(name) == null || !at(name).ident() || !(is(name + 1, "=") || is(name + 1, ";"))) {
                return -1;
            }
            int s = name + 1;
            while (s < end && !tok.get(s).is(";")) {
                s = is(s, "(") || is(s, "{") || is(s, "[") ? Math.max(close(s), s) + 1 : s + 1;
            }
            return s < end ? s + 1 : -1;
        }
    }

    private static final Map<String, Boolean> JAVA_LANG = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> VALUE_TYPES = new ConcurrentHashMap<>();

    /** Whether {@code java.lang.<name>} exists (visible in DRL without an import). */
    static boolean javaLang(String name) {
        return JAVA_LANG.computeIfAbsent(name, n -> exists("java.lang." + n));
    }

    /** java.math and java.time (incl. temporal) types: the values a consequence may declare. */
    static boolean valueType(String name) {
        return VALUE_TYPES.computeIfAbsent(name, n -> exists("java.math." + n) || exists("java.time." + n)
                || exists("java.time.temporal." + n));
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
