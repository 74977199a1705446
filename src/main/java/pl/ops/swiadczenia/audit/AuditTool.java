package pl.ops.swiadczenia.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Terminal command for auditors: {@code verify-chain [--url JDBC_URL] [--user U] [--password P] [--json]}; defaults
 * from QUARKUS_DATASOURCE_JDBC_URL / _USERNAME / _PASSWORD. Exit code 0: intact, 1: broken (the first broken
 * record is named), 2: wrong usage or no database.
 *
 * <p>The single class of the service that uses JDBC directly (ADR 0015, checked by {@code ArchitectureTest}). It
 * runs before and without Quarkus ({@code ServiceMain} dispatches to it), because starting the service to verify
 * its own evidence would change that evidence: Flyway migrates at start, and {@code ChainStartup} chains every
 * decision outside the chain, which is exactly what the verification must report. It also needs no rules, no HTTP
 * port and no second copy of the service's configuration. So it opens one read-only connection, reads the chain
 * with a cursor in a transaction that is rolled back, and applies the same {@link ChainVerifier} and content hash
 * as the service's {@link DecisionChain#verify()}.
 */
public final class AuditTool {
    private AuditTool() {
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        String user = System.getenv("QUARKUS_DATASOURCE_USERNAME");
        String password = System.getenv("QUARKUS_DATASOURCE_PASSWORD");
        boolean json = false;
        boolean verify = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "verify-chain" -> verify = true;
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--json" -> json = true;
                default -> {
                    err.println("Unknown argument " + args[i]);
                    return 2;
                }
            }
        }
        if (!verify || url == null) {
            err.println("Usage: verify-chain [--url jdbc:postgresql://host:port/db] [--user U] [--password P] [--json]"
                    + " (defaults: QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD)");
            return 2;
        }
        try (Connection c = DriverManager.getConnection(url, user, password == null ? "" : password)) {
            DecisionChain.Verification v = verify(c);
            out.println(json ? new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(v) : v.toText());
            return v.intact() ? 0 : 1;
        } catch (Exception e) {
            err.println("Cannot verify the chain: " + e.getMessage());
            return 2;
        }
    }

    /** Verifies the whole chain over a JDBC connection, read-only. */
    static DecisionChain.Verification verify(Connection c) throws SQLException {
        ChainVerifier v = new ChainVerifier();
        c.setReadOnly(true);
        c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT ch.seq, ch.decision_id, ch.content_sha256, "
                    + "ch.previous_hash, ch.chain_hash, d.id, d.created_at, d.benefit, d.ruleset_id, d.ruleset_version, "
                    + "d.ruleset_sha256, d.engine_version, d.legal_date, d.outcome, d.total_amount, d.case_reference, "
                    + "d.requested_by, d.request_json, d.result_json, d.release_id FROM decision_chain ch "
                    + "LEFT JOIN decision d ON d.id = ch.decision_id ORDER BY ch.seq")) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        v.link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6) == null ? null : DecisionChain.contentHash(
                                        UUID.fromString(rs.getString(6)),
                                        rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9),
                                        rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12),
                                        rs.getObject(13, LocalDate.class), rs.getString(14), rs.getBigDecimal(15),
                                        rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
                                        rs.getString(20)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id FROM decision d WHERE NOT EXISTS "
                    + "(SELECT 1 FROM decision_chain ch WHERE ch.decision_id = d.id) ORDER BY d.created_at, d.id")) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        v.unchained(rs.getString(1));
                    }
                }
            }
            return v.result();
        } finally {
            c.rollback();
        }
    }
}
