package pl.ops.swiadczenia.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import pl.ops.swiadczenia.config.EmbeddedPostgresLauncher;

/**
 * Gives every {@code @QuarkusTest} a PostgreSQL, with no per-class annotation (scope GLOBAL).
 *
 * <p>If a datasource URL is configured (env {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code -Dquarkus.datasource.jdbc.url},
 * or {@code %test.} in application.properties), that server is used and nothing is started. Otherwise ONE embedded
 * PostgreSQL is started for the whole test JVM, in a throw-away data directory under {@code target/}.
 *
 * <p>Quarkus restarts the application (and calls {@link #stop()} and {@link #start()} again) between test classes
 * with different {@code @TestProfile}s, each time in a new class loader, so static fields do not survive. The
 * server is therefore kept in a system property and stopped by a JVM shutdown hook, never in {@link #stop()}: data
 * written by one test class is still there for the next one. Tests must tolerate rows from other classes.
 */
@WithTestResource(value = EmbeddedPostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresTestResource.class);

    private String profile;

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    @Override
    public Map<String, String> start() {
        String url = startedUrl();
        if (url == null) {
            Optional<String> configured = EmbeddedPostgresLauncher.configuredJdbcUrl(List.of("test"));
            if (configured.isPresent()) {
                LOG.infof("Tests use the configured PostgreSQL server %s", configured.get().replaceAll(
                        "(?i)(password=)[^&;]*", "$1***"));
                return Map.of();
            }
            url = startJvmWideServer();
        }
        if (profile != null && profile.equals(IsolatedRulesProfile.class.getName())) {
            url = IsolatedRulesProfile.isolatedDatabase(url, EmbeddedPostgresLauncher.USER);
        }
        if (profile != null && profile.equals(HistoryRulesProfile.class.getName())) {
            url = HistoryRulesProfile.database(url, EmbeddedPostgresLauncher.USER);
        }
        if (profile != null && profile.equals(CorrectionRulesProfile.class.getName())) {
            url = CorrectionRulesProfile.database(url, EmbeddedPostgresLauncher.USER);
        }
        return Map.of(EmbeddedPostgresLauncher.JDBC_URL_KEY, url,
                "quarkus.datasource.username", EmbeddedPostgresLauncher.USER);
    }

    @Override
    public void stop() {
        // Deliberately empty: the server lives as long as the test JVM (see class comment).
    }

    private static String startedUrl() {
        return System.getProperty(EmbeddedPostgresLauncher.TEST_URL_PROPERTY);
    }

    private static String startJvmWideServer() {
        // Test classes run one after another; the lock is for safety within one class loader.
        synchronized (EmbeddedPostgresTestResource.class) {
            String url = startedUrl();
            if (url != null) {
                return url;
            }
            Path dataDir;
            try {
                Path target = Files.createDirectories(Path.of("target"));
                dataDir = Files.createTempDirectory(target, "embedded-pg-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgresLauncher.Running pg = EmbeddedPostgresLauncher.start(
                    new EmbeddedPostgresLauncher.Options(dataDir, 0, false));
            Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "embedded-postgres-test-stop"));
            System.setProperty(EmbeddedPostgresLauncher.TEST_URL_PROPERTY, pg.jdbcUrl());
            LOG.infof("Tests use embedded PostgreSQL %s (data in %s, server log in %s), started in %d ms",
                    pg.jdbcUrl(), pg.dataDir(), EmbeddedPostgresLauncher.logFile(pg.dataDir()), pg.startMillis());
            return pg.jdbcUrl();
        }
    }
}
