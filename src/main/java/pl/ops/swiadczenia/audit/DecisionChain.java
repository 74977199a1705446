package pl.ops.swiadczenia.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * The hash chain over stored decisions (table {@code decision_chain}): each decision's content hash covers every
 * stored field; each chain hash covers the previous chain hash and the content hash. Appending happens in the same
 * transaction as the decision insert, under a transaction-scoped advisory lock so the chain has one order. The
 * verification reads the chain with a cursor and names the first broken record. Hibernate ORM throughout (ADR 0015);
 * the terminal command {@link AuditTool} reads the same tables over plain JDBC and applies the same
 * {@link ChainVerifier}.
 */
@ApplicationScoped
public class DecisionChain implements PanacheRepositoryBase<DecisionChainEntry, Long> {
    public static final String GENESIS = "0".repeat(64);
    private static final long LOCK = 0x6f70735f63686169L; // "ops_chai"
    /** Timeout of the read-only transaction of a verification (the default 5 minutes is too short for big chains). */
    static final int READ_TIMEOUT_SECONDS = 6 * 3600;

    /**
     * SHA-256 over the stored fields, each written as {@code <length>:<value>} so that no two rows can collide. The
     * release a decision names ({@code releaseId}, docs/adr/0017) is one more field when present: decisions stored
     * before releases (null) keep the hash they were chained with, and setting or changing it afterwards breaks it.
     */
    public static String contentHash(UUID id, Instant createdAt, String benefit, String rulesetId, LocalDate rulesetVersion,
                                     String rulesetSha256, String engineVersion, LocalDate legalDate, String outcome,
                                     BigDecimal totalAmount, String caseReference, String requestedBy,
                                     String requestJson, String resultJson, String releaseId) {
        MessageDigest md = sha256();
        String[] fields = {id.toString(), createdAt.toString(), benefit, rulesetId, rulesetVersion.toString(),
                rulesetSha256, engineVersion, legalDate.toString(), outcome,
                totalAmount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), caseReference, requestedBy,
                requestJson, resultJson};
        if (releaseId != null) {
            fields = java.util.Arrays.copyOf(fields, fields.length + 1);
            fields[fields.length - 1] = "release=" + releaseId;
        }
        for (String f : fields) {
            byte[] b = f == null ? new byte[0] : f.getBytes(StandardCharsets.UTF_8);
            md.update(((f == null ? "-" : String.valueOf(b.length)) + ":").getBytes(StandardCharsets.UTF_8));
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String contentHash(DecisionRecord r) {
        return contentHash(r.id, r.createdAt, r.benefit, r.rulesetId, r.rulesetVersion, r.rulesetSha256, r.engineVersion,
                r.legalDate, r.outcome, r.totalAmount, r.caseReference, r.requestedBy, r.requestJson, r.resultJson,
                r.releaseId);
    }

    public static String link(String previous, String content) {
        return HexFormat.of().formatHex(sha256().digest((previous + content).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Appends a just-inserted decision to the chain; call inside the inserting transaction.
     *
     * <p>The one native statement of the chain: {@code pg_advisory_xact_lock} serialises appends across every
     * connection and every instance of the service until the transaction ends, so that reading the last link and
     * writing the next one cannot interleave (two appends would otherwise take the same {@code seq}, or fork the
     * chain). JPA has no equivalent: a pessimistic lock ({@code SELECT ... FOR UPDATE}) needs an existing row to
     * lock, so it does not cover the first link, and a second appender waiting on the last row would, once it gets
     * the lock, still see that row as the last one and take the same {@code seq}.
     */
    public void append(DecisionRecord r, Instant now) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
        DecisionChainEntry last = findAll(Sort.descending("seq")).firstResult();
        DecisionChainEntry next = new DecisionChainEntry();
        next.seq = last == null ? 1 : last.seq + 1;
        next.decisionId = r.id;
        next.contentSha256 = contentHash(r);
        next.previousHash = last == null ? GENESIS : last.chainHash;
        next.chainHash = link(next.previousHash, next.contentSha256);
        next.chainedAt = now;
        persist(next);
        flush(); // written while the lock is held, and a conflict is reported here rather than at commit
    }

    /** One problem found by the verification. */
    public record Break(Long seq, String decisionId, String reason) {
    }

    /** The verification's result: intact, or the first broken record and up to 100 problems. */
    public record Verification(boolean intact, long chainedDecisions, long unchainedDecisions, Break firstBroken,
                               List<Break> problems) {
        public String toText() {
            StringBuilder sb = new StringBuilder();
            sb.append(intact ? "ŁAŃCUCH NIENARUSZONY / CHAIN INTACT" : "ŁAŃCUCH NARUSZONY / CHAIN BROKEN")
                    .append(": ").append(chainedDecisions).append(" decyzji w łańcuchu / decisions in the chain");
            if (unchainedDecisions > 0) {
                sb.append(", ").append(unchainedDecisions).append(" poza łańcuchem / outside the chain");
            }
            sb.append('\n');
            if (firstBroken != null) {
                sb.append("pierwszy naruszony zapis / first broken record: seq ").append(firstBroken.seq())
                        .append(", decyzja / decision ").append(firstBroken.decisionId()).append(": ")
                        .append(firstBroken.reason()).append('\n');
            }
            problems.stream().skip(1).forEach(p -> sb.append("  seq ").append(p.seq()).append(", ")
                    .append(p.decisionId()).append(": ").append(p.reason()).append('\n'));
            return sb.toString();
        }
    }

    /**
     * Verifies the whole chain. The links are read as scalar rows through a forward-only cursor (fetch size 500),
     * which PostgreSQL keeps open only inside a transaction: hence the transaction, with a timeout long enough for a
     * chain of millions of decisions. Nothing is written.
     */
    @Transactional
    @TransactionConfiguration(timeout = READ_TIMEOUT_SECONDS)
    public Verification verify() {
        ChainVerifier v = new ChainVerifier();
        try (Stream<Object[]> links = getEntityManager()
                .createNamedQuery(DecisionChainEntry.VERIFY_LINKS, Object[].class)
                .setHint(HibernateHints.HINT_FETCH_SIZE, 500).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()) {
            links.forEach(r -> v.link((Long) r[0], r[1].toString(), (String) r[2], (String) r[3], (String) r[4],
                    r[5] == null ? null : contentHash((UUID) r[5], (Instant) r[6], (String) r[7], (String) r[8],
                            (LocalDate) r[9], (String) r[10], (String) r[11], (LocalDate) r[12], (String) r[13],
                            (BigDecimal) r[14], (String) r[15], (String) r[16], (String) r[17], (String) r[18],
                            (String) r[19])));
        }
        try (Stream<UUID> ids = getEntityManager().createNamedQuery(DecisionChainEntry.UNCHAINED, UUID.class)
                .setHint(HibernateHints.HINT_FETCH_SIZE, 500).getResultStream()) {
            ids.forEach(id -> v.unchained(id.toString()));
        }
        return v.result();
    }

    /** Chains decisions stored before the chain existed (oldest first); returns how many. */
    public int chainUnchained(java.util.function.Function<UUID, DecisionRecord> find, Instant now) {
        List<UUID> ids = getEntityManager().createNamedQuery(DecisionChainEntry.UNCHAINED, UUID.class).getResultList();
        for (UUID id : ids) {
            append(find.apply(id), now);
        }
        return ids.size();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
