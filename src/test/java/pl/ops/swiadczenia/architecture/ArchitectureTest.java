package pl.ops.swiadczenia.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture and policy rules checked on the sources: the fact model and decision types stay framework-free,
 * and no Java source under src/main carries a number of law.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/pl/ops/swiadczenia");

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void factsAndDecisionTypesDependOnNoFramework() throws IOException {
        Pattern forbidden = Pattern.compile("^import\\s+(io\\.quarkus|jakarta\\.persistence|jakarta\\.ws|org\\.kie|org\\.drools|io\\.smallrye)",
                Pattern.MULTILINE);
        for (String pkg : List.of("fakty", "decyzja")) {
            for (Path f : sources(MAIN.resolve(pkg))) {
                assertThat(forbidden.matcher(Files.readString(f)).find()).as(f + " imports a framework").isFalse();
            }
        }
    }

    @Test
    void noLegalAmountsInJava() throws IOException {
        // amounts and thresholds of the law in force (criteria, benefit amounts); they belong in parameters.yaml
        Pattern legal = Pattern.compile("(?<![\\w.])(539|574|623|664|674|764|1922|215\\.84|2988|3287|3386|1209|1665)(\\.00)?(?![\\w.])");
        for (Path f : sources(MAIN)) {
            for (String line : Files.readAllLines(f)) {
                String code = line.replaceAll("//.*$", "").replaceAll("\"[^\"]*\"", "\"\"");
                if (code.trim().startsWith("*")) {
                    continue;
                }
                assertThat(legal.matcher(code).find()).as(f + ": " + line.trim()).isFalse();
            }
        }
    }

    @Test
    void rulesUseNoClockNorRandomness() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("rules"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String text = Files.readString(f);
                assertThat(text).as(f.toString()).doesNotContain("LocalDate.now", "System.currentTimeMillis", "new Date(",
                        "Math.random", "Random(", "Instant.now", "date-effective", "date-expires");
            }
        }
    }
}
