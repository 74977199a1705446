package pl.ops.swiadczenia.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.engine.EngineException;
import pl.ops.swiadczenia.engine.EngineResult;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.ruleset.RuleSet;

/** Evaluates an application: validates it, selects the version in force on its legal date, runs the rules. */
@ApplicationScoped
public class EvaluationService {
    private final RuleEvaluator evaluator = new RuleEvaluator();

    @Inject
    RuleSets ruleSets;

    /** Validates, selects the ruleset by the legal date and evaluates. */
    public Evaluation evaluate(EvaluationRequest request) {
        RequestValidator.validate(request);
        RuleSet rs = ruleSets.registry().select(request.benefit(), request.legalDate());
        return evaluate(rs, request);
    }

    /** Evaluates under the given ruleset version (used by replay). */
    public Evaluation evaluate(RuleSet rs, EvaluationRequest request) {
        return run(evaluator, rs, request);
    }

    /** The evaluation itself, without CDI (golden-case tests and tools use it directly). */
    public static Evaluation run(RuleEvaluator evaluator, RuleSet rs, EvaluationRequest request) {
        RequestValidator.validate(request);
        EngineResult r;
        try {
            r = evaluator.evaluate(rs, request.legalDate(), request.wniosek());
        } catch (EngineException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EngineException(rs.id() + ": rules failed at run time: " + e.getMessage(), e);
        }
        return new Evaluation(rs.benefit(), rs.id(), rs.version().toString(), rs.sha256(), request.legalDate(),
                r.outcome(), AmountsMapper.map(r), r.keyFigures(), r.steps(), r.firedRules());
    }
}
