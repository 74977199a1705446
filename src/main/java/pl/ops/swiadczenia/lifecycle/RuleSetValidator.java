package pl.ops.swiadczenia.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.golden.GoldenCase;
import pl.ops.swiadczenia.ruleset.Finding;
import pl.ops.swiadczenia.ruleset.NoRuleSetException;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetManifest;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.EvaluationService;

/**
 * Validates a candidate version folder: everything the loader checks (structure, manifest, parameters with unit and
 * citation, numbers of law outside DRL, rule ids and citations, compilation with file and line), then the golden
 * cases of its benefit run with the candidate in force, and the temporal coverage with it included. Plain Java:
 * the terminal command and the API use the same code and print the same report.
 */
public class RuleSetValidator {
    private final RuleSetLoader loader;
    private final Path testCases;
    private final RuleEvaluator evaluator = new RuleEvaluator();

    public RuleSetValidator(RuleSetLoader loader, Path testCases) {
        this.loader = loader;
        this.testCases = testCases;
    }

    /** The outcome: the report, and the compiled candidate when it is valid. */
    public record Result(ValidationReport report, RuleSet candidate) {
    }

    public Result validate(Path dir, RuleSetRegistry current, String source) {
        return validate(dir, current, source, false);
    }

    /**
     * As {@link #validate(Path, RuleSetRegistry, String)}; {@code forPublication}: the version is validated as it would
     * be once released, so a golden case that still expects the version it takes over is a failure, not the draft's
     * reported impact.
     */
    public Result validate(Path dir, RuleSetRegistry current, String source, boolean forPublication) {
        RuleSetLoader.Analysis a = loader.analyse(dir);
        List<Finding> findings = new ArrayList<>(a.findings());
        RuleSetManifest m = a.manifest();
        String benefit = dir.toAbsolutePath().normalize().getParent().getFileName().toString();
        LocalDate version = m != null ? m.version() : null;
        ValidationReport.GoldenRun golden = null;
        ValidationReport.Coverage coverage = null;
        RuleSet candidate = a.ruleSet();
        if (candidate != null) {
            current.find(candidate.benefit(), candidate.version()).ifPresent(existing -> {
                if (existing.released() && !existing.sha256().equals(candidate.sha256())) {
                    findings.add(Finding.error("immutability", null, null, existing.id()
                            + " is released with sha256 " + existing.sha256() + "; released versions are immutable – "
                            + "a change of the law is a new version folder"));
                }
            });
            RuleSetRegistry whatIf = current.with(candidate.asReleased());
            golden = runGoldenCases(forPublication ? candidate.asReleased() : candidate, whatIf, findings);
            coverage = coverage(candidate, current, whatIf, findings);
        }
        int errors = (int) findings.stream().filter(Finding::isError).count();
        int warnings = (int) findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        ValidationReport report = new ValidationReport(a.id(), benefit, version,
                m == null || m.status() == null ? null : m.status().name().toLowerCase(), a.sha256(), source,
                errors == 0 && candidate != null, errors, warnings, List.copyOf(findings), golden, coverage);
        return new Result(report, report.valid() ? candidate : null);
    }

