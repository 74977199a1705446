package pl.ops.swiadczenia.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
        peselHmacByMember.forEach((member, hmac) -> getEntityManager().createNativeQuery(
                        "INSERT INTO decision_person (decision_id, member_id, pesel_hmac) VALUES (?1, ?2, ?3)")
                .setParameter(1, r.id).setParameter(2, member).setParameter(3, hmac).executeUpdate());
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
        q.page(Page.of(page, size));
        return new Result(q.list(), q.count());
    }

    /** One page and the total number of matches. */
    public record Result(List<DecisionRecord> items, long total) {
    }
}
