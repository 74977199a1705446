package pl.ops.swiadczenia.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.engine.EngineException;
import pl.ops.swiadczenia.engine.EngineResult;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import pl.ops.swiadczenia.ruleset.NoRuleSetException;
import pl.ops.swiadczenia.ruleset.RegistryHolder;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetManifest;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;

/** Evaluates an application: validates it, selects the version in force on its legal date, runs the rules. */
@ApplicationScoped
public class EvaluationService {
    private final RuleEvaluator evaluator = new RuleEvaluator();

    @Inject
    RegistryHolder ruleSets;

    /** Validates, selects the ruleset (and its modules) by the legal date and evaluates. */
    public Evaluation evaluate(EvaluationRequest request) {
        RequestValidator.validate(request);
        RuleSetRegistry registry = ruleSets.registry(); // one snapshot for the whole evaluation
        RuleSet rs = registry.select(request.benefit(), request.legalDate());
        return evaluate(rs, modulesInForce(registry, rs, request.legalDate()), request);
    }

    /** An evaluation and the release it was made under. */
    public record AsKnown(Evaluation evaluation, String releaseId) {
    }

    /**
     * Evaluates as the service would have on {@code knownAt}: the legal date still chooses the law in force, but from
     * the release the service held at that instant (rebuilt from the database), not from the rules it holds now.
     */
    public AsKnown evaluateAsKnownAt(EvaluationRequest request, java.time.Instant knownAt) {
        RequestValidator.validate(request);
        String release = ruleSets.releaseAt(knownAt).orElseThrow(() -> new NoRuleSetException(request.benefit(),
                request.legalDate(), "Do chwili " + knownAt + " nie zapisano żadnego wydania "
                        + "przepisów / No release of the rules was recorded by " + knownAt));
        RuleSetRegistry registry = ruleSets.releaseRegistry(release, java.util.Set.of(request.benefit()))
                .orElseThrow(() -> new IllegalStateException("Release " + release + " is not in the database"));
        RuleSet rs = registry.select(request.benefit(), request.legalDate());
        return new AsKnown(evaluate(rs, modulesInForce(registry, rs, request.legalDate()), request), release);
    }

    /** Evaluates under the given ruleset and module versions (used by replay). */
    public Evaluation evaluate(RuleSet rs, List<RuleSet> modules, EvaluationRequest request) {
        return run(evaluator, rs, modules, request);
    }

    /** The module versions in force on the legal date for the modules a benefit's manifest lists. */
    public static List<RuleSet> modulesInForce(RuleSetRegistry registry, RuleSet rs, LocalDate legalDate) {
        List<RuleSet> out = new ArrayList<>();
        for (String m : rs.manifest().modules()) {
            out.add(registry.select(m, legalDate));
        }
        return out;
    }

    /** Selection plus evaluation without CDI (golden-case tests, benchmarks, tools). */
    public static Evaluation run(RuleEvaluator evaluator, RuleSetRegistry registry, EvaluationRequest request) {
        RequestValidator.validate(request);
        RuleSet rs = registry.select(request.benefit(), request.legalDate());
        return runValidated(evaluator, rs, modulesInForce(registry, rs, request.legalDate()), request);
    }

    /** The evaluation itself, without CDI. */
    public static Evaluation run(RuleEvaluator evaluator, RuleSet rs, List<RuleSet> modules, EvaluationRequest request) {
        RequestValidator.validate(request);
        return runValidated(evaluator, rs, modules, request);
    }

    /** The evaluation of a request that passed {@link RequestValidator#validate} (checked once, not twice). */
    private static Evaluation runValidated(RuleEvaluator evaluator, RuleSet rs, List<RuleSet> modules,
                                           EvaluationRequest request) {
        if (rs.manifest().kind() != RuleSetManifest.Kind.BENEFIT) {
            throw new NoRuleSetException(rs.benefit(), request.legalDate(), rs.benefit()
                    + " to moduł wspólny, nie świadczenie / is a module, not a benefit");
        }
        RequestValidator.validateFor(rs, request);
        EngineResult r;
        try {
            r = evaluator.evaluate(rs, modules, request.legalDate(), request.wniosek());
        } catch (EngineException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof pl.ops.swiadczenia.fakty.BrakWartosciPrawnej b) {
                    throw new NoRuleSetException(rs.benefit(), request.legalDate(), b.getMessage());
                }
            }
            throw new EngineException(rs.id() + ": rules failed at run time: " + e.getMessage(), e);
        }
        List<Evaluation.ModuleUse> used = modules.stream()
                .map(m -> new Evaluation.ModuleUse(m.id(), m.sha256())).toList();
        return new Evaluation(rs.benefit(), rs.id(), rs.version().toString(), rs.sha256(), request.legalDate(), used,
                r.outcome(), AmountsMapper.map(r), r.keyFigures(), r.steps(), r.firedRules());
    }
}