    /**
     * Validates a benefit written as a dated history ({@code rules/<benefit>/benefit.yaml}, ADR 0014): every finding of
     * the loader (the DRL policy first: nothing of a refused benefit is compiled or run), a released state whose content
     * changed, then every golden case of the benefit run with all its states in force (drafts included, what-if).
     */
    public Result validateHistory(Path dir, RuleSetRegistry current, String source) {
        pl.ops.swiadczenia.ruleset.HistoryLoader.Result r = loader.history().analyse(dir);
        List<Finding> findings = new ArrayList<>(r.findings());
        String benefit = r.benefit();
        ValidationReport.GoldenRun golden = null;
        if (r.ok()) {
            RuleSetRegistry whatIf = current;
            for (RuleSet s : r.states()) {
                current.find(benefit, s.version()).ifPresent(existing -> {
                    if (existing.released() && s.released() && !existing.sha256().equals(s.sha256())) {
                        findings.add(Finding.error("immutability", null, null, existing.id() + " is released with sha256 "
                                + existing.sha256() + " but now derives " + s.sha256() + ": a released legal state does not "
                                + "change – a change of the law takes effect on a new date"));
                    }
                });
                whatIf = whatIf.with(s.asReleased());
            }
            golden = null;
            List<ValidationReport.CaseResult> results = new ArrayList<>();
            int passed = 0;
            int total = 0;
            for (RuleSet s : r.states()) {
                ValidationReport.GoldenRun g = runGoldenCases(s, whatIf, findings, false);
                total = g.casesOfBenefit();
                passed += g.passed();
                results.addAll(g.results());
            }
            if (results.isEmpty()) {
                findings.add(Finding.warning("golden-cases", null, null, "no golden case under test-cases/" + benefit + "/"));
            }
            golden = new ValidationReport.GoldenRun(total, results.size(), passed, results.size() - passed, List.copyOf(results));
        }
        int errors = (int) findings.stream().filter(Finding::isError).count();
        int warnings = (int) findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        ValidationReport report = new ValidationReport(benefit, benefit, null, "history", null, source,
                errors == 0 && r.ok(), errors, warnings, List.copyOf(findings), golden, null);
        return new Result(report, null);
    }

    /** The outcome of validating a changed dated history: the report, and its legal states when it is valid. */
    public record HistoryResult(ValidationReport report, List<RuleSet> states) {
    }

    /** What a changed dated history may do to the released legal states of its benefit. */
    public enum HistoryChange {
        /** A draft uploaded for a date: that date is a draft state; no released state appears, changes or goes. */
        DRAFT,
        /** The draft of a date is published: that date becomes a released state; no other released state changes. */
        PUBLICATION,
        /** Files changed on disk (scan): no released state appears, changes or goes. */
        RELOAD,
        /**
         * A correction of released law (ADR 0018): released states may change and released states may be added (a
         * change date that was missed); none may go or become a draft again.
         */
        CORRECTION
    }

