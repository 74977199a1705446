package pl.ops.swiadczenia.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    /** What an impact analysis or a batch replay reads of a stored decision (JobStore reads them per chunk). */
    public record ForAnalysis(String id, LocalDate legalDate, String outcome, BigDecimal total, String requestJson,
                              LocalDate rulesetVersion, String rulesetId, String rulesetSha256, String resultJson,
                              String releaseId) {
    }

    /** One page and the total number of matches. */
    public record Result(List<DecisionRecord> items, long total) {
    }
}
