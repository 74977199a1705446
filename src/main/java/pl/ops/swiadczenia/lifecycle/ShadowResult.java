package pl.ops.swiadczenia.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The result of a stored decision's request under an approved draft (shadow run), beside the decision. Append-only. */
@Entity
@Table(name = "shadow_result")
public class ShadowResult {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    public Long id;

    @Column(name = "decision_id", nullable = false, updatable = false)
    public UUID decisionId;

    @Column(name = "benefit", nullable = false, updatable = false)
    public String benefit;

    @Column(name = "candidate_id", nullable = false, updatable = false)
    public String candidateId;

    @Column(name = "candidate_sha256", nullable = false, updatable = false, length = 64)
    public String candidateSha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "live_outcome", nullable = false, updatable = false)
    public String liveOutcome;

    @Column(name = "live_total", nullable = false, updatable = false, precision = 14, scale = 2)
    public BigDecimal liveTotal;

    @Column(name = "shadow_outcome", updatable = false)
    public String shadowOutcome;

    @Column(name = "shadow_total", updatable = false, precision = 14, scale = 2)
    public BigDecimal shadowTotal;

    @Column(name = "error", updatable = false, columnDefinition = "text")
    public String error;
}
