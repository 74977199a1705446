package pl.ops.swiadczenia.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of the change workflow of a dated history (ADR 0014) over the API: an upload of a draft (stored, or refused
 * by validation), an approval by a second person, a publication. Append-only (table {@code ruleset_change}).
 */
@Entity
@Table(name = "ruleset_change")
public class RuleSetChangeRecord {
    /** What was done. */
    public enum Action {
        /** A draft was uploaded, validated and stored. */
        UPLOAD,
        /** An upload did not validate (or was refused by the DRL policy): nothing was stored. */
        UPLOAD_REFUSED,
        /** A second person approved the draft content named by {@code contentSha256}. */
        APPROVAL,
        /** The draft date was released. */
        PUBLICATION,
        /** A correction of released law was proposed: validated, stored in the log, not yet in force (ADR 0018). */
        CORRECTION,
        /** A second person approved the correction named by {@code contentSha256} (validation re-run on it). */
        CORRECTION_APPROVAL,
        /** The correction was published: in force for new evaluations from then on; earlier decisions keep theirs. */
        CORRECTION_PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    public Long id;

    @Column(name = "at", nullable = false, updatable = false)
    public Instant at;

    @Column(name = "benefit", nullable = false, updatable = false)
    public String benefit;

    /** The date of the change (the draft's legal state). */
    @Column(name = "version", nullable = false, updatable = false)
    public LocalDate version;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false)
    public Action action;

    /** The verified caller (subject of the bearer token). */
    @Column(name = "actor", nullable = false, updatable = false)
    public String actor;

    /** SHA-256 of every file of {@code rules/<benefit>/} after the step (what an approval approves). */
    @Column(name = "content_sha256", updatable = false)
    public String contentSha256;

    /** SHA-256 of the legal state on {@link #version} after the step. */
    @Column(name = "state_sha256", updatable = false)
    public String stateSha256;

    @Column(name = "comment", updatable = false, columnDefinition = "text")
    public String comment;

    /** Uploads: the files sent, relative path → content (null: the file is removed). */
    @Column(name = "files_json", updatable = false, columnDefinition = "text")
    public String filesJson;

    /** Uploads and publications: the validation report. */
    @Column(name = "report_json", updatable = false, columnDefinition = "text")
    public String reportJson;

    public HistoryChanges.Step view() {
        return new HistoryChanges.Step(id, at, benefit, version, action, actor, contentSha256, stateSha256, comment);
    }
}
