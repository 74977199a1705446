package pl.ops.swiadczenia.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One distinct file content of the releases (SHA-256 of the bytes), gzip-compressed. Append-only. */
@Entity
@Table(name = "release_file")
public class ReleaseFile {
    @Id
    @Column(name = "sha256", nullable = false, updatable = false, length = 64)
    public String sha256;

    /** Size of the file in bytes (uncompressed). */
    @Column(name = "size", nullable = false, updatable = false)
    public int size;

    @Column(name = "content", nullable = false, updatable = false)
    public byte[] content;
}
