package pl.ops.swiadczenia.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.fakty.Parametr;
import pl.ops.swiadczenia.golden.GoldenCase;
import pl.ops.swiadczenia.ruleset.RuleInfo;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.EvaluationService;

/**
 * What differs between two versions of a benefit: parameters (old → new value, with their citations), rules added,
 * removed or changed (by stable rule id), and the golden cases of the benefit whose results differ when evaluated
 * under one version and under the other.
 */
public final class RuleSetDiff {

    public enum Change { ADDED, REMOVED, CHANGED }

    public record ParameterChange(String name, Change change, String unit, Object oldValue, Object newValue,
                                  String oldLegalBasis, String newLegalBasis, String description) {
    }

    public record RuleChange(String id, Change change, String file, String description, String legalBasis) {
    }

    public record CaseChange(String file, String name, LocalDate legalDate, String oldOutcome, String newOutcome,
                             BigDecimal oldTotal, BigDecimal newTotal, String note) {
    }

    public record Report(String benefit, String from, String to, String fromSha256, String toSha256,
                         List<ParameterChange> parameters, List<RuleChange> rules, int goldenCasesCompared,
                         List<CaseChange> goldenCases) {

        public String toText() {
            StringBuilder sb = new StringBuilder();
            sb.append("Różnice / diff ").append(from).append(" → ").append(to).append('\n');
            sb.append("\nParametry / parameters (").append(parameters.size()).append("):\n");
            for (ParameterChange p : parameters) {
                sb.append("  ").append(switch (p.change()) {
                    case ADDED -> "+ ";
                    case REMOVED -> "- ";
                    case CHANGED -> "~ ";
                }).append(p.name()).append(": ").append(p.oldValue() == null ? "" : p.oldValue())
                        .append(p.change() == Change.CHANGED ? " → " : "")
                        .append(p.newValue() == null ? "" : p.newValue()).append(p.unit() == null ? "" : " " + p.unit())
                        .append('\n');
                if (p.newLegalBasis() != null && !Objects.equals(p.oldLegalBasis(), p.newLegalBasis())) {
                    sb.append("      podstawa / basis: ").append(p.newLegalBasis()).append('\n');
                }
            }
            sb.append("\nReguły / rules (").append(rules.size()).append("):\n");
            rules.forEach(r -> sb.append("  ").append(r.change()).append(' ').append(r.id())
                    .append(r.file() == null ? "" : " (" + r.file() + ")").append('\n'));
            sb.append("\nPrzypadki wzorcowe z innym wynikiem / golden cases with a different result (")
                    .append(goldenCases.size()).append(" z / of ").append(goldenCasesCompared).append("):\n");
            goldenCases.forEach(c -> sb.append("  ").append(c.file()).append(" › ").append(c.name()).append(": ")
                    .append(c.oldOutcome()).append(' ').append(c.oldTotal()).append(" → ").append(c.newOutcome())
                    .append(' ').append(c.newTotal()).append(c.note() == null ? "" : " (" + c.note() + ")").append('\n'));
            return sb.toString();
        }
    }

    private RuleSetDiff() {
    }

    public static Report diff(RuleSet a, RuleSet b, RuleSetRegistry registry, Path testCases) {
        List<ParameterChange> params = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(a.parameters().keySet());
        names.addAll(b.parameters().keySet());
        for (String n : names) {
            Parametr pa = a.parameters().get(n);
            Parametr pb = b.parameters().get(n);
            if (pa == null) {
                params.add(new ParameterChange(n, Change.ADDED, pb.jednostka(), null, pb.wartosc(), null, pb.podstawaPrawna(), pb.opis()));
            } else if (pb == null) {
                params.add(new ParameterChange(n, Change.REMOVED, pa.jednostka(), pa.wartosc(), null, pa.podstawaPrawna(), null, pa.opis()));
            } else if (!Objects.equals(pa.wartosc(), pb.wartosc()) || !Objects.equals(pa.jednostka(), pb.jednostka())
                    || !Objects.equals(pa.podstawaPrawna(), pb.podstawaPrawna())) {
                params.add(new ParameterChange(n, Change.CHANGED, pb.jednostka(), pa.wartosc(), pb.wartosc(), pa.podstawaPrawna(),
                        pb.podstawaPrawna(), pb.opis()));
            }
        }
        Map<String, String> sa = RuleSetLoader.ruleSources(a);
        Map<String, String> sb = RuleSetLoader.ruleSources(b);
        List<RuleChange> rules = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(sa.keySet());
        ids.addAll(sb.keySet());
        for (String id : ids) {
            RuleInfo ib = info(b, id);
            RuleInfo ia = info(a, id);
            RuleInfo i = ib != null ? ib : ia;
            String file = i == null ? null : i.file();
            String desc = i == null ? null : i.description();
            String basis = i == null ? null : i.legalBasis().text();
            if (!sa.containsKey(id)) {
                rules.add(new RuleChange(id, Change.ADDED, file, desc, basis));
            } else if (!sb.containsKey(id)) {
                rules.add(new RuleChange(id, Change.REMOVED, file, desc, basis));
            } else if (!sa.get(id).equals(sb.get(id))) {
                rules.add(new RuleChange(id, Change.CHANGED, file, desc, basis));
            }
        }
        List<CaseChange> cases = new ArrayList<>();
        List<GoldenCase> golden = GoldenCase.load(testCases.resolve(a.benefit()));
        RuleEvaluator evaluator = new RuleEvaluator();
        for (GoldenCase c : golden) {
            EvaluationRequest req;
            try {
                req = CanonicalJson.MAPPER.treeToValue(c.input(), EvaluationRequest.class);
            } catch (Exception e) {
                continue;
            }
            Outcome oa = evaluate(evaluator, a, registry, req);
            Outcome ob = evaluate(evaluator, b, registry, req);
            if (!Objects.equals(oa.outcome(), ob.outcome()) || !Objects.equals(oa.amounts(), ob.amounts())) {
                String note = oa.error() != null ? a.id() + ": " + oa.error() : ob.error() != null ? b.id() + ": " + ob.error() : null;
                cases.add(new CaseChange("test-cases/" + a.benefit() + "/" + c.file(), c.name(), req.legalDate(),
                        oa.outcome(), ob.outcome(), oa.total(), ob.total(), note));
            }
        }
        return new Report(a.benefit(), a.id(), b.id(), a.sha256(), b.sha256(), List.copyOf(params), List.copyOf(rules),
                golden.size(), List.copyOf(cases));
    }

    private record Outcome(String outcome, BigDecimal total, String amounts, String error) {
    }

    private static Outcome evaluate(RuleEvaluator evaluator, RuleSet rs, RuleSetRegistry registry, EvaluationRequest req) {
        try {
            JsonNode n = CanonicalJson.MAPPER.valueToTree(EvaluationService.run(evaluator, rs,
                    EvaluationService.modulesInForce(registry, rs, req.legalDate()), req));
            return new Outcome(n.path("outcome").asText(), n.path("amounts").path("total").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP),
                    n.path("amounts").toString(), null);
        } catch (RuntimeException e) {
            return new Outcome("ERROR", null, null, e.getMessage());
        }
    }

    private static RuleInfo info(RuleSet rs, String id) {
        return rs.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }
}
