package pl.ops.swiadczenia.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The application over a private copy of one benefit written as a dated history (jednorazowa zapomoga z tytułu
 * urodzenia się dziecka, with the module dochod_rodziny and the shared concepts rules/wspolne) and its golden cases,
 * and a private database, so that tests can upload, approve and publish changes of the history without touching
 * rules/ or other test classes' data. The copy lives under target/ (the authored rules in {@code rules/}, the
 * service's working copy in {@code served/}).
 */
public class HistoryRulesProfile implements QuarkusTestProfile {
    public static final String BENEFIT = "jednorazowa_zapomoga_z_tytulu_urodzenia_sie_dziecka";
    private static final String DIR = "history.rules.work-dir";
    private static final String DB = "history.rules.db-url";

    @Override
    public Map<String, String> getConfigOverrides() {
        Path work = workDir();
        return Map.of("rules.dir", work.resolve("rules").toString(),
                "rules.work-dir", servedRules().toString(),
                "rules.test-cases-dir", work.resolve("test-cases").toString(),
                "shadow.catch-up-delay", "PT0S", "jobs.poll", "PT0.5S");
    }

    /**
     * The service's own working copy of {@code rules/} (rules.work-dir): what it serves, and where uploads and
     * publications go; {@code workDir()/rules} is the authored source, which the service never writes.
     */
    public static Path servedRules() {
        return workDir().resolve("served");
    }

    /** The working copy: created once per test JVM (the profile is instantiated in several class loaders). */
    public static synchronized Path workDir() {
        String existing = System.getProperty(DIR);
        if (existing != null) {
            return Path.of(existing);
        }
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "history-rules-")
                    .toAbsolutePath();
            for (String b : List.of("dochod_rodziny", BENEFIT, "wspolne")) {
                IsolatedRulesProfile.copy(Path.of("rules", b), work.resolve("rules").resolve(b));
            }
            IsolatedRulesProfile.copy(Path.of("test-cases", BENEFIT), work.resolve("test-cases").resolve(BENEFIT));
            Files.copy(Path.of("rules", "released.sha256"), work.resolve("rules").resolve("released.sha256"));
            System.setProperty(DIR, work.toString());
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh database on the server of {@code url}, created once per test JVM; its URL. */
    public static synchronized String database(String url, String user) {
        return freshDatabase(url, user, "history", DB);
    }

    /**
     * A fresh database named {@code <prefix>_<nanos>} on the server of {@code url}, created once per test JVM (its URL is
     * kept in the system property {@code property}, as the profiles are instantiated in several class loaders).
     */
    public static synchronized String freshDatabase(String url, String user, String prefix, String property) {
        String existing = System.getProperty(property);
        if (existing != null) {
            return existing;
        }
        String name = prefix + "_" + System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create the " + prefix + " test database: " + e.getMessage(), e);
        }
        String isolated = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        System.setProperty(property, isolated);
        return isolated;
    }
}
