package pl.ops.swiadczenia.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Logs, at every (re)start, which PostgreSQL the datasource points to: the embedded one or a configured server. */
@ApplicationScoped
public class DatabaseStartupLog {

    private static final Logger LOG = Logger.getLogger(DatabaseStartupLog.class);

    @ConfigProperty(name = EmbeddedPostgresLauncher.JDBC_URL_KEY, defaultValue = "")
    String jdbcUrl;

    void onStart(@Observes StartupEvent event) {
        if (jdbcUrl.isBlank()) {
            LOG.warn("Database: no datasource URL configured");
        } else if (jdbcUrl.equals(System.getProperty(EmbeddedPostgresLauncher.STARTED_URL_PROPERTY))) {
            LOG.infof("Database: embedded PostgreSQL %s (data in %s)", jdbcUrl,
                    System.getProperty(EmbeddedPostgresLauncher.STARTED_DIR_PROPERTY));
        } else if (jdbcUrl.equals(System.getProperty(EmbeddedPostgresLauncher.TEST_URL_PROPERTY))) {
            LOG.infof("Database: embedded PostgreSQL for tests %s", jdbcUrl);
        } else {
            LOG.infof("Database: configured PostgreSQL server %s", maskPassword(jdbcUrl));
        }
    }

    /** Hides a password passed as a URL parameter. */
    public static String maskPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
