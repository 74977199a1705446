package pl.ops.swiadczenia.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Who read or replayed which decision (table {@code access_log}, append-only). Written for every read of a stored
 * decision, its document, a search, a replay, a batch replay and a chain verification; read by auditors.
 */
@ApplicationScoped
public class AccessLog {
    public enum Action { READ_DECISION, READ_DOCUMENT, SEARCH_DECISIONS, REPLAY_DECISION, BATCH_REPLAY, VERIFY_CHAIN,
        READ_ACCESS_LOG }

    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;

    /** One entry. */
    public record Entry(long id, Instant at, String subject, String roles, String action, String decisionId, String detail) {
    }

    public void record(String subject, String roles, Action action, UUID decisionId, String detail) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO access_log (at, subject, roles, action, decision_id, "
                     + "detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            ps.setString(2, subject == null ? "anonymous" : subject);
            ps.setString(3, roles == null ? "" : roles);
            ps.setString(4, action.name());
            ps.setObject(5, decisionId);
            ps.setString(6, detail);
            ps.executeUpdate();
        } catch (SQLException e) {
            // an access that cannot be logged must not happen silently
            throw new IllegalStateException("The access log cannot be written: " + e.getMessage(), e);
        }
    }

    /** Entries, newest first, filtered by decision, subject and time. */
    public List<Entry> search(UUID decisionId, String subject, Instant from, Instant to, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT id, at, subject, roles, action, decision_id, detail FROM access_log WHERE true");
        List<Object> args = new ArrayList<>();
        if (decisionId != null) {
            sql.append(" AND decision_id = ?");
            args.add(decisionId);
        }
        if (subject != null) {
            sql.append(" AND subject = ?");
            args.add(subject);
        }
        if (from != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND at <= ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        args.add(size);
        args.add((long) page * size);
        List<Entry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The access log cannot be read: " + e.getMessage(), e);
        }
        return out;
    }
}
