package pl.ops.swiadczenia.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * A family member of a stored decision, found by the keyed hash of their PESEL (for search). Written once with its
 * decision by {@link DecisionRecordRepository}; the database refuses UPDATE and DELETE.
 */
@Entity
@Table(name = "decision_person")
public class DecisionPerson {
    @EmbeddedId
    public Key key;

    @Column(name = "pesel_hmac", nullable = false, updatable = false)
    public String peselHmac;

    /** The same column as {@code key.decisionId}, for queries; written through the key. */
    @Column(name = "decision_id", nullable = false, updatable = false, insertable = false)
    public UUID decisionId;

    /** Decision and member. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "decision_id")
        public UUID decisionId;
        @Column(name = "member_id")
        public String memberId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(decisionId, k.decisionId)
                    && java.util.Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(decisionId, memberId);
        }
    }
}
