package pl.ops.swiadczenia.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The service took up a release (loaded or changed its rules): when, by whom, why. Append-only. */
@Entity
@Table(name = "release_activation")
public class ReleaseActivation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    public Long id;

    @Column(name = "release_id", nullable = false, updatable = false, length = 64)
    public String releaseId;

    @Column(name = "activated_at", nullable = false, updatable = false)
    public Instant activatedAt;

    @Column(name = "activated_by", nullable = false, updatable = false)
    public String activatedBy;

    @Column(name = "reason", nullable = false, updatable = false, columnDefinition = "text")
    public String reason;
}
