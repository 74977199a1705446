package pl.ops.swiadczenia.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One publication of a legal state (a version folder or a date of a dated history): who, when, the hash, and the
 * full content it was published from, so that it can always be rebuilt. Append-only: written once by
 * {@link RuleSetPublicationRepository}; the database refuses UPDATE and DELETE.
 */
@Entity
@Table(name = "ruleset_publication")
public class RuleSetPublicationRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false, updatable = false)
    public Long id;

    @Column(name = "ruleset_id", nullable = false, updatable = false, unique = true)
    public String rulesetId;

    @Column(name = "benefit", nullable = false, updatable = false)
    public String benefit;

    @Column(name = "version", nullable = false, updatable = false)
    public LocalDate version;

    @Column(name = "sha256", nullable = false, updatable = false)
    public String sha256;

    @Column(name = "draft_sha256", nullable = false, updatable = false)
    public String draftSha256;

    @Column(name = "published_by", nullable = false, updatable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false, updatable = false)
    public Instant publishedAt;

    @Column(name = "comment", updatable = false, columnDefinition = "text")
    public String comment;

    /**
     * The published content, relative path → text: the files of the version folder, or for a dated history every file
     * of {@code rules/<benefit>/} as released (benefit.yaml, parametry/…, logika/…/…, komunikaty.yaml).
     */
    @Column(name = "files_json", nullable = false, updatable = false, columnDefinition = "text")
    public String filesJson;

    @Column(name = "validation_report", nullable = false, updatable = false, columnDefinition = "text")
    public String validationReport;

    public RuleSets.Publication view() {
        return new RuleSets.Publication(rulesetId, benefit, version, sha256, draftSha256, publishedBy, publishedAt, comment);
    }
}
