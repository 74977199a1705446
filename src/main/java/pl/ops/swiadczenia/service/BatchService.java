package pl.ops.swiadczenia.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pl.ops.swiadczenia.audit.DecisionRecord;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.decyzja.Outcome;
import pl.ops.swiadczenia.ruleset.NoRuleSetException;
import pl.ops.swiadczenia.ruleset.RegistryHolder;
import pl.ops.swiadczenia.ruleset.RuleSetManifest;

/**
 * Decides one household for several benefits. Each benefit becomes an ordinary request (stored with its own exact
 * request JSON, so it replays on its own). A benefit that cannot be evaluated (missing input, no version in force)
 * is reported, not fatal for the others.
 */
@ApplicationScoped
public class BatchService {
    @Inject
    DecisionService decisions;
    @Inject
    EvaluationService evaluations;
    @Inject
    RegistryHolder ruleSets;

    /** A benefit that was evaluated but not stored ("all that apply" keeps only granted ones), or not evaluated. */
    public record NotDecided(String benefit, LocalDate legalDate, String reason, String outcome, List<FieldError> errors) {
    }

    /** Stored decisions and the benefits not decided. */
    public record Result(List<DecisionRecord> decisions, List<NotDecided> notDecided) {
    }

    public Result decide(BatchRequest b) {
        List<FieldError> errors = new ArrayList<>();
        if (b.legalDate() == null) {
            errors.add(new FieldError("legalDate", "pole wymagane: data w formacie RRRR-MM-DD"));
        }
        if (b.wniosek() == null) {
            errors.add(new FieldError("wniosek", "pole wymagane"));
        }
        if (b.benefits() != null && b.benefits().size() > 50) {
            errors.add(new FieldError("benefits", "za dużo świadczeń: dozwolone najwyżej 50"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean all = b.benefits() == null || b.benefits().isEmpty();
        List<String> benefits = new ArrayList<>();
        if (all) {
            for (String benefit : ruleSets.registry().benefits()) {
                boolean isBenefit = ruleSets.registry().all().stream().anyMatch(rs -> rs.benefit().equals(benefit)
                        && rs.manifest().kind() == RuleSetManifest.Kind.BENEFIT);
                if (isBenefit) {
                    benefits.add(benefit);
                }
            }
        } else {
            benefits.addAll(b.benefits().stream().distinct().toList());
        }
        Map<String, LocalDate> dates = b.legalDates() == null ? Map.of() : b.legalDates();
        List<DecisionRecord> stored = new ArrayList<>();
        List<NotDecided> other = new ArrayList<>();
        for (String benefit : benefits) {
            LocalDate date = dates.getOrDefault(benefit, b.legalDate());
            EvaluationRequest r = new EvaluationRequest(benefit, date, b.caseReference(), b.wniosek());
            try {
                Evaluation e = evaluations.evaluate(r);
                if (all && e.outcome() != Outcome.GRANTED) {
                    String why = e.explanation().isEmpty() ? "" : e.explanation().get(e.explanation().size() - 1).textPl();
                    other.add(new NotDecided(benefit, date, why, e.outcome().name(), List.of()));
                    continue;
                }
                stored.add(decisions.store(r, CanonicalJson.write(r), e));
            } catch (InvalidRequestException ex) {
                other.add(new NotDecided(benefit, date, "niepoprawne dane wniosku dla tego świadczenia (pola w errors) / invalid input for this benefit", null, ex.errors()));
            } catch (NoRuleSetException ex) {
                other.add(new NotDecided(benefit, date, ex.getMessage(), null, List.of()));
            } catch (pl.ops.swiadczenia.engine.EngineException ex) {
                // a ruleset defect must not take the other benefits down; it is logged and reported
                org.jboss.logging.Logger.getLogger(BatchService.class).error("Ruleset failure in batch", ex);
                other.add(new NotDecided(benefit, date, "zestaw reguł nie rozstrzygnął sprawy; błąd zapisano w dzienniku / ruleset failure (logged): " + ex.getMessage(), null, List.of()));
            }
        }
        return new Result(stored, other);
    }
}
