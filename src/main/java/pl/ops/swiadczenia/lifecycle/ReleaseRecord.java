package pl.ops.swiadczenia.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A release: one content of the rules directory the service decided (or could decide) with, content-addressed
 * (docs/adr/0017-releases-in-the-database.md). {@code filesJson} maps each relative path to the SHA-256 of its bytes
 * (table {@code release_file}). Append-only.
 */
@Entity
@Table(name = "release")
public class ReleaseRecord {
    @Id
    @Column(name = "id", nullable = false, updatable = false, length = 64)
    public String id;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "reason", nullable = false, updatable = false, columnDefinition = "text")
    public String reason;

    /** The fingerprint of the fact model (the only Java the rules may call) the release was recorded with. */
    @Column(name = "fact_model", nullable = false, updatable = false, length = 64)
    public String factModel;

    @Column(name = "file_count", nullable = false, updatable = false)
    public int fileCount;

    @Column(name = "files_json", nullable = false, updatable = false, columnDefinition = "text")
    public String filesJson;
}
