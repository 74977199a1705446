package pl.ops.swiadczenia.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.service.DecisionStored;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationService;

/**
 * Shadow run (issue 13, point 5): while a draft of the law is approved by a second person but not yet published,
 * every decision stored for that benefit is also evaluated under the draft, off the request path; the result is
 * recorded beside the decision (table {@code shadow_result}), never as a decision, and the report says how many
 * would differ once the new law applies. Best effort: a shadow that fails is recorded with its error and never affects
 * the decision.
 */
@ApplicationScoped
public class ShadowRuns implements PanacheRepositoryBase<ShadowResult, Long> {
    private static final Logger LOG = Logger.getLogger(ShadowRuns.class);
    private final RuleEvaluator evaluator = new RuleEvaluator();

    @Inject
    HistoryChanges changes;
    @Inject
    RuleSets ruleSets;
    @Inject
    Clock clock;
    /** How old a decision must be before the catch-up takes it (the live event path goes first). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "shadow.catch-up-delay", defaultValue = "PT30S")
    java.time.Duration catchUpDelay;

    void onDecision(@ObservesAsync DecisionStored d) {
        List<RuleSet> drafts;
        try {
            drafts = changes.approvedDrafts(d.benefit());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Shadow run for decision %s skipped", d.id());
            return;
        }
        for (RuleSet candidate : drafts) {
            try {
                QuarkusTransaction.requiringNew().run(() -> record(d.id(), d.benefit(), d.requestJson(), d.outcome(),
                        d.total(), candidate));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Shadow result of decision %s under %s not recorded", d.id(), candidate.id());
            }
        }
    }

    /** Evaluates one stored request under the draft and records the result once (a second record is a no-op). */
    void record(java.util.UUID decision, String benefit, String requestJson, String liveOutcome, BigDecimal liveTotal,
                RuleSet candidate) {
        String outcome = null;
        BigDecimal total = null;
        String error = null;
        try {
            pl.ops.swiadczenia.service.EvaluationRequest request = CanonicalJson.MAPPER.readValue(requestJson,
                    pl.ops.swiadczenia.service.EvaluationRequest.class);
            Evaluation e = EvaluationService.run(evaluator, candidate,
                    EvaluationService.modulesInForce(ruleSets.registry(), candidate, request.legalDate()), request);
            outcome = e.outcome().name();
            total = e.amounts().total();
        } catch (RuntimeException | java.io.IOException e) {
            error = String.valueOf(e.getMessage());
        }
        getEntityManager().createNativeQuery("INSERT INTO shadow_result (decision_id, benefit, candidate_id, "
                        + "candidate_sha256, created_at, live_outcome, live_total, shadow_outcome, shadow_total, error) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULLIF(CAST(?8 AS VARCHAR), ''), CAST(NULLIF(CAST(?9 AS VARCHAR), '') AS NUMERIC), "
                        + "NULLIF(CAST(?10 AS TEXT), '')) "
                        + "ON CONFLICT (decision_id, candidate_id, candidate_sha256) DO NOTHING")
                .setParameter(1, decision).setParameter(2, benefit).setParameter(3, candidate.id())
                .setParameter(4, candidate.sha256()).setParameter(5, Instant.now(clock).truncatedTo(ChronoUnit.MICROS))
                .setParameter(6, liveOutcome).setParameter(7, liveTotal)
                .setParameter(8, outcome == null ? "" : outcome).setParameter(9, total == null ? "" : total.toPlainString())
                .setParameter(10, error == null ? "" : error)
                .executeUpdate();
    }

