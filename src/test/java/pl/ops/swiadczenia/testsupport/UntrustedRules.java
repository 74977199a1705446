package pl.ops.swiadczenia.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Version folders of two small test benefits, written by someone who should not be trusted: {@code proba_polityki}
 * with one malicious rule (write a file, read the environment, run a command, use reflection, loop forever inside a
 * consequence) that the policy must refuse before anything is compiled, and {@code proba_limitow}, whose rules pass
 * the policy but keep re-activating each other, so only the evaluation limits stop them.
 */
public final class UntrustedRules {
    public static final String POLICY_BENEFIT = "proba_polityki";
    public static final String LIMIT_BENEFIT = "proba_limitow";
    public static final String VERSION = "2020-01-01";
    /** The malicious rule file and the line of its payload. */
    public static final String FILE = "zlosliwa.drl";
    public static final int PAYLOAD_LINE = 12;

    private UntrustedRules() {
    }

    /**
     * One malicious draft.
     *
     * @param key       (a)–(e) of the incident report
     * @param payload   the consequence line that would do harm
     * @param construct the construct the refusal must name
     */
    public record Draft(String key, String payload, String construct) {
    }

    /** The five drafts; (a) writes to {@code target}, which must therefore never exist. */
    public static List<Draft> drafts(Path target) {
        String path = target.toAbsolutePath().toString().replace("\\", "/");
        return List.of(
                new Draft("a: zapis pliku", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + path
                        + "\"), \"pwned\");", "java.nio.file.Files"),
                new Draft("b: zmienna środowiska", "insert(new WartoscWyniku(\"home\", System.getenv(\"HOME\")));",
                        "System"),
                new Draft("c: polecenie systemowe", "Runtime.getRuntime().exec(new String[] {\"id\"});", "Runtime"),
                new Draft("d: refleksja", "Object rt = Class.forName(\"java.lang.Runtime\").getMethod(\"getRuntime\")"
                        + ".invoke(null);", "Class"),
                new Draft("e: pętla bez końca w konsekwencji", "while (true) { }", "while"));
    }

    /** The files of {@code proba_polityki/2020-01-01} (draft): a benign outcome rule plus the malicious one. */
    public static Map<String, String> policyFolder(Draft d) {
        Map<String, String> files = base(POLICY_BENEFIT);
        files.put(FILE, """
                package reguly.proba_polityki.v2020_01_01;

                import pl.ops.swiadczenia.fakty.*;

                global Wyjasnienie wyjasnienie;

                rule "art1_zlosliwa"
                    @act("ustawa") @article("1") @description("Reguła, która próbuje wyjść poza obliczenie")
                when
                    Wniosek()
                then
                    %s
                end
                """.formatted(d.payload()));
        return files;
    }

    /**
     * The files of {@code proba_limitow/2020-01-01} (draft): with the base-year income given, a counter is modified
     * for ever; without it the case is simply refused.
     */
    public static Map<String, String> limitFolder() {
        Map<String, String> files = base(LIMIT_BENEFIT);
        files.put("licznik.drl", """
                package reguly.proba_limitow.v2020_01_01;

                import pl.ops.swiadczenia.fakty.*;

                global Wyjasnienie wyjasnienie;

                declare Licznik
                    n : long
                end

                rule "art1_licznik"
                    @act("ustawa") @article("1") @description("Licznik startuje, gdy podano dochód")
                when
                    Wniosek( dochodRodzinyRokBazowy != null )
                then
                    insert(new Licznik(0));
                end

                rule "art1_petla"
                    @act("ustawa") @article("1") @description("Licznik rośnie bez końca")
                when
                    $l : Licznik( $n : n )
                then
                    modify($l) { setN($n + 1) }
                end
                """);
        return files;
    }

    /** A valid draft folder of {@code <benefit>/2020-01-01}: manifest, no parameters, one rule refusing every case. */
    public static Map<String, String> base(String benefit) {
        Map<String, String> files = new TreeMap<>();
        files.put("ruleset.yaml", """
                benefit: %s
                version: 2020-01-01
                effective_from: 2020-01-01
                status: draft
                legal_basis:
                  - id: ustawa
                    title: "Ustawa testowa"
                    cite_as: "ustawy testowej"
                    official_journal: "Dz.U. 2020 poz. 1"
                summary: "Wersja testowa reguł niezaufanych."
                """.formatted(benefit));
        files.put("parameters.yaml", "{}\n");
        files.put("rozstrzygniecie.drl", """
                package reguly.%s.v2020_01_01;

                import pl.ops.swiadczenia.fakty.*;
                import pl.ops.swiadczenia.decyzja.Outcome;

                global Wyjasnienie wyjasnienie;

                rule "art1_rozstrzygniecie"
                    @act("ustawa") @article("1") @description("Odmowa w wersji testowej")
                when
                    Wniosek()
                then
                    insert(new Rozstrzygniecie(Outcome.REFUSED));
                end
                """.formatted(benefit));
        return files;
    }

    /** A golden case decided by {@code <benefit>/2020-01-01}: validating the version would run its rules on it. */
    public static String goldenCase(String benefit) {
        return """
                - name: "P01 – każda sprawa uruchamia reguły wersji"
                  input:
                    benefit: %s
                    legalDate: '2021-03-01'
                    wniosek:
                      dataZlozenia: '2021-03-01'
                      czlonkowieRodziny:
                      - id: matka
                        rola: WNIOSKODAWCA
                        dataUrodzenia: '1990-05-01'
                  expected:
                    ruleset: %s/2020-01-01
                    outcome: REFUSED
                """.formatted(benefit, benefit);
    }

    /** A request for the benefit; with {@code income} the loop of {@code proba_limitow} starts. */
    public static String request(String benefit, boolean income) {
        return """
                {"benefit":"%s","legalDate":"2021-03-01","wniosek":{"dataZlozenia":"2021-03-01",%s
                 "czlonkowieRodziny":[{"id":"matka","rola":"WNIOSKODAWCA","dataUrodzenia":"1990-05-01"}]}}
                """.formatted(benefit, income ? "\"dochodRodzinyRokBazowy\":12000.00," : "");
    }

    /** Writes the files as {@code <rules>/<benefit>/2020-01-01/}. */
    public static Path write(Path rules, String benefit, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(rules.resolve(benefit).resolve(VERSION));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }
}
