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

    void onDecision(@ObservesAsync DecisionStored d) {
        List<RuleSet> drafts;
        try {
            drafts = changes.approvedDrafts(d.benefit());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Shadow run for decision %s skipped", d.id());
            return;
        }
        for (RuleSet candidate : drafts) {
            ShadowResult r = new ShadowResult();
            r.decisionId = d.id();
            r.benefit = d.benefit();
            r.candidateId = candidate.id();
            r.candidateSha256 = candidate.sha256();
            r.liveOutcome = d.outcome();
            r.liveTotal = d.total();
            try {
                pl.ops.swiadczenia.service.EvaluationRequest request = d.request();
                Evaluation e = EvaluationService.run(evaluator, candidate,
                        EvaluationService.modulesInForce(ruleSets.registry(), candidate, request.legalDate()), request);
                r.shadowOutcome = e.outcome().name();
                r.shadowTotal = e.amounts().total();
            } catch (RuntimeException e) {
                r.error = String.valueOf(e.getMessage());
            }
            r.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            try {
                QuarkusTransaction.requiringNew().run(() -> persist(r));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Shadow result of decision %s under %s not recorded", d.id(), candidate.id());
            }
        }
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