    /**
     * Catches up shadow results that no event produced – decisions stored while this or another instance was down,
     * or whose event was lost: for every approved draft, decisions of its benefit stored since its approval (and at
     * least {@code shadow.catch-up-delay} ago, 30 s, so the live path goes first) without a result under it. Rows are taken with
     * {@code FOR UPDATE SKIP LOCKED}, so instances catching up at once share the work; at most {@code limit} per call.
     * Returns how many were recorded.
     */
    public int catchUp(int limit) {
        int done = 0;
        for (String benefit : ruleSets.registry().benefits()) {
            List<HistoryChanges.ApprovedDraft> drafts;
            try {
                drafts = changes.approvedDraftsSince(benefit);
            } catch (RuntimeException e) {
                continue;
            }
            for (HistoryChanges.ApprovedDraft d : drafts) {
                int n = QuarkusTransaction.requiringNew().call(() -> catchUp(benefit, d, limit));
                done += n;
            }
        }
        return done;
    }

    @SuppressWarnings("unchecked")
    private int catchUp(String benefit, HistoryChanges.ApprovedDraft d, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT CAST(d.id AS VARCHAR), d.request_json, "
                        + "d.outcome, d.total_amount FROM decision d WHERE d.benefit = ?1 AND d.created_at >= ?2 "
                        + "AND d.created_at < ?3 AND NOT EXISTS (SELECT 1 FROM shadow_result s WHERE s.decision_id = d.id "
                        + "AND s.candidate_id = ?4 AND s.candidate_sha256 = ?5) ORDER BY d.created_at LIMIT ?6 "
                        + "FOR UPDATE OF d SKIP LOCKED")
                .setParameter(1, benefit).setParameter(2, d.approvedAt())
                .setParameter(3, Instant.now(clock).minus(catchUpDelay)).setParameter(4, d.state().id())
                .setParameter(5, d.state().sha256()).setParameter(6, limit).getResultList();
        for (Object[] r : rows) {
            record(java.util.UUID.fromString((String) r[0]), benefit, (String) r[1], (String) r[2],
                    (BigDecimal) r[3], d.state());
        }
        if (!rows.isEmpty()) {
            LOG.infof("Shadow run of %s caught up %d decisions stored without a shadow result", d.state().id(), rows.size());
        }
        return rows.size();
    }

    /** A decision whose result would differ under the draft. */
    public record Example(String decisionId, String liveOutcome, BigDecimal liveTotal, String shadowOutcome,
                         BigDecimal shadowTotal) {
    }

    /** What the shadow run of one draft found so far. */
    public record Report(String candidateId, String candidateSha256, long decisions, long same, long different,
                         long failed, BigDecimal sumOfDifferences, List<Example> examples) {
    }

    /** The shadow reports of a benefit's drafts (every benefit when null), one per draft content, newest first. */
    @Transactional
    public List<Report> reports(String benefit) {
        Map<String, List<ShadowResult>> by = new TreeMap<>();
        for (ShadowResult r : (benefit == null ? findAll(io.quarkus.panache.common.Sort.by("id"))
                : find("benefit", io.quarkus.panache.common.Sort.by("id"), benefit)).list()) {
            by.computeIfAbsent(r.candidateId + "|" + r.candidateSha256, k -> new ArrayList<>()).add(r);
        }
        List<Report> out = new ArrayList<>();
        by.forEach((k, rows) -> {
            long same = 0;
            long different = 0;
            long failed = 0;
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            List<Example> examples = new ArrayList<>();
            for (ShadowResult r : rows) {
                if (r.error != null) {
                    failed++;
                } else if (r.liveOutcome.equals(r.shadowOutcome) && r.liveTotal.compareTo(r.shadowTotal) == 0) {
                    same++;
                } else {
                    different++;
                    sum = sum.add(r.shadowTotal.subtract(r.liveTotal));
                    if (examples.size() < 20) {
                        examples.add(new Example(r.decisionId.toString(), r.liveOutcome, r.liveTotal, r.shadowOutcome,
                                r.shadowTotal));
                    }
                }
            }
            ShadowResult first = rows.get(0);
            out.add(new Report(first.candidateId, first.candidateSha256, rows.size(), same, different, failed, sum,
                    examples));
        });
        return out;
    }
}
