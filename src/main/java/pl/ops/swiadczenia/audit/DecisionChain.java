package pl.ops.swiadczenia.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The hash chain over stored decisions (table {@code decision_chain}): each decision's content hash covers every
 * stored field; each chain hash covers the previous chain hash and the content hash. Appending happens in the same
 * transaction as the decision insert, under a transaction-scoped advisory lock so the chain has one order. The
 * verification reads the chain with a cursor and names the first broken record.
 */
@ApplicationScoped
public class DecisionChain {
    public static final String GENESIS = "0".repeat(64);
    private static final long LOCK = 0x6f70735f63686169L; // "ops_chai"

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    /** SHA-256 over the stored fields, each written as {@code <length>:<value>} so that no two rows can collide. */
    public static String contentHash(UUID id, Instant createdAt, String benefit, String rulesetId, LocalDate rulesetVersion,
                                     String rulesetSha256, String engineVersion, LocalDate legalDate, String outcome,
                                     BigDecimal totalAmount, String caseReference, String requestedBy,
                                     String requestJson, String resultJson) {
        MessageDigest md = sha256();
        for (String f : new String[] {id.toString(), createdAt.toString(), benefit, rulesetId, rulesetVersion.toString(),
                rulesetSha256, engineVersion, legalDate.toString(), outcome,
                totalAmount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), caseReference, requestedBy,
                requestJson, resultJson}) {
            byte[] b = f == null ? new byte[0] : f.getBytes(StandardCharsets.UTF_8);
            md.update(((f == null ? "-" : String.valueOf(b.length)) + ":").getBytes(StandardCharsets.UTF_8));
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String contentHash(DecisionRecord r) {
        return contentHash(r.id, r.createdAt, r.benefit, r.rulesetId, r.rulesetVersion, r.rulesetSha256, r.engineVersion,
                r.legalDate, r.outcome, r.totalAmount, r.caseReference, r.requestedBy, r.requestJson, r.resultJson);
    }

    public static String link(String previous, String content) {
        return HexFormat.of().formatHex(sha256().digest((previous + content).getBytes(StandardCharsets.UTF_8)));
    }

    /** Appends a just-inserted decision to the chain; call inside the inserting transaction. */
    public void append(DecisionRecord r, Instant now) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> last = em.createNativeQuery("SELECT seq, chain_hash FROM decision_chain ORDER BY seq DESC LIMIT 1")
                .getResultList();
        long seq = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
        String previous = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
        String content = contentHash(r);
        em.createNativeQuery("INSERT INTO decision_chain (seq, decision_id, content_sha256, previous_hash, chain_hash, "
                        + "chained_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, seq).setParameter(2, r.id).setParameter(3, content).setParameter(4, previous)
                .setParameter(5, link(previous, content)).setParameter(6, Timestamp.from(now))
                .executeUpdate();
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

    public Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            return verify(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the decision chain: " + e.getMessage(), e);
        }
    }

    /** Verifies the whole chain over a JDBC connection (also used by the terminal command). */
    public static Verification verify(Connection c) throws SQLException {
        List<Break> problems = new ArrayList<>();
        long n = 0;
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("SELECT ch.seq, ch.decision_id, ch.content_sha256, "
                + "ch.previous_hash, ch.chain_hash, d.id, d.created_at, d.benefit, d.ruleset_id, d.ruleset_version, "
                + "d.ruleset_sha256, d.engine_version, d.legal_date, d.outcome, d.total_amount, d.case_reference, "
                + "d.requested_by, d.request_json, d.result_json FROM decision_chain ch "
                + "LEFT JOIN decision d ON d.id = ch.decision_id ORDER BY ch.seq")) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                String previous = GENESIS;
                long expectedSeq = 1;
                while (rs.next()) {
                    n++;
                    long seq = rs.getLong(1);
                    String id = rs.getString(2);
                    String storedContent = rs.getString(3);
                    if (seq != expectedSeq) {
                        add(problems, new Break(seq, id, "sequence jumps from " + (expectedSeq - 1) + " to " + seq
                                + ": chain entries are missing"));
                    }
                    expectedSeq = seq + 1;
                    if (!rs.getString(4).equals(previous)) {
                        add(problems, new Break(seq, id, "previous_hash does not match the chain hash of the record before"));
                    }
                    if (!rs.getString(5).equals(link(rs.getString(4), storedContent))) {
                        add(problems, new Break(seq, id, "chain_hash does not match previous_hash and content_sha256"));
                    }
                    if (rs.getString(6) == null) {
                        add(problems, new Break(seq, id, "the decision row is missing (deleted)"));
                    } else {
                        String actual = contentHash(UUID.fromString(rs.getString(6)), rs.getTimestamp(7).toInstant(),
                                rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11),
                                rs.getString(12), rs.getObject(13, LocalDate.class), rs.getString(14), rs.getBigDecimal(15),
                                rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19));
                        if (!actual.equals(storedContent)) {
                            add(problems, new Break(seq, id, "the stored decision differs from what was chained "
                                    + "(content_sha256 " + storedContent + ", now " + actual + ")"));
                        }
                    }
                    previous = rs.getString(5);
                }
            }
            long unchained;
            try (PreparedStatement ps2 = c.prepareStatement("SELECT d.id FROM decision d WHERE NOT EXISTS "
                    + "(SELECT 1 FROM decision_chain ch WHERE ch.decision_id = d.id) ORDER BY d.created_at, d.id");
                 ResultSet rs2 = ps2.executeQuery()) {
                unchained = 0;
                while (rs2.next()) {
                    unchained++;
                    add(problems, new Break(null, rs2.getString(1), "the decision is not in the chain (inserted outside the service)"));
                }
            }
            c.rollback();
            return new Verification(problems.isEmpty(), n, unchained, problems.isEmpty() ? null : problems.get(0),
                    List.copyOf(problems));
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void add(List<Break> problems, Break b) {
        if (problems.size() < 100) {
            problems.add(b);
        }
    }

    /** Chains decisions stored before the chain existed (oldest first); returns how many. */
    public int chainUnchained(java.util.function.Function<UUID, DecisionRecord> find, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT d.id FROM decision d WHERE NOT EXISTS (SELECT 1 FROM "
                + "decision_chain ch WHERE ch.decision_id = d.id) ORDER BY d.created_at, d.id").getResultList();
        for (Object id : ids) {
            append(find.apply(id instanceof UUID u ? u : UUID.fromString(id.toString())), now);
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
