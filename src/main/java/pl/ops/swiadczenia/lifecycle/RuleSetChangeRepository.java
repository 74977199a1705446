package pl.ops.swiadczenia.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/** Writes the steps of the history change workflow (insert only) and reads them back. */
@ApplicationScoped
public class RuleSetChangeRepository implements PanacheRepositoryBase<RuleSetChangeRecord, Long> {

    @Transactional
    public RuleSetChangeRecord insert(RuleSetChangeRecord r) {
        persist(r);
        flush();
        return r;
    }

    /** The steps of one change (benefit and date), oldest first. */
    @Transactional
    public List<RuleSetChangeRecord> of(String benefit, LocalDate version) {
        return list("benefit = ?1 and version = ?2", Sort.by("id"), benefit, version);
    }

    /** The steps of a benefit (every benefit when null), newest first, at most {@code limit}. */
    @Transactional
    public List<RuleSetChangeRecord> recent(String benefit, int limit) {
        return (benefit == null ? findAll(Sort.by("id").descending())
                : find("benefit", Sort.by("id").descending(), benefit)).page(0, limit).list();
    }

    /** The steps of corrections of a benefit's released law, oldest first. */
    @Transactional
    public List<RuleSetChangeRecord> corrections(String benefit) {
        return list("benefit = ?1 and action in ?2 order by id", benefit, List.of(RuleSetChangeRecord.Action.CORRECTION,
                RuleSetChangeRecord.Action.CORRECTION_APPROVAL, RuleSetChangeRecord.Action.CORRECTION_PUBLISHED));
    }
}
