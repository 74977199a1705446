package pl.ops.swiadczenia.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** The one place that writes publications (insert only) and reads them back. There is no update or delete path. */
@ApplicationScoped
public class RuleSetPublicationRepository implements PanacheRepositoryBase<RuleSetPublicationRecord, Long> {

    /** Inserts a publication (in the caller's transaction, or its own): it is recorded before the files are moved into place. */
    @Transactional
    public RuleSetPublicationRecord insert(RuleSetPublicationRecord r) {
        persist(r);
        flush();
        return r;
    }

    /** Every publication, oldest first. */
    @Transactional
    public List<RuleSetPublicationRecord> inOrder() {
        return listAll(Sort.by("id"));
    }
}
