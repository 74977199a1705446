package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import pl.ops.swiadczenia.ruleset.DrlPolicy.Level;

/**
 * The DRL policy on snippets: each forbidden construct is refused at its line and named; evasions (Unicode escapes,
 * fully-qualified names, invisible characters, a CR ending a comment, strings spanning lines) are caught; comments
 * and strings that merely mention a forbidden name are not; LEGACY accepts what the released rules do and STRICT
 * only consequences that derive facts.
 */
class DrlPolicyTest {
    /** Eight lines of header: a consequence line given to {@link #rule} is line 9. */
    static final String HEAD = """
            package reguly.proba.v2024_01_01;
            import pl.ops.swiadczenia.fakty.*;
            import java.math.BigDecimal;
            global Wyjasnienie wyjasnienie;
            rule "art1_proba"
            when
                $w : Wniosek()
            then
            """;
    static final int LINE = 9;
    static final Set<String> FUNCTIONS = Set.of("kw", "dataPl", "sprawdzWiek");

    static String rule(String... consequence) {
        return HEAD + String.join("\n", consequence) + "\nend\n";
    }

    static List<Finding> check(Level level, String drl) {
        return DrlPolicy.check("a.drl", drl, level, FUNCTIONS);
    }

    /** Refused with exactly one finding on the line, naming the construct, in Polish and English. */
    static void refused(Level level, String drl, int line, String construct) {
        List<Finding> f = check(level, drl);
        assertThat(f).as(drl).hasSize(1);
        Finding x = f.get(0);
        assertThat(x.severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(x.check()).isEqualTo("policy");
        assertThat(x.file()).isEqualTo("a.drl");
        assertThat(x.line()).as(drl).isEqualTo(line);
        assertThat(x.message()).startsWith("niedozwolone w regułach: " + construct + " (")
                .contains(" / not allowed in rules: " + construct + " (");
    }

    static void refusedInConsequence(Level level, String line, String construct) {
        refused(level, rule(line), LINE, construct);
    }

    static void accepted(Level level, String drl) {
        assertThat(check(level, drl)).as(drl).isEmpty();
    }

    @Test
    void theMessageNamesTheConstructInPolishAndEnglishWithFileAndLine() {
        Finding f = check(Level.LEGACY, rule("System.exit(1);")).get(0);
        assertThat(f.format()).isEqualTo("a.drl:9: ERROR [policy] niedozwolone w regułach: System (dostęp do systemu)"
                + " / not allowed in rules: System (system access)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "System.getenv(\"HOME\");                                 | System",
            "System.out.println(\"x\");                               | System",
            "Runtime.getRuntime().exec(\"id\");                       | Runtime",
            "new ProcessBuilder(\"id\").start();                      | ProcessBuilder",
            "ProcessHandle.current().destroy();                      | ProcessHandle",
            "Thread.sleep(1000);                                     | Thread",
            "new Thread(() -> {}).start();                           | Thread",
            "ThreadLocal t = null;                                   | ThreadLocal",
            "ClassLoader l = null;                                   | ClassLoader",
            "Class c = Class.forName(\"x\");                           | Class",
            "Object o = \"\".getClass();                               | getClass",
            "Object o = String.class;                                | .class",
            "Object o = $w.getClass().getMethod(\"x\").invoke($w);     | getClass",
            "Object m = Kwoty.getDeclaredField(\"x\");                 | getDeclaredField",
            "Object m = x.setAccessible(true);                       | setAccessible",
            "Object m = x.newInstance();                             | newInstance",
            "Object h = MethodHandles.lookup();                      | MethodHandles",
            "Object i = m.invoke(null);                              | invoke",
            "Object c = Rola.DZIECKO.getDeclaringClass();            | getDeclaringClass",
            "Object c = Rola.DZIECKO.declaringClass.classLoader;     | declaringClass",
            "Files.readString(null);                                 | Files",
            "Object p = Paths.get(\"/etc/passwd\");                    | Paths",
            "Path p = null;                                          | Path",
            "URL u = null;                                           | URL",
            "URI u = null;                                           | URI",
            "Socket s = null;                                        | Socket",
            "Scanner s = null;                                       | Scanner",
            "x.exec(\"id\");                                           | exec",
            "x.exit(1);                                              | exit",
            "x.halt(1);                                              | halt",
            "synchronized ($w) { insert(1); }                        | synchronized",
            "while (true) { }                                        | while",
            "do { } while (true);                                    | do",
            "for (;;) { }                                            | for (;;)",
            "for (int i = 0; i < 10; i++) { }                        | for (;;)",
            "drools.halt();                                          | drools",
            "drools.getKieRuntime().insert(1);                       | drools",
            "kcontext.getKieRuntime();                               | kcontext",
            "Object r = x.getKieRuntime();                           | getKieRuntime",
            "BigDecimal b = BigDecimal.TEN.pow(999999999);           | pow(…)",
            "BigDecimal b = BigDecimal.TEN.scaleByPowerOfTen(n);     | scaleByPowerOfTen(…)",
            "BigDecimal b = BigDecimal.ONE.movePointRight(99999999); | movePointRight(…)",
            "BigDecimal b = BigDecimal.ONE.movePointLeft(n);         | movePointLeft(…)",
            "BigDecimal b = BigDecimal.ONE.setScale(Integer.MAX_VALUE); | setScale(…)",
            "BigDecimal b = a.divide(c, 999999999, java.math.RoundingMode.UP); | divide(…)",
            "BigDecimal b = BigDecimal.valueOf(1, -999999999);        | valueOf(…)",
            "BigDecimal b = new BigDecimal(\"1E999999999\");            | new BigDecimal(\"…e…\")",
            "Object m = new java.math.MathContext(999999999);         | MathContext(…)",
            "Object o = new Object();                                | new Object",
            "Object o = new String(\"x\");                             | new String",
            "Object o = new java.util.concurrent.ConcurrentHashMap(); | java.util.concurrent.ConcurrentHashMap",
            "Object o = new long[Integer.MAX_VALUE];                 | new long[]",
            "Object o = new BigDecimal[1000];                        | new BigDecimal[]",
            "Object o = new Odmowa(\"x\") { };                         | new Odmowa(…) {…}",
            "Object o = Integer.getInteger(\"db.password\");           | Integer.getInteger",
            "Object o = Boolean.getBoolean(\"x\");                     | Boolean.getBoolean",
            "Object o = java.lang.Runtime.getRuntime();              | java.lang.Runtime",
            "java.io.File f = null;                                  | java.io.File",
            "java.nio.file.Files.delete(null);                       | java.nio.file.Files",
            "Object o = java.net.InetAddress.getLocalHost();         | java.net.InetAddress",
            "Object o = javax.script.ScriptEngineManager.class;      | javax.script.ScriptEngineManager",
            "Object o = jdk.internal.misc.Unsafe.getUnsafe();        | jdk.internal.misc.Unsafe",
            "Object o = sun.misc.Unsafe.theUnsafe;                   | sun.misc.Unsafe",
            "Object o = com.sun.jndi.ldap.LdapCtx.class;             | com.sun.jndi.ldap.LdapCtx",
            "Object o = org.kie.api.KieServices.Factory.get();       | org.kie.api.KieServices",
            "Object o = io.quarkus.runtime.Quarkus.asyncExit();      | io.quarkus.runtime.Quarkus",
            "Object o = jakarta.enterprise.inject.spi.CDI.current(); | jakarta.enterprise.inject.spi.CDI",
            "Object o = groovy.lang.GroovyShell.class;               | groovy.lang.GroovyShell",
            "Object o = pl.ops.swiadczenia.service.RuleSets.class;   | pl.ops.swiadczenia.service.RuleSets",
            "Object o = java.util.concurrent.Executors.newFixedThreadPool(1); | java.util.concurrent.Executors",
            "Object o = java.lang.reflect.Array.newInstance(null, 1); | java.lang.reflect.Array",
            "Object o = Collections.nCopies(Integer.MAX_VALUE, 1);   | nCopies",
            "String s = \"x\".repeat(Integer.MAX_VALUE);               | repeat",
            "e.printStackTrace();                                    | printStackTrace",
    })
    void eachForbiddenConstructIsRefusedAtItsLine(String line, String construct) {
        refusedInConsequence(Level.LEGACY, line, construct);
        refusedInConsequence(Level.STRICT, line, construct);
    }

    @Test
    void onlyTheFirstViolationOfALineIsReported() {
        List<Finding> f = check(Level.LEGACY, rule("Runtime.getRuntime().exec(\"id\"); System.exit(0);",
                "insert(1);", "Thread.sleep(1); while (true) { }"));
        assertThat(f).extracting(Finding::line).containsExactly(9, 11);
        assertThat(f.get(0).message()).startsWith("niedozwolone w regułach: Runtime (");
        assertThat(f.get(1).message()).startsWith("niedozwolone w regułach: Thread (");
    }

    @Test
    void commentsAndStringsThatMentionForbiddenNamesAreFine() {
        String drl = rule("// System.exit(0); Runtime.getRuntime().exec(\"id\"); while (true) {}",
                "/* java.io.File, Class.forName, drools.halt()",
                "   ProcessBuilder, Thread */",
                "insert(new Odmowa(\"System.getenv() i Runtime to tylko tekst; while (true) do {}\"));",
                "insert(new Odmowa('także: java.lang.Runtime.getRuntime()'));");
        accepted(Level.LEGACY, drl);
        accepted(Level.STRICT, drl);
    }

    @Test
    void identifiersThatOnlyContainAForbiddenWordAreFine() {
        accepted(Level.LEGACY, rule("insert(new Odmowa($w.getSystemNumber() + $w.getProcessId()));",
                "BigDecimal powierzchnia = BigDecimal.ONE;", "int pow = 2;", "String klasa = \"x\";",
                "Object o = YearMonth.from($w.getDataZlozenia());"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sys\\u0074em.exit(0);                   | \\u",
            "// \\u000a System.exit(0);              | \\u",
            "String s = \"\\u0022 + System.exit(0)\"; | \\u",
            "String s = \"\\\\u0041\";                 | \\u",
    })
    void unicodeEscapesAreRefusedAnywhereEvenInCommentsAndStrings(String line, String construct) {
        refusedInConsequence(Level.LEGACY, line, construct);
        refusedInConsequence(Level.STRICT, line, construct);
    }

    @Test
    void unicodeEscapesInTheHeaderAreRefusedToo() {
        refused(Level.LEGACY, "package reguly.proba.v2024_01_01; // \\u000d import java.io.File;\n", 1, "\\u");
    }

    @Test
    void aVariableNamedLikeAPackageDoesNotHideAFullyQualifiedName() {
        // in rule b, where the binding of rule a is not in scope, Java reads groovy.util.Eval as the class
        String drl = "rule \"art1_a\" when\n  groovy : Wniosek()\nthen end\n"
                + "rule \"art1_b\" when\n  Wniosek()\nthen\n  Object o = groovy.util.Eval.me(\"1\");\nend\n";
        refused(Level.LEGACY, drl, 7, "groovy.util.Eval");
    }

    @Test
    void aCarriageReturnEndsALineCommentAsInJava() {
        // Java and the DRL lexer end a // comment at CR: what follows is code
        String drl = HEAD + "insert(1); // harmless\rSystem.exit(0);\nend\n";
        List<Finding> f = check(Level.LEGACY, drl);
        assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains(": System ("));
    }

    @Test
    void anInvisibleCharacterInsideANameIsRefused() {
        // javac ignores U+200B (and other format characters) inside identifiers: Sys<U+200B>tem is System
        refusedInConsequence(Level.LEGACY, "Sys\u200Btem.exit(0);", "System");
        refusedInConsequence(Level.STRICT, "Runtime\u00AD.getRuntime();", "Runtime");
        refusedInConsequence(Level.LEGACY, "insert(new Odm\u200Bowa(\"x\"));", "U+200B");
    }

    @Test
    void aStringThatDoesNotCloseOnItsLineIsRefused() {
        // otherwise a lexer that ends strings at the newline and DRL (whose strings may span lines) would
        // disagree on what is code
        String drl = HEAD + "insert(new Odmowa(\"a\n\", System.exit(0), \"\"));\nend\n";
        List<Finding> f = check(Level.LEGACY, drl);
        assertThat(f).extracting(Finding::line).contains(LINE);
        assertThat(f.get(0).message()).startsWith("niedozwolone w regułach: \" (napis bez zamknięcia");
        refusedInConsequence(Level.LEGACY, "String s = \"\"\"", "\"");
        refused(Level.LEGACY, HEAD + "insert(1); /* never closed\nend\n", LINE, "/*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"import java.io.File;", "import java.lang.Runtime;", "import java.nio.file.*;",
            "import java.util.concurrent.Executors;", "import javax.script.ScriptEngine;",
            "import org.kie.api.runtime.KieRuntime;", "import pl.ops.swiadczenia.service.RuleSets;",
            "import pl.ops.swiadczenia.decyzja.Evaluation;", "import java.time.zone.ZoneRulesProvider;",
            "import function java.lang.System.exit;", "import static java.lang.Runtime.getRuntime;",
            "import accumulate java.util.Collections sum2;", "import java.util.*;", "import java.lang.*;",
            "import groovy.lang.GroovyShell;"})
    void importsOutsideTheAllowlistAreRefused(String imp) {
        for (Level level : Level.values()) {
            List<Finding> f = check(level, "package reguly.proba.v2024_01_01;\n" + imp + "\n");
            assertThat(f).as(imp).singleElement().satisfies(x -> {
                assertThat(x.line()).isEqualTo(2);
                assertThat(x.message()).startsWith("niedozwolone w regułach: import ");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"import pl.ops.swiadczenia.fakty.*;", "import pl.ops.swiadczenia.fakty.Kwoty;",
            "import pl.ops.swiadczenia.fakty.DaneDobryStart.UczenDobryStart;",
            "import pl.ops.swiadczenia.decyzja.Outcome;", "import java.math.*;", "import java.math.RoundingMode;",
            "import java.time.*;", "import java.time.YearMonth;", "import java.time.temporal.ChronoUnit;",
            "import function pl.ops.swiadczenia.fakty.Kwoty.zl;"})
    void allowedImportsPass(String imp) {
        accepted(Level.LEGACY, "package reguly.proba.v2024_01_01;\n" + imp + "\n");
        accepted(Level.STRICT, "package reguly.proba.v2024_01_01;\n" + imp + "\n");
    }

    @Test
    void onlyTheExplanationGlobalIsAllowed() {
        accepted(Level.LEGACY, "global Wyjasnienie wyjasnienie;\n");
        accepted(Level.LEGACY, "global pl.ops.swiadczenia.fakty.Wyjasnienie wyjasnienie;\n");
        refused(Level.LEGACY, "\nglobal java.util.List lista;\n", 2, "global java.util.List lista");
        refused(Level.STRICT, "global Wyjasnienie inny;\n", 1, "global Wyjasnienie inny");
        refused(Level.LEGACY, "global Parametry wyjasnienie;\n", 1, "global Parametry wyjasnienie");
    }

    @Test
    void onlyTheJavaDialectIsAllowed() {
        accepted(Level.LEGACY, "dialect \"java\"\n");
        refused(Level.LEGACY, "dialect \"mvel\"\n", 1, "dialect \"mvel\"");
        refused(Level.STRICT, "rule \"art1_x\"\n  dialect 'mvel'\nwhen\nthen\nend\n", 2, "dialect \"mvel\"");
    }

    @Test
    void functionsOnlyWithAnAllowedNameAndWithoutRecursion() {
        accepted(Level.LEGACY, "function BigDecimal kw(BigDecimal x) {\n  return x;\n}\n");
        refused(Level.LEGACY, "\nfunction String zla(String x) {\n  return x;\n}\n", 2, "function zla");
        refused(Level.STRICT, "function java.util.List<String> inna() { return null; }\n", 1, "function inna");
        refused(Level.LEGACY, "function BigDecimal kw(BigDecimal x) {\n  return kw(x);\n}\n", 1, "function kw");
        String mutual = "function String dataPl(String x) { return kw(x); }\n"
                + "function String kw(String x) { return dataPl(x); }\n";
        assertThat(check(Level.LEGACY, mutual)).extracting(Finding::line).containsExactly(1, 2);
    }

    @Test
    void accumulateWithoutInlineCode() {
        accepted(Level.LEGACY, "rule \"art1_x\" when\n accumulate( $x : PozycjaKwoty(); $l : collectList($x) )\n"
                + "then end\n");
        String inline = "rule \"art1_x\" when\n Number() from accumulate( $x : PozycjaKwoty(),\n"
                + "   init( int n = 0; ), action( n++; ), reverse( n--; ), result( n ) )\nthen end\n";
        List<Finding> f = check(Level.LEGACY, inline);
        assertThat(f).extracting(Finding::line).containsExactly(3);
        assertThat(f.get(0).message()).contains("accumulate init(…)");
    }

    @Test
    void fromOnlyOnBoundVariables() {
        accepted(Level.LEGACY, "rule \"art1_x\" when\n $w : Wniosek()\n $d : Object() from $w.getDobryStart()\n"
                + " x : Wniosek()\n $e : Object() from x.getCzlonkowieRodziny()\n"
                + " $n : Number() from accumulate( $p : PozycjaKwoty(); count($p) )\n"
                + " $l : java.util.List() from collect( Odmowa() )\nthen end\n");
        refused(Level.LEGACY, "rule \"art1_x\" when\n $l : Object() from Pozycje.lista()\nthen end\n", 2,
                "from Pozycje…");
        // a value computed by a static method of a value type or of the calendar helpers is a value, not an escape
        accepted(Level.STRICT, "rule \"art1_x\" when\n $p : Parametry()\n"
                + " $od : LocalDate() from LocalDate.parse($p.tekst(\"od\"))\nthen end\n");
        refused(Level.STRICT, "rule \"art1_x\" when\n $l : Object() from wyjasnienie.getKroki()\nthen end\n", 2,
                "from wyjasnienie…");
    }

    @Test
    void constructionOfFactsAndValuesIsFine() {
        String drl = rule("insert(new Odmowa(\"x\"));", "insert(new WartoscWyniku(\"k\", new BigDecimal(\"1.00\")));",
                "insert(new pl.ops.swiadczenia.fakty.Odmowa(\"x\"));",
                "insertLogical(new KryteriumDochodowe(java.math.BigDecimal.ONE));");
        accepted(Level.LEGACY, drl);
        accepted(Level.STRICT, drl);
    }

    @Test
    void smallConstantScalesAreFine() {
        String drl = rule("final BigDecimal a = BigDecimal.TEN.movePointLeft(2);",
                "final BigDecimal b = a.setScale(2, java.math.RoundingMode.HALF_UP);",
                "final BigDecimal c = a.setScale(0);", "final BigDecimal d = a.scaleByPowerOfTen(-2);",
                "final BigDecimal e = a.divide(c, 2, java.math.RoundingMode.HALF_UP).add(a.divide(c));",
                "final BigDecimal f = BigDecimal.valueOf(125, 2).add(new BigDecimal(\"100.50\"));",
                "final BigDecimal g = a.divide(c, new java.math.MathContext(34));");
        accepted(Level.LEGACY, drl);
        accepted(Level.STRICT, drl);
    }

    @Test
    void timerAttributesAreRefused() {
        refused(Level.LEGACY, "rule \"art1_x\"\n  timer (int: 0s 1s)\nwhen\nthen\nend\n", 2, "timer");
    }

    @Test
    void legacyAcceptsWhatTheReleasedRulesDo() {
        accepted(Level.LEGACY, """
                package reguly.proba.v2024_01_01;
                import pl.ops.swiadczenia.fakty.*;
                import java.math.BigDecimal;
                import java.time.YearMonth;
                import java.util.List;
                import java.util.ArrayList;
                import java.util.Collections;
                import java.util.Map;
                global Wyjasnienie wyjasnienie;
                declare Kryterium
                    kwota : BigDecimal
                    miesiace : java.util.List
                end
                rule "art1_proba"
                    salience 90
                when
                    $w : Wniosek()
                    accumulate( Odmowa( $pw : powod ); $powody : collectList($pw) )
                then
                    List<String> p = new ArrayList<>();
                    for (Object o : $powody) { p.add((String) o); }
                    java.util.Collections.sort(p);
                    java.util.TreeSet<String> s = new java.util.TreeSet<>();
                    Map<YearMonth, BigDecimal> m = new java.util.HashMap<>();
                    java.util.TreeMap<YearMonth, String> t = new java.util.TreeMap<>();
                    for (java.util.Map.Entry<YearMonth, String> e : t.entrySet()) { s.add(e.getValue()); }
                    p.sort(java.util.Comparator.comparing(String::length));
                    StringBuilder sb = new StringBuilder();
                    sb.append("Powody: ").append(String.join(", ", p));
                    m.computeIfAbsent(YearMonth.of(2024, 1), k -> BigDecimal.ZERO);
                    long dni = java.time.temporal.ChronoUnit.DAYS.between($w.getDataZlozenia(), $w.getDataZlozenia());
                    wyjasnienie.krok("Tekst " + sb, "Text " + sb, "klucz", p.size());
                    insert(new Rozstrzygniecie(pl.ops.swiadczenia.decyzja.Outcome.GRANTED));
                end
                """);
    }

    @Test
    void theReleasedCountingLoopsAreGrandfatheredByTheirExactHeader() {
        accepted(Level.LEGACY, rule("for (int i = 0; i < liczba; i++) { insert(new Odmowa(\"x\")); }"));
        accepted(Level.LEGACY, rule("for (int i = ile; i >= 1; i--) { }"));
        accepted(Level.LEGACY, rule(
                "for (YearMonth m = $o.getOd(); !m.isAfter($o.getDoMiesiaca()); m = m.plusMonths(1)) { }"));
        refusedInConsequence(Level.LEGACY, "for (int i = 0; i < liczba; i--) { }", "for (;;)");
        refusedInConsequence(Level.LEGACY, "for (int i = 0; i >= 0; i++) { }", "for (;;)");
        refusedInConsequence(Level.STRICT, "for (int i = 0; i < liczba; i++) { }", "for (;;)");
    }

    @Test
    void theEngineRuntimeOnlyReachesAllowedFunctionsThatOnlyInsertIntoIt() {
        String released = """
                function void sprawdzWiek(org.kie.api.runtime.KieRuntime rt, Wniosek w) {
                    rt.insert(new Odmowa("wiek"));
                }
                rule "art1_x" when $w : Wniosek() then
                    sprawdzWiek(drools.getKnowledgeRuntime(), $w);
                end
                """;
        accepted(Level.LEGACY, released);
        refused(Level.LEGACY, released.replace("rt.insert(", "rt.halt(); rt.insert("), 2, "rt");
        refused(Level.LEGACY, released.replace("sprawdzWiek(drools", "zla(drools")
                .replace("function void sprawdzWiek", "function void kw"), 5, "drools");
        refused(Level.LEGACY, released.replace("getKnowledgeRuntime(), $w", "getKnowledgeRuntime().getKieBase(), $w"),
                5, "drools");
        refused(Level.LEGACY, "rule \"art1_x\" when then\n Object o = drools.getKnowledgeRuntime();\nend\n", 2,
                "drools");
        refused(Level.LEGACY, "function void kw(Object o) {\n org.kie.api.runtime.KieRuntime rt = null;\n}\n", 2,
                "org.kie.api.runtime.KieRuntime");
        List<Finding> strict = check(Level.STRICT, released);
        assertThat(strict).extracting(Finding::line).contains(1, 5);
    }

    @Test
    void strictAcceptsConsequencesThatDeriveFacts() {
        accepted(Level.STRICT, """
                package reguly.proba.v2024_01_01;
                import pl.ops.swiadczenia.fakty.*;
                import java.math.BigDecimal;
                import java.time.YearMonth;
                global Wyjasnienie wyjasnienie;
                declare Licznik
                    n : int
                end
                rule "art1_proba"
                    // etap: kryterium dochodowe
                    salience 20
                when
                    $w : Wniosek()
                    $l : Licznik( $n : n < 1 )
                then
                    final BigDecimal kwota = BigDecimal.ONE.add(BigDecimal.TEN);
                    int kolejny = $n + 1;
                    YearMonth m = YearMonth.from($w.getDataZlozenia());
                    java.time.LocalDate d = $w.getDataZlozenia();
                    modify($l) { setN(kolejny) }
                    insertLogical(new WartoscWyniku("kwota", kwota));
                    insert(new Odmowa("x"));
                    delete($l);
                end
                """);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "for (Object o : $w.getCzlonkowieRodziny()) { insert(o); } | for",
            "StringBuilder sb = new StringBuilder();                   | StringBuilder",
            "insert(new Odmowa(\"a\" + $w));                             | + \"…\"",
            "insert(new Odmowa($w + \"a\"));                             | + \"…\"",
            "insert(new Odmowa(String.join(\",\", \"a\")));               | String.join",
            "insert(new Odmowa(String.format(\"%s\", $w)));              | String.format",
            "insert(new Odmowa(\"a\".concat(\"b\")));                     | concat",
            "insert((Object) $w);                                      | (Object)",
            "insert(new WartoscWyniku(\"x\", (int) 2L));                 | (int)",
            "wyjasnienie.krok(\"a\", \"b\");                               | wyjasnienie.krok",
            "insert(wyjasnienie.getKroki());                           | wyjasnienie.getKroki",
            "if ($w != null) { insert(new Odmowa(\"x\")); }              | if …",
            "String s = \"x\";                                           | String …",
            "Odmowa o = new Odmowa(\"x\");                               | Odmowa …",
            "$w.getCzlonkowieRodziny().clear();                        | $w …",
            "insert(1)                                                 | insert …",
            "retract($w);                                              | retract …",
            "insert($w.getCzlonkowieRodziny().stream().map(c -> c));    | ->",
            "insert($w.getCzlonkowieRodziny().stream().map(Object::toString)); | ::",
            "insert(new java.util.ArrayList());                        | java.util.ArrayList",
    })
    void strictRefusesAnyOtherStatementOrConstructInAConsequence(String line, String construct) {
        refusedInConsequence(Level.STRICT, line, construct);
    }

    @Test
    void legacyAcceptsTheseLines() {
        accepted(Level.LEGACY, rule("for (Object o : $w.getCzlonkowieRodziny()) { insert(o); }",
                "StringBuilder sb = new StringBuilder();", "insert(new Odmowa(\"a\" + $w));",
                "insert(new Odmowa(String.join(\",\", \"a\")));", "insert((Object) $w);",
                "wyjasnienie.krok(\"a\", \"b\");", "if ($w != null) { insert(new Odmowa(\"x\")); }",
                "insert($w.getCzlonkowieRodziny().stream().map(c -> c));", "insert(new java.util.ArrayList());"));
    }

    @Test
    void strictSalienceNeedsACommentNamingTheStage() {
        refused(Level.STRICT, "rule \"art1_x\"\n  salience 10\nwhen\nthen\nend\n", 2, "salience");
        refused(Level.STRICT, "rule \"art1_x\"\n  salience 10 // ważne\nwhen\nthen\nend\n", 2, "salience");
        accepted(Level.STRICT, "rule \"art1_x\"\n  salience 10 // etap: dochód\nwhen\nthen\nend\n");
        accepted(Level.STRICT, "rule \"art1_x\"\n  // Stage: income\n  salience 10\nwhen\nthen\nend\n");
        accepted(Level.LEGACY, "rule \"art1_x\"\n  salience 10\nwhen\nthen\nend\n");
    }

    @Test
    void strictRefusesNamedConsequences() {
        refused(Level.STRICT, "rule \"art1_x\" when\n$w : Wniosek()\nthen[druga]\ninsert(1);\nend\n", 3, "then[…]");
    }

    @Test
    void strictHasNoJavaUtilAtAll() {
        refused(Level.STRICT, "import java.util.List;\n", 1, "import java.util.List");
    }
}
