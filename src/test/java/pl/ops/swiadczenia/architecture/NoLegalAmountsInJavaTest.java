package pl.ops.swiadczenia.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No Java source under src/main carries an amount or threshold of law: those belong in parameters.yaml. */
class NoLegalAmountsInJavaTest {
    private static final Path MAIN = Path.of("src/main/java/pl/ops/swiadczenia");

    @Test
    void noLegalAmountsInJava() throws IOException {
        // amounts and thresholds of the law in force (criteria, benefit amounts); they belong in parameters.yaml
        Pattern legal = Pattern.compile("(?<![\\w.])(539|574|623|664|674|764|1922|215\\.84|2988|3287|3386|1209|1665)(\\.00)?(?![\\w.])");
        List<Path> sources;
        try (Stream<Path> s = Files.walk(MAIN)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path f : sources) {
            for (String line : Files.readAllLines(f)) {
                String code = line.replaceAll("//.*$", "").replaceAll("\"[^\"]*\"", "\"\"");
                if (code.trim().startsWith("*")) {
                    continue;
                }
                assertThat(legal.matcher(code).find()).as(f + ": " + line.trim()).isFalse();
            }
        }
    }
}