    /**
     * Validates a changed dated history ({@code dir} is the benefit's folder in a staging copy of the rules root) as a
     * draft of the change on {@code date}: every finding of the loader (the DRL policy first: nothing of a refused
     * file is compiled or run), then the released legal states compared with those in force ({@code current}): none may
     * change, disappear or appear except the published date; then every golden case of the benefit run with all its
     * states in force (drafts included, what-if). Plain Java, like {@link #validateHistory}.
     */
    public HistoryResult validateHistoryChange(Path dir, RuleSetRegistry current, String source, LocalDate date,
                                               HistoryChange change) {
        pl.ops.swiadczenia.ruleset.HistoryLoader.Result r = loader.history().analyse(dir);
        List<Finding> findings = new ArrayList<>(r.findings());
        String benefit = r.benefit();
        String manifest = pl.ops.swiadczenia.ruleset.HistoryLoader.MANIFEST;
        ValidationReport.GoldenRun golden = null;
        RuleSet state = null;
        if (r.ok()) {
            java.util.Map<LocalDate, RuleSet> after = new java.util.TreeMap<>();
            r.states().forEach(s -> after.put(s.version(), s));
            for (RuleSet existing : current.versions(benefit)) {
                if (!existing.released()) {
                    continue;
                }
                RuleSet s = after.get(existing.version());
                if (s == null || !s.released()) {
                    findings.add(Finding.error("immutability", manifest, null, existing.id() + " is released; the change "
                            + (s == null ? "removes it" : "makes it a draft again") + " – a released legal state stays "
                            + "(zmiana nie może wycofać wydanego stanu prawnego)"));
                } else if (!existing.sha256().equals(s.sha256()) && change != HistoryChange.CORRECTION) {
                    findings.add(Finding.error("immutability", null, null, existing.id() + " is released with sha256 "
                            + existing.sha256() + " but now derives " + s.sha256() + ": a released legal state does not "
                            + "change – a change of the law takes effect on a new date (wydany stan prawny się nie zmienia; "
                            + "zmiana prawa to nowa data)"));
                }
            }
            // a benefit not loaded before (a new folder found by a scan) is loaded as it is, like a new version folder
            boolean newBenefit = change == HistoryChange.RELOAD && current.versions(benefit).isEmpty();
            for (RuleSet s : r.states()) {
                boolean wasReleased = current.find(benefit, s.version()).map(RuleSet::released).orElse(false);
                boolean allowed = newBenefit || change == HistoryChange.PUBLICATION && s.version().equals(date)
                        || change == HistoryChange.CORRECTION;
                if (s.released() && !wasReleased && !allowed) {
                    findings.add(Finding.error("manifest", manifest, lineOf(dir.resolve(manifest), s.version() + ":"),
                            s.id() + " would be released without publication: a new date needs 'status: draft' under "
                                    + "changes: " + s.version() + " and is released only by publication (nowa data "
                                    + "wymaga status: draft; wydaje ją dopiero publikacja)"));
                }
            }
            if (date != null) {
                state = after.get(date);
                if (state == null) {
                    findings.add(Finding.error("manifest", manifest, null, "no legal state of " + benefit + " starts on "
                            + date + ": add a value dated " + date + " to a file parametry/<name>.yaml or a logic folder "
                            + "logika/" + date + "/, and an entry changes: " + date + " with status: draft (brak stanu "
                            + "prawnego od tej daty)"));
                } else if (change == HistoryChange.DRAFT && state.released()) {
                    findings.add(Finding.error("manifest", manifest, lineOf(dir.resolve(manifest), date + ":"),
                            "changes: " + date + " must have 'status: draft'; it becomes released only by publication "
                                    + "(projekt zmiany ma status: draft)"));
                } else if (change == HistoryChange.PUBLICATION && !state.released()) {
                    findings.add(Finding.error("manifest", manifest, lineOf(dir.resolve(manifest), date + ":"),
                            "changes: " + date + " is still a draft after publication"));
                }
            }
            if (findings.stream().noneMatch(Finding::isError)) {
                RuleSetRegistry whatIf = current;
                for (RuleSet s : r.states()) {
                    whatIf = whatIf.with(s.asReleased());
                }
                List<ValidationReport.CaseResult> results = new ArrayList<>();
                int passed = 0;
                int total = 0;
                for (RuleSet s : r.states()) {
                    ValidationReport.GoldenRun g = runGoldenCases(s, whatIf, findings, false);
                    total = g.casesOfBenefit();
                    passed += g.passed();
                    results.addAll(g.results());
                }
                if (results.isEmpty()) {
                    findings.add(Finding.warning("golden-cases", null, null, "no golden case under test-cases/" + benefit + "/"));
                }
                golden = new ValidationReport.GoldenRun(total, results.size(), passed, results.size() - passed,
                        List.copyOf(results));
            }
        }
        int errors = (int) findings.stream().filter(Finding::isError).count();
        int warnings = (int) findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        boolean valid = errors == 0 && r.ok();
        String status = state == null ? "history" : state.released() ? "released" : "draft";
        ValidationReport report = new ValidationReport(date == null ? benefit : RuleSet.idOf(benefit, date), benefit,
                date, status, state == null ? null : state.sha256(), source, valid, errors, warnings, List.copyOf(findings),
                golden, null);
        return new HistoryResult(report, valid ? r.states() : List.of());
    }

