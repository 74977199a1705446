package pl.ops.swiadczenia.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/** The one place that writes decisions (insert only) and reads them back. There is no update or delete path. */
@ApplicationScoped
public class DecisionRecordRepository implements PanacheRepositoryBase<DecisionRecord, UUID> {

    @jakarta.inject.Inject
    DecisionChain chain;
    @jakarta.inject.Inject
    CitationCatalogue catalogue;
    @jakarta.inject.Inject
    java.time.Clock clock;

    /** Inserts a new decision and appends it to the hash chain, in one transaction. */
    @Transactional
    public DecisionRecord insert(DecisionRecord r) {
        persist(r);
        flush();
        chain.append(r, r.createdAt);
        return r;
    }

    /**
     * Inserts a new decision with the keyed hashes of its family members' PESEL numbers, chained, in one transaction.
     */
    @Transactional
    public DecisionRecord insert(DecisionRecord r, java.util.Map<String, String> peselHmacByMember) {
        return insert(r, peselHmacByMember, java.util.Map.of());
    }

    /**
     * Inserts a new decision, the citation catalogue entries its stored result refers to, and the keyed hashes of its
     * family members' PESEL numbers, chained, in one transaction.
     */
    @Transactional
    public DecisionRecord insert(DecisionRecord r, java.util.Map<String, String> peselHmacByMember,
                                 java.util.Map<String, String> catalogueEntries) {
        catalogue.addAll(catalogueEntries);
        insert(r);
        peselHmacByMember.forEach((member, hmac) -> {
            DecisionPerson p = new DecisionPerson();
            p.key = new DecisionPerson.Key();
            p.key.decisionId = r.id;
            p.key.memberId = member;
            p.decisionId = r.id;
            p.peselHmac = hmac;
            getEntityManager().persist(p);
        });
        flush();
        return r;
    }

    /** Chains decisions stored before the chain existed (at start-up). */
    @Transactional
    public int chainUnchained() {
        return chain.chainUnchained(this::findById, java.time.Instant.now(clock));
    }

    public Optional<DecisionRecord> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** A page of decisions, newest first, filtered by benefit and by ranges of legal date and creation time. */
    public Result search(String benefit, LocalDate from, LocalDate to, Instant createdFrom, Instant createdTo,
                         int page, int size, String requestedBy, String peselHmac, String outcome) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (outcome != null) {
            where.add("outcome = :outcome");
            p.and("outcome", outcome);
        }
        if (requestedBy != null) {
            where.add("requestedBy = :requestedBy");
            p.and("requestedBy", requestedBy);
        }
        if (peselHmac != null) {
            where.add("id in (select dp.decisionId from DecisionPerson dp where dp.peselHmac = :peselHmac)");
            p.and("peselHmac", peselHmac);
        }
        if (benefit != null) {
            where.add("benefit = :benefit");
            p.and("benefit", benefit);
        }
        if (from != null) {
            where.add("legalDate >= :from");
            p.and("from", from);
        }
        if (to != null) {
            where.add("legalDate <= :to");
            p.and("to", to);
        }
        if (createdFrom != null) {
            where.add("createdAt >= :createdFrom");
            p.and("createdFrom", createdFrom);
        }
        if (createdTo != null) {
            where.add("createdAt <= :createdTo");
            p.and("createdTo", createdTo);
        }
        Sort sort = Sort.by("createdAt", Sort.Direction.Descending).and("id");
        PanacheQuery<DecisionRecord> q = where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, p);
        if ((long) page * size + size > Integer.MAX_VALUE) {
            return new Result(List.of(), q.count()); // beyond what JPA can address: an empty page, as in the access log
        }
        q.page(Page.of(page, size));
        return new Result(q.list(), q.count());
    }

    /**
     * How many stored decisions of a benefit have a legal date in the range (impact analysis, batch replay). In a
     * transaction of its own: the jobs call it from their own thread, where no request context is active.
     */
    @Transactional
    public long countForAnalysis(String benefit, LocalDate from, LocalDate to) {
        return count("benefit = ?1 and legalDate between ?2 and ?3", benefit, from, to);
    }

    /** What an impact analysis or a batch replay reads of a stored decision. */
    public record ForAnalysis(String id, LocalDate legalDate, String outcome, BigDecimal total, String requestJson,
                              LocalDate rulesetVersion, String rulesetId, String rulesetSha256, String resultJson,
                              String releaseId) {
    }

    /** Takes the rows of {@link #streamForAnalysis} one at a time; false stops the reading. */
    @FunctionalInterface
    public interface AnalysisSink {
        boolean accept(ForAnalysis row) throws InterruptedException;
    }

    /**
     * Hands every stored decision of a benefit with a legal date in the range to {@code sink}, by legal date and id,
     * in constant memory: scalar rows (no entity enters the persistence context) read through a forward-only cursor
     * with a fetch size of 500. PostgreSQL keeps a cursor only inside a transaction, so the reading runs in a
     * read-only transaction of its own, which lasts as long as the sink takes (the workers of a job consume at their
     * pace): hence the long timeout, where the default is 5 minutes. {@code withResult}: also read the stored
     * result JSON (a replay compares against it; an impact analysis does not need it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 24 * 3600)
    public void streamForAnalysis(String benefit, LocalDate from, LocalDate to, boolean withResult, AnalysisSink sink)
            throws InterruptedException {
        try (Stream<Object[]> rows = getEntityManager()
                .createNamedQuery(withResult ? DecisionRecord.FOR_REPLAY : DecisionRecord.FOR_IMPACT, Object[].class)
                .setParameter("benefit", benefit).setParameter("from", from).setParameter("to", to)
                .setHint(HibernateHints.HINT_FETCH_SIZE, 500).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()) {
            Iterator<Object[]> it = rows.iterator();
            while (it.hasNext()) {
                Object[] r = it.next();
                if (!sink.accept(new ForAnalysis(r[0].toString(), (LocalDate) r[1], (String) r[2], (BigDecimal) r[3],
                        (String) r[4], (LocalDate) r[5], (String) r[6], (String) r[7],
                        withResult ? (String) r[8] : null, withResult ? (String) r[9] : null))) {
                    return;
                }
            }
        }
    }

    /** One page and the total number of matches. */
    public record Result(List<DecisionRecord> items, long total) {
    }
}
