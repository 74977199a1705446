package pl.ops.swiadczenia.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14, point 6: in embedded mode the service starts its PostgreSQL again when that process dies – on the same
 * port and data directory, so the datasource URL stays valid and every committed row is still there.
 */
@Timeout(300)
class EmbeddedPostgresWatchdogTest {
    @Test
    void aKilledServerIsStartedAgainOnTheSamePortWithItsData() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "watchdog-pg-").resolve("data");
        EmbeddedPostgresLauncher.Options options = new EmbeddedPostgresLauncher.Options(dir, 0, true);
        try (EmbeddedPostgresLauncher.Supervised pg = new EmbeddedPostgresLauncher.Supervised(
                EmbeddedPostgresLauncher.start(options), options)) {
            String url = pg.current().jdbcUrl();
            try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresLauncher.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('committed before the crash')");
            }
            assertThat(pg.restartIfDead()).as("a live server is left alone").isFalse();

            long pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get();
            for (int i = 0; i < 50 && pg.reachable(); i++) {
                Thread.sleep(100);
            }
            assertThat(pg.reachable()).as("the killed server no longer answers").isFalse();

            assertThat(pg.restartIfDead()).isTrue();
            assertThat(pg.restarts()).isEqualTo(1);
            assertThat(pg.current().jdbcUrl()).as("same port, same URL").isEqualTo(url);
            try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresLauncher.USER, "");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("committed before the crash");
            }
        }
    }
}
