package pl.ops.swiadczenia.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.SmallRyeConfig;
import pl.ops.swiadczenia.audit.AuditTool;
import pl.ops.swiadczenia.config.DatabaseStartupLog;
import pl.ops.swiadczenia.config.EmbeddedPostgresLauncher;
import pl.ops.swiadczenia.lifecycle.RulesTool;

/**
 * Entry point of the service, in dev mode ({@code ./mvnw quarkus:dev}) and in the prod jar
 * ({@code java -jar target/quarkus-app/quarkus-run.jar}); tests do not use it.
 *
 * <p>If a datasource URL is configured (for example {@code QUARKUS_DATASOURCE_JDBC_URL}), Quarkus simply uses that
 * server. Otherwise an embedded PostgreSQL is started first, with a persistent data directory
 * ({@code embedded-pg.dir} / {@code EMBEDDED_PG_DIR}), and its URL is handed to Quarkus as system properties. The
 * embedded server is stopped when the JVM exits, after Quarkus has stopped. In dev mode this method runs again on
 * each live reload, in the same JVM; the server started the first time is kept.
 *
 * <p>It sits in its own package at the top of the dependency graph: it dispatches to the terminal commands of
 * {@code lifecycle} and {@code audit} and starts the database of {@code config}, and nothing depends on it.
 */
@QuarkusMain
public class ServiceMain {

    private static final Logger LOG = Logger.getLogger(ServiceMain.class);

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("reguly")) {
            // policy-staff terminal commands (validate, diff): no service, no database
            System.exit(RulesTool.run(System.out, System.err,
                    Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("audyt")) {
            // auditors' terminal command (verify-chain): reads the database directly, no service
            System.exit(AuditTool.run(System.out, System.err,
                    Arrays.copyOfRange(args, 1, args.length)));
        }
        LaunchMode launchMode = launchMode();
        try {
            startEmbeddedDatabaseIfNeeded(launchMode);
        } catch (RuntimeException e) {
            if (launchMode.isDev()) {
                throw e; // dev mode reports it and waits for a fix
            }
            // Quarkus logging is not active yet (records are buffered until Quarkus starts): use stderr
            System.err.println("ERROR: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        Quarkus.run(args);
    }

    static synchronized void startEmbeddedDatabaseIfNeeded(LaunchMode launchMode) {
        if (System.getProperty(EmbeddedPostgresLauncher.STARTED_URL_PROPERTY) != null) {
            return; // dev-mode live reload: the server from the first start is still running
        }
        List<String> profiles = activeProfiles(launchMode);
        Optional<String> configured = EmbeddedPostgresLauncher.configuredJdbcUrl(profiles);
        if (configured.isPresent()) {
            LOG.infof("Database: configured PostgreSQL server %s", DatabaseStartupLog.maskPassword(configured.get()));
            return;
        }

        ClassLoader cl = ServiceMain.class.getClassLoader();
        SmallRyeConfig config = EmbeddedPostgresLauncher.configFor(profiles, cl);
        boolean dev = profiles.contains(LaunchMode.DEV_PROFILE);
        Path dataDir = Path.of(config.getOptionalValue("embedded-pg.dir", String.class)
                .orElse(dev ? "target/embedded-pg" : "embedded-pg"));
        int port = config.getOptionalValue("embedded-pg.port", Integer.class).orElse(0);

        LOG.infof("No datasource URL configured (QUARKUS_DATASOURCE_JDBC_URL): starting embedded PostgreSQL in %s",
                dataDir.toAbsolutePath().normalize());
        EmbeddedPostgresLauncher.Options options = new EmbeddedPostgresLauncher.Options(dataDir, port, true);
        EmbeddedPostgresLauncher.Running pg = EmbeddedPostgresLauncher.start(options);
        // started again on the same port when its process dies (the pool then reconnects by itself)
        EmbeddedPostgresLauncher.Supervised supervised = new EmbeddedPostgresLauncher.Supervised(pg, options);
        supervised.watch(java.time.Duration.ofSeconds(5));
        pg.datasourceProperties().forEach(System::setProperty);
        System.setProperty(EmbeddedPostgresLauncher.STARTED_URL_PROPERTY, pg.jdbcUrl());
        System.setProperty(EmbeddedPostgresLauncher.STARTED_DIR_PROPERTY, pg.dataDir().toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterQuarkus(supervised), "embedded-postgres-stop"));
        LOG.infof("Database: embedded PostgreSQL %s (user %s, data in %s, server log in %s), started in %d ms",
                pg.jdbcUrl(), EmbeddedPostgresLauncher.USER, pg.dataDir(),
                EmbeddedPostgresLauncher.logFile(pg.dataDir()), pg.startMillis());
    }

    /** The profiles Quarkus will use: quarkus.profile / QUARKUS_PROFILE, else the launch mode's default. */
    static List<String> activeProfiles(LaunchMode launchMode) {
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        if (profile == null || profile.isBlank()) {
            profile = launchMode.getDefaultProfile();
        }
        return Arrays.stream(profile.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    /**
     * The launch mode is set by the static initialiser of the generated application class, which
     * {@link Quarkus#run(String...)} loads first thing. In dev mode this main method runs before that, and on the
     * first start {@link LaunchMode#current()} still says NORMAL; so load the class now (it is loaded anyway).
     */
    static LaunchMode launchMode() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        try {
            Class.forName(Application.APP_CLASS_NAME, true, cl != null ? cl : ServiceMain.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // not an augmented application (e.g. started from an IDE): Quarkus.run will handle that
        }
        return LaunchMode.current();
    }

    /** JVM shutdown hooks run concurrently: let Quarkus close its connections first (bounded wait), then stop. */
    private static void stopAfterQuarkus(EmbeddedPostgresLauncher.Supervised pg) {
        Application app = Application.currentApplication();
        if (app != null) {
            Thread waiter = new Thread(app::awaitShutdown, "embedded-postgres-await-quarkus");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pg.close();
    }
}
