package pl.ops.swiadczenia.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Proves that the database outlives a Quarkus restart between test classes (a {@code @TestProfile} change).
 *
 * <p>Two test classes with different profiles each call {@link #writeAndCheck}. Each writes a row tagged with this
 * JVM's run id and its own name; whichever runs second finds the other's row and checks that the server was not
 * restarted in between. Test class order does not matter. Rows live in schema {@code testsupport}, away from
 * Flyway's schema, with unique tokens, so reruns against a persistent server are fine.
 */
final class RestartProbe {

    static final String DEFAULT_PROFILE_WRITER = "default-profile";
    static final String OTHER_PROFILE_WRITER = "other-profile";

    private static final Logger LOG = Logger.getLogger(RestartProbe.class);

    private static final String RUN_ID_PROPERTY = "pl.ops.testsupport.run-id";
    private static final String DONE_PROPERTY_PREFIX = "pl.ops.testsupport.restart-probe.done.";

    private RestartProbe() {
    }

    /** @return true if the other writer had already run in this JVM, so persistence across a restart was checked */
    static boolean writeAndCheck(DataSource dataSource, String writer, String otherWriter) throws SQLException {
        String runId = runId();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("create schema if not exists testsupport");
                s.execute("""
                        create table if not exists testsupport.restart_probe (
                            token          text primary key,
                            server_started timestamptz not null,
                            written_at     timestamptz not null default now())""");
            }
            OffsetDateTime serverStarted = serverStarted(c);
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into testsupport.restart_probe (token, server_started) values (?, ?)")) {
                insert.setString(1, runId + ":" + writer);
                insert.setObject(2, serverStarted);
                insert.executeUpdate();
            }
            System.setProperty(DONE_PROPERTY_PREFIX + writer, "true");

            if (System.getProperty(DONE_PROPERTY_PREFIX + otherWriter) == null) {
                LOG.infof("Restart probe: %s wrote its row; %s has not run yet and will check it", writer, otherWriter);
                return false;
            }
            try (PreparedStatement select = c.prepareStatement(
                    "select server_started from testsupport.restart_probe where token = ?")) {
                select.setString(1, runId + ":" + otherWriter);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next())
                            .as("row written by %s before the Quarkus restart is still there", otherWriter)
                            .isTrue();
                    assertThat(rs.getObject(1, OffsetDateTime.class))
                            .as("same PostgreSQL server instance (pg_postmaster_start_time) before and after")
                            .isEqualTo(serverStarted);
                }
            }
            LOG.infof("Restart probe: the row written by %s before the Quarkus restart is still there (same server)",
                    otherWriter);
            return true;
        }
    }

    private static OffsetDateTime serverStarted(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_postmaster_start_time()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    /** One id per test JVM, kept in a system property because static fields are reset on a Quarkus restart. */
    private static synchronized String runId() {
        String id = System.getProperty(RUN_ID_PROPERTY);
        if (id == null) {
            id = UUID.randomUUID().toString();
            System.setProperty(RUN_ID_PROPERTY, id);
        }
        return id;
    }
}
