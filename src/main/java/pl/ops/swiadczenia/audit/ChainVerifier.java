package pl.ops.swiadczenia.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks of the chain verification, fed one link at a time in chain order and then the decisions outside the
 * chain. It knows no database: {@link DecisionChain#verify()} feeds it through Hibernate inside the service and
 * {@link AuditTool} through JDBC from the terminal, so both apply exactly the same checks.
 */
final class ChainVerifier {
    private final List<DecisionChain.Break> problems = new ArrayList<>();
    private String previous = DecisionChain.GENESIS;
    private long expectedSeq = 1;
    private long chained;
    private long unchained;

    /**
     * One link. {@code actualContent} is the content hash recomputed from the decision row as it is stored now, or
     * null when the decision row is missing.
     */
    void link(long seq, String decisionId, String storedContent, String previousHash, String chainHash,
              String actualContent) {
        chained++;
        if (seq != expectedSeq) {
            add(new DecisionChain.Break(seq, decisionId, "sequence jumps from " + (expectedSeq - 1) + " to " + seq
                    + ": chain entries are missing"));
        }
        expectedSeq = seq + 1;
        if (!previousHash.equals(previous)) {
            add(new DecisionChain.Break(seq, decisionId,
                    "previous_hash does not match the chain hash of the record before"));
        }
        if (!chainHash.equals(DecisionChain.link(previousHash, storedContent))) {
            add(new DecisionChain.Break(seq, decisionId, "chain_hash does not match previous_hash and content_sha256"));
        }
        if (actualContent == null) {
            add(new DecisionChain.Break(seq, decisionId, "the decision row is missing (deleted)"));
        } else if (!actualContent.equals(storedContent)) {
            add(new DecisionChain.Break(seq, decisionId, "the stored decision differs from what was chained "
                    + "(content_sha256 " + storedContent + ", now " + actualContent + ")"));
        }
        previous = chainHash;
    }

    /** A stored decision that has no link. */
    void unchained(String decisionId) {
        unchained++;
        add(new DecisionChain.Break(null, decisionId,
                "the decision is not in the chain (inserted outside the service)"));
    }

    DecisionChain.Verification result() {
        return new DecisionChain.Verification(problems.isEmpty(), chained, unchained,
                problems.isEmpty() ? null : problems.get(0), List.copyOf(problems));
    }

    private void add(DecisionChain.Break b) {
        if (problems.size() < 100) {
            problems.add(b);
        }
    }
}
