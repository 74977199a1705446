package pl.ops.swiadczenia.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The application over a private copy of the rules and golden cases (zasiłek rodzinny and its module) and a private
 * database, so that tests can add, break, publish and bulk-load without touching rules/ or other test classes'
 * data. The copy lives under target/ (the authored rules in {@code rules/}, the service's working copy in
 * {@code served/}); the database is created on the test PostgreSQL server. Zasiłek rodzinny is
 * copied in its former representation, one folder per legal state ({@link #ZR_FOLDERS}), which the change workflow
 * and its tests exercise; rules/zasilek_rodzinny itself is a dated history.
 */
public class IsolatedRulesProfile implements QuarkusTestProfile {
    /** Zasiłek rodzinny as 8 version folders 2012-11-01 … 2024-11-01 (draft), kept verbatim as a test fixture. */
    public static final Path ZR_FOLDERS = Path.of("src/test/resources/fixtures/rules-folders/zasilek_rodzinny");
    /**
     * Golden cases of zasiłek rodzinny written for the dated history only (the deadline of the childbirth supplement
     * moved under art. 57 § 4 k.p.a.), which the folder fixture predates: left out of the private copy.
     */
    static final List<String> ZR_HISTORY_ONLY_CASES = List.of("termin_dodatku_z_tytulu_urodzenia.yaml");

    private static final String DIR = "isolated.rules.work-dir";
    private static final String DB = "isolated.rules.db-url";

    @Override
    public Map<String, String> getConfigOverrides() {
        Path work = workDir();
        return Map.of("rules.dir", work.resolve("rules").toString(),
                "rules.work-dir", servedRules().toString(),
                "rules.test-cases-dir", work.resolve("test-cases").toString());
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
            Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "isolated-rules-")
                    .toAbsolutePath();
            for (String b : List.of("dochod_rodziny", "zasilek_rodzinny")) {
                copy(b.equals("zasilek_rodzinny") ? ZR_FOLDERS : Path.of("rules", b), work.resolve("rules").resolve(b));
                copy(Path.of("test-cases", b), work.resolve("test-cases").resolve(b));
            }
            for (String historyOnly : ZR_HISTORY_ONLY_CASES) {
                Files.deleteIfExists(work.resolve("test-cases/zasilek_rodzinny").resolve(historyOnly));
            }
            Files.copy(Path.of("rules", "released.sha256"), work.resolve("rules").resolve("released.sha256"));
            System.setProperty(DIR, work.toString());
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh database on the server of {@code url}, created once per test JVM; its URL. */
    public static synchronized String isolatedDatabase(String url, String user) {
        String existing = System.getProperty(DB);
        if (existing != null) {
            return existing;
        }
        String name = "isolated_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the isolated test database: " + e.getMessage(), e);
        }
        String isolated = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        System.setProperty(DB, isolated);
        return isolated;
    }

    public static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
