package pl.ops.swiadczenia.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the access log (table {@code access_log}): written once by {@link AccessLog}, never changed (the
 * database refuses UPDATE and DELETE). A plain entity (not an active record).
 */
@Entity
@Table(name = "access_log")
public class AccessLogEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    public Long id;

    @Column(name = "at", nullable = false, updatable = false)
    public Instant at;

    @Column(name = "subject", nullable = false, updatable = false)
    public String subject;

    @Column(name = "roles", nullable = false, updatable = false)
    public String roles;

    /** The name of an {@link AccessLog.Action}. */
    @Column(name = "action", nullable = false, updatable = false)
    public String action;

    @Column(name = "decision_id", updatable = false)
    public UUID decisionId;

    @Column(name = "detail", updatable = false, columnDefinition = "text")
    public String detail;
}
