package pl.ops.swiadczenia.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A stored decision: the exact request and result JSON with the ruleset id and hash, engine version and legal
 * date. Append-only: written once by {@link DecisionRecordRepository}; the database refuses UPDATE and DELETE.
 * A plain entity (not an active record), so it carries no persist/delete methods of its own.
 */
@Entity
@Table(name = "decision")
public class DecisionRecord {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    public UUID id;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "benefit", nullable = false, updatable = false)
    public String benefit;

    @Column(name = "ruleset_id", nullable = false, updatable = false)
    public String rulesetId;

    @Column(name = "ruleset_version", nullable = false, updatable = false)
    public LocalDate rulesetVersion;

    @Column(name = "ruleset_sha256", nullable = false, updatable = false)
    public String rulesetSha256;

    @Column(name = "engine_version", nullable = false, updatable = false)
    public String engineVersion;

    @Column(name = "legal_date", nullable = false, updatable = false)
    public LocalDate legalDate;

    @Column(name = "outcome", nullable = false, updatable = false)
    public String outcome;

    @Column(name = "total_amount", nullable = false, updatable = false, precision = 14, scale = 2)
    public BigDecimal totalAmount;

    @Column(name = "case_reference", updatable = false)
    public String caseReference;

    /** Who asked for the decision: the subject of the caller's token (null for decisions before access control). */
    @Column(name = "requested_by", updatable = false)
    public String requestedBy;

    /** The request body exactly as received (PESEL numbers removed: they are kept only as keyed hashes). */
    @Column(name = "request_json", nullable = false, updatable = false, columnDefinition = "text")
    public String requestJson;

    /** The evaluation exactly as produced (canonical JSON); the replay compares against these bytes. */
    @Column(name = "result_json", nullable = false, updatable = false, columnDefinition = "text")
    public String resultJson;

    /**
     * The release (content-addressed snapshot of the rules, table {@code release}) the decision was made under; the
     * replay loads it from the database. Null for decisions stored before releases were recorded.
     */
    @Column(name = "release_id", updatable = false, length = 64)
    public String releaseId;
}
