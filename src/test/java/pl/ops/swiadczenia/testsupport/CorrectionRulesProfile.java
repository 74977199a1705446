package pl.ops.swiadczenia.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The application over a private copy of „becikowe” (with the module dochod_rodziny and rules/wspolne) whose released
 * amount carries an encoding error – 100 zł where art. 15b ust. 1 u.ś.r. says 1 000 zł – and a private database: the
 * situation a correction of released law exists for (CorrectionApiTest).
 */
public class CorrectionRulesProfile implements QuarkusTestProfile {
    public static final String BENEFIT = HistoryRulesProfile.BENEFIT;
    public static final String AMOUNT_FILE = "parametry/jednorazowa_zapomoga_kwota.yaml";
    private static final String DIR = "correction.rules.work-dir";
    private static final String DB = "correction.rules.db-url";

    @Override
    public Map<String, String> getConfigOverrides() {
        Path work = workDir();
        return Map.of("rules.dir", work.resolve("rules").toString(),
                "rules.test-cases-dir", work.resolve("test-cases").toString());
    }

    /** The copy with the error: created once per test JVM. */
    public static synchronized Path workDir() {
        String existing = System.getProperty(DIR);
        if (existing != null) {
            return Path.of(existing);
        }
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "correction-rules-")
                    .toAbsolutePath();
            for (String b : List.of("dochod_rodziny", BENEFIT, "wspolne")) {
                IsolatedRulesProfile.copy(Path.of("rules", b), work.resolve("rules").resolve(b));
            }
            IsolatedRulesProfile.copy(Path.of("test-cases", BENEFIT), work.resolve("test-cases").resolve(BENEFIT));
            Files.copy(Path.of("rules", "released.sha256"), work.resolve("rules").resolve("released.sha256"));
            Path amount = work.resolve("rules").resolve(BENEFIT).resolve(AMOUNT_FILE);
            String correct = Files.readString(amount);
            if (!correct.contains("value: 1000.0")) {
                throw new IllegalStateException(AMOUNT_FILE + " no longer holds 'value: 1000.0'");
            }
            Files.writeString(amount, correct.replace("value: 1000.0", "value: 100.0"));
            System.setProperty(DIR, work.toString());
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh database on the server of {@code url}, created once per test JVM; its URL. */
    public static synchronized String database(String url, String user) {
        return HistoryRulesProfile.freshDatabase(url, user, "correction", DB);
    }
}
