package pl.ops.swiadczenia.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No DRL under rules/ reads a clock or a random source, or uses date-effective/date-expires: the legal date is an
 * input, and replay must give the same bytes years later (ADR 0002, ADR 0006).
 */
class RulesUseNoClockTest {
    @Test
    void rulesUseNoClockNorRandomness() throws IOException {
        List<Path> drl;
        try (Stream<Path> s = Files.walk(Path.of("rules"))) {
            drl = s.filter(p -> p.toString().endsWith(".drl")).toList();
        }
        assertThat(drl).isNotEmpty();
        for (Path f : drl) {
            String text = Files.readString(f);
            assertThat(text).as(f.toString()).doesNotContain("LocalDate.now", "System.currentTimeMillis", "new Date(",
                    "Math.random", "Random(", "Instant.now", "date-effective", "date-expires");
        }
    }
}
