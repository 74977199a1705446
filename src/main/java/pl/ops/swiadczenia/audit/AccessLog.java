package pl.ops.swiadczenia.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who read or replayed which decision (table {@code access_log}, append-only). Written for every read of a stored
 * decision, its document, a search, a replay, a batch replay and a chain verification; read by auditors.
 */
@ApplicationScoped
public class AccessLog implements PanacheRepositoryBase<AccessLogEntry, Long> {
    public enum Action { READ_DECISION, READ_DOCUMENT, SEARCH_DECISIONS, REPLAY_DECISION, BATCH_REPLAY, VERIFY_CHAIN,
        READ_ACCESS_LOG }

    @Inject
    Clock clock;

    /** One entry. */
    public record Entry(long id, Instant at, String subject, String roles, String action, String decisionId, String detail) {
    }

    /**
     * Writes one entry, committed in its own transaction: the access has happened once this returns, whatever
     * becomes of a transaction the caller may be in. A failure is thrown (an access that cannot be logged must not
     * happen silently).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String subject, String roles, Action action, UUID decisionId, String detail) {
        AccessLogEntry e = new AccessLogEntry();
        e.at = Instant.now(clock);
        e.subject = subject == null ? "anonymous" : subject;
        e.roles = roles == null ? "" : roles;
        e.action = action.name();
        e.decisionId = decisionId;
        e.detail = detail;
        persist(e);
    }

    /** Entries, newest first, filtered by decision, subject and time. */
    public List<Entry> search(UUID decisionId, String subject, Instant from, Instant to, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (decisionId != null) {
            where.add("decisionId = :decisionId");
            p.and("decisionId", decisionId);
        }
        if (subject != null) {
            where.add("subject = :subject");
            p.and("subject", subject);
        }
        if (from != null) {
            where.add("at >= :from");
            p.and("from", from);
        }
        if (to != null) {
            where.add("at <= :to");
            p.and("to", to);
        }
        long first = (long) page * size;
        if (first + size - 1 > Integer.MAX_VALUE) {
            return List.of(); // beyond any row JPA can address (and beyond any log there is)
        }
        Sort newestFirst = Sort.descending("id");
        PanacheQuery<AccessLogEntry> q = where.isEmpty() ? findAll(newestFirst)
                : find(String.join(" and ", where), newestFirst, p);
        return q.range((int) first, (int) (first + size - 1)).list().stream()
                .map(e -> new Entry(e.id, e.at, e.subject, e.roles, e.action,
                        e.decisionId == null ? null : e.decisionId.toString(), e.detail))
                .toList();
    }
}
