package pl.ops.swiadczenia.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One citation or parameter use, stored once and referenced by its content key from the decisions that used it
 * (service/StoredForm). Never updated or deleted.
 */
@Entity
@Table(name = "citation_catalogue")
public class CatalogueEntry {
    @Id
    @Column(name = "key", nullable = false, updatable = false, length = 17)
    public String key;

    @Column(name = "body", nullable = false, updatable = false, columnDefinition = "text")
    public String body;
}
