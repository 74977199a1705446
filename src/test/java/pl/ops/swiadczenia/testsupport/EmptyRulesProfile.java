package pl.ops.swiadczenia.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The application started with an <em>empty</em> rules directory against the shared test database: it holds no
 * rules at all, so whatever it replays it must rebuild from the releases recorded in the database
 * (docs/adr/0017-releases-in-the-database.md). Quarkus runs classes of this profile after the default-profile ones.
 */
public class EmptyRulesProfile implements QuarkusTestProfile {
    private static final String DIR = "empty.rules.dir";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rules.dir", dir().toString());
    }

    /** The empty directory: created once per test JVM (the profile is instantiated in several class loaders). */
    public static synchronized Path dir() {
        String existing = System.getProperty(DIR);
        if (existing != null) {
            return Path.of(existing);
        }
        try {
            Path d = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "empty-rules-").toAbsolutePath();
            System.setProperty(DIR, d.toString());
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