    private static Integer lineOf(Path file, String key) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.startsWith(key) || l.startsWith("'" + key.replace(":", "':")) || l.startsWith("\"" + key.replace(":", "\":"))) {
                    return i + 1;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private ValidationReport.GoldenRun runGoldenCases(RuleSet candidate, RuleSetRegistry whatIf, List<Finding> findings) {
        return runGoldenCases(candidate, whatIf, findings, true);
    }

    private ValidationReport.GoldenRun runGoldenCases(RuleSet candidate, RuleSetRegistry whatIf, List<Finding> findings,
                                                      boolean warnWhenNone) {
        List<GoldenCase> cases = new ArrayList<>();
        List<String> caseBenefit = new ArrayList<>();
        List<String> benefits = new ArrayList<>();
        benefits.add(candidate.benefit());
        if (candidate.manifest().kind() == RuleSetManifest.Kind.MODULE) {
            // a module is decided through the benefits that use it
            for (String b : whatIf.benefits()) {
                List<RuleSet> v = whatIf.versions(b);
                if (!v.isEmpty() && v.stream().anyMatch(rs -> rs.manifest().modules().contains(candidate.benefit()))) {
                    benefits.add(b);
                }
            }
        }
        try {
            for (String b : benefits) {
                for (GoldenCase c : GoldenCase.load(testCases.resolve(b))) {
                    cases.add(c);
                    caseBenefit.add(b);
                }
            }
        } catch (RuntimeException e) {
            findings.add(Finding.error("golden-cases", null, null, "test cases cannot be read: " + e.getMessage()));
            return new ValidationReport.GoldenRun(0, 0, 0, 0, List.of());
        }
        List<ValidationReport.CaseResult> results = new ArrayList<>();
        int passed = 0;
        for (int i = 0; i < cases.size(); i++) {
            GoldenCase c = cases.get(i);
            String file = "test-cases/" + caseBenefit.get(i) + "/" + c.file();
            Path path = testCases.resolve(caseBenefit.get(i)).resolve(c.file());
            EvaluationRequest req;
            try {
                req = CanonicalJson.MAPPER.treeToValue(c.input(), EvaluationRequest.class);
            } catch (IOException | RuntimeException e) {
                findings.add(Finding.error("golden-cases", file, lineOfCase(path, c.name()),
                        c.name() + ": input cannot be read: " + e.getMessage()));
                continue;
            }
            if (req.legalDate() == null || !decidedBy(candidate, whatIf, req)) {
                continue;
            }
            List<String> mismatches;
            try {
                JsonNode actual = CanonicalJson.MAPPER.valueToTree(EvaluationService.run(evaluator, whatIf, req));
                mismatches = c.mismatches(actual);
                String expectedRuleset = c.expected().path("ruleset").asText(null);
                if (!candidate.released() && expectedRuleset != null && !expectedRuleset.equals(candidate.id())
                        && candidate.id().equals(actual.path("rulesetId").asText())) {
                    // the case documents the law in force today (a released state) on a date the draft would take
                    // over (e.g. "V14: 2024-11-01 is a draft, so 2021-11-01 decides"): what the draft would change
                    // is its impact, reported, not a failure of the draft
                    List<String> changes = c.mismatches(actual, false);
                    findings.add(Finding.warning("golden-cases", file, lineOfCase(path, c.name()), "„" + c.name()
                            + "” (" + req.legalDate() + ") expects " + expectedRuleset + "; the draft " + candidate.id()
                            + " would decide it" + (changes.isEmpty() ? " with the same outcome and amounts"
                            : ": " + String.join("; ", changes)) + " – update the case when the draft is published"));
                    mismatches = List.of();
                }
            } catch (RuntimeException e) {
                mismatches = List.of("evaluation failed: " + e.getMessage());
            }
            if (mismatches.isEmpty()) {
                passed++;
            } else {
                findings.add(Finding.error("golden-cases", file, lineOfCase(path, c.name()), "„" + c.name()
                        + "” (" + req.legalDate() + "): " + String.join("; ", mismatches)));
            }
            results.add(new ValidationReport.CaseResult(file, c.name(), req.legalDate(), mismatches.isEmpty(), mismatches));
        }
        if (results.isEmpty() && warnWhenNone) {
            findings.add(Finding.warning("golden-cases", null, null, "no golden case is decided by this version: add "
                    + "worked examples under test-cases/" + candidate.benefit() + "/ with a legalDate from "
                    + candidate.effectiveFrom() + " and expected.ruleset: " + candidate.id()));
        }
        return new ValidationReport.GoldenRun(cases.size(), results.size(), passed, results.size() - passed,
                List.copyOf(results));
    }

    private static Integer lineOfCase(Path p, String name) {
        try {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("name:") && lines.get(i).contains(name)) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no line then
        }
        return null;
    }

    /** Whether the candidate decides this case once published: as the benefit's version or as its module. */
    private static boolean decidedBy(RuleSet candidate, RuleSetRegistry whatIf, EvaluationRequest req) {
        try {
            RuleSet rs = whatIf.select(req.benefit(), req.legalDate());
            if (rs.id().equals(candidate.id())) {
                return true;
            }
            return rs.manifest().modules().contains(candidate.benefit())
                    && whatIf.select(candidate.benefit(), req.legalDate()).id().equals(candidate.id());
        } catch (NoRuleSetException e) {
            return false;
        }
    }

    private static ValidationReport.Coverage coverage(RuleSet candidate, RuleSetRegistry current, RuleSetRegistry whatIf,
                                                      List<Finding> findings) {
        String b = candidate.benefit();
        List<ValidationReport.Period> periods = periods(whatIf, b);
        List<ValidationReport.Period> before = periods(current, b);
        boolean complete = periods.stream().noneMatch(p -> p.rulesetId() == null);
        periods.stream().filter(p -> p.rulesetId() == null).forEach(p -> findings.add(Finding.error("coverage", null,
                null, "no released version decides dates " + p.from() + " – " + (p.to() == null ? "…" : p.to()))));
        List<ValidationReport.Period> takenOver = new ArrayList<>();
        for (ValidationReport.Period p : periods) {
            if (!candidate.id().equals(p.rulesetId())) {
                continue;
            }
            for (ValidationReport.Period q : before) {
                LocalDate from = max(p.from(), q.from());
                LocalDate to = min(p.to(), q.to());
                if (q.rulesetId() != null && (to == null || !from.isAfter(to))) {
                    takenOver.add(new ValidationReport.Period(from, to, q.rulesetId()));
                }
            }
        }
        List<RuleSet> releasedAfter = current.versions(b).stream()
                .filter(RuleSet::released).filter(rs -> rs.version().isAfter(candidate.version())).toList();
        if (!releasedAfter.isEmpty() && !candidate.released()) {
            findings.add(Finding.warning("coverage", "ruleset.yaml", null, "the version is inserted before released "
                    + "version(s) " + releasedAfter.stream().map(RuleSet::id).toList() + ": the dates it takes over "
                    + "were decided under other law until now – check that this is intended"));
        }
        return new ValidationReport.Coverage(complete, List.copyOf(periods), List.copyOf(takenOver));
    }

    /** Released versions of a benefit as consecutive periods; a period with a null id is a gap. */
    static List<ValidationReport.Period> periods(RuleSetRegistry registry, String benefit) {
        List<RuleSet> released = registry.versions(benefit).stream().filter(RuleSet::released).toList();
        List<ValidationReport.Period> out = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            RuleSet rs = released.get(i);
            LocalDate nextStart = i + 1 < released.size() ? released.get(i + 1).effectiveFrom() : null;
            LocalDate end = nextStart == null ? null : nextStart.minusDays(1);
            if (rs.effectiveTo() != null && (end == null || rs.effectiveTo().isBefore(end))) {
                out.add(new ValidationReport.Period(rs.effectiveFrom(), rs.effectiveTo(), rs.id()));
                LocalDate gapFrom = rs.effectiveTo().plusDays(1);
                if (nextStart == null || gapFrom.isBefore(nextStart)) {
                    // after effective_to nothing decides until the next version (or ever): a gap, unless the law
                    // simply ended (the last version with an end date)
                    if (nextStart != null) {
                        out.add(new ValidationReport.Period(gapFrom, end, null));
                    }
                }
            } else {
                out.add(new ValidationReport.Period(rs.effectiveFrom(), end, rs.id()));
            }
        }
        return out;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
