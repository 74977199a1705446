package pl.ops.swiadczenia.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One link of the hash chain (table {@code decision_chain}): written once by {@link DecisionChain#append}, never
 * changed (the database refuses UPDATE and DELETE). {@code seq} is assigned under the chain's lock, not generated.
 *
 * <p>The named queries read the chain for the verification as scalar rows (no entity is kept in the persistence
 * context, so a chain of millions of decisions is read in constant memory); Hibernate checks them at start-up.
 */
@Entity
@Table(name = "decision_chain")
@NamedQuery(name = DecisionChainEntry.VERIFY_LINKS, query = "select ch.seq, ch.decisionId, ch.contentSha256, "
        + "ch.previousHash, ch.chainHash, d.id, d.createdAt, d.benefit, d.rulesetId, d.rulesetVersion, "
        + "d.rulesetSha256, d.engineVersion, d.legalDate, d.outcome, d.totalAmount, d.caseReference, "
        + "d.requestedBy, d.requestJson, d.resultJson, d.releaseId "
        + "from DecisionChainEntry ch left join DecisionRecord d on d.id = ch.decisionId order by ch.seq")
@NamedQuery(name = DecisionChainEntry.UNCHAINED, query = "select d.id from DecisionRecord d where not exists "
        + "(select 1 from DecisionChainEntry ch where ch.decisionId = d.id) order by d.createdAt, d.id")
public class DecisionChainEntry {
    /** Every link with the decision it covers (null columns when the decision row is missing), in chain order. */
    static final String VERIFY_LINKS = "DecisionChainEntry.verifyLinks";
    /** Ids of stored decisions that have no link, oldest first. */
    static final String UNCHAINED = "DecisionChainEntry.unchained";

    @Id
    @Column(name = "seq", nullable = false, updatable = false)
    public Long seq;

    @Column(name = "decision_id", nullable = false, updatable = false, unique = true)
    public UUID decisionId;

    @Column(name = "content_sha256", nullable = false, updatable = false)
    public String contentSha256;

    @Column(name = "previous_hash", nullable = false, updatable = false)
    public String previousHash;

    @Column(name = "chain_hash", nullable = false, updatable = false)
    public String chainHash;

    @Column(name = "chained_at", nullable = false, updatable = false)
    public Instant chainedAt;
}
