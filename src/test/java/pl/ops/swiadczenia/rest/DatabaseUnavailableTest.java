package pl.ops.swiadczenia.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, point 6: while the database is unreachable a request gets 503 problem+json with Retry-After, not 500 –
 * for the failures Hibernate, Agroal and the PostgreSQL driver report when the server is down or restarting.
 */
class DatabaseUnavailableTest {
    final ProblemMappers mappers = new ProblemMappers();

    @Test
    void connectionFailuresAre503WithRetryAfter() {
        for (RuntimeException e : new RuntimeException[] {
                new org.hibernate.exception.JDBCConnectionException("Unable to acquire JDBC Connection",
                        new java.sql.SQLTransientConnectionException("Acquisition timeout while waiting for new connection")),
                new jakarta.persistence.PersistenceException("could not execute statement",
                        new org.hibernate.exception.GenericJDBCException("x", new java.sql.SQLException(
                                "terminating connection due to administrator command", "57P01"))),
                new IllegalStateException("The job could not be stored", new java.sql.SQLException(
                        "Connection refused", "08001", new java.net.ConnectException("Connection refused")))}) {
            Response r = mappers.unexpected(e);
            assertThat(r.getStatus()).as(e.toString()).isEqualTo(503);
            assertThat(r.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(r.getMediaType().toString()).isEqualTo("application/problem+json");
            assertThat(((Problem) r.getEntity()).type()).endsWith("/database-unavailable");
            assertThat(((Problem) r.getEntity()).detail()).contains("Baza danych jest chwilowo niedostępna");
        }
    }

    @Test
    void otherFailuresStay500() {
        Response r = mappers.unexpected(new IllegalStateException("a defect",
                new java.sql.SQLException("duplicate key value violates unique constraint", "23505")));
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getHeaderString("Retry-After")).isNull();
    }
}
