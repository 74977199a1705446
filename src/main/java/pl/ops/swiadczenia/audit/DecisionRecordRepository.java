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

    /** Inserts a new decision. */
    @Transactional
    public DecisionRecord insert(DecisionRecord r) {
        persist(r);
        flush();
        return r;
    }

    public Optional<DecisionRecord> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** A page of decisions, newest first, filtered by benefit and by ranges of legal date and creation time. */
    public Result search(String benefit, LocalDate from, LocalDate to, Instant createdFrom, Instant createdTo,
                         int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
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
