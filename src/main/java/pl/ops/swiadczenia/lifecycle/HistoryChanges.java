package pl.ops.swiadczenia.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import pl.ops.swiadczenia.ruleset.HistoryLoader;
import pl.ops.swiadczenia.ruleset.NoRuleSetException;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;

/**
 * The change workflow of a benefit written as one dated history ({@code rules/<benefit>/benefit.yaml}, ADR 0014) over
 * the API, without a redeploy: policy staff upload a draft as the set of changed files of the history (a new dated
 * value in {@code parametry/<name>.yaml}, a new parameter, a logic overlay {@code logika/<date>/}, templates, and the
 * entry {@code changes: <date>} with {@code status: draft}); it is validated (DRL policy before anything is compiled,
 * compilation, released states unchanged, golden cases) and only then written into the history and loaded for what-if
 * use. A second person approves exactly that content; publication flips the date's status to released, records the
 * whole released history in the database with its hash, appends the hash to {@code released.sha256} and swaps the
 * registry, so the new legal state decides from the next request on.
 *
 * <p>Every step (upload, refused upload, approval, publication) is recorded append-only in {@code ruleset_change}
 * with the verified caller. The registry is changed under the same lock as the version-folder flow of
 * {@link RuleSets}.
 */
@ApplicationScoped
public class HistoryChanges {
    private static final Logger LOG = Logger.getLogger(HistoryChanges.class);
    private static final Pattern BENEFIT = Pattern.compile("[a-z][a-z0-9_]{1,63}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
    private static final Pattern PARAMETER_FILE = Pattern.compile("parametry/[a-z0-9_]{1,100}\\.yaml");
    private static final Pattern LOGIC_FILE = Pattern.compile(
            "logika/\\d{4}-\\d{2}-\\d{2}/([A-Za-z0-9_][A-Za-z0-9_-]{0,99}\\.drl(\\.csv)?|logika\\.yaml|README\\.md)");
    private static final List<String> TOP_FILES = List.of(HistoryLoader.MANIFEST, HistoryLoader.TEMPLATES, "README.md",
            "CHANGELOG.md");
    static final int MAX_FILES = 100;
    static final int MAX_FILE_CHARS = 1_000_000;
    static final int MAX_TOTAL_CHARS = 5_000_000;
    static final int MAX_PATH = 200;
    static final int MAX_COMMENT = 2000;

    @Inject
    RuleSets ruleSets;
    @Inject
    RuleSetChangeRepository steps;
    @Inject
    Clock clock;
    /** Whether publishing a history draft needs the approval of a second person (four eyes); on by default. */
    @ConfigProperty(name = "rules.publication.require-approval", defaultValue = "true")
    boolean requireApproval;

    /** One recorded step of the workflow. */
    public record Step(Long id, Instant at, String benefit, LocalDate version, RuleSetChangeRecord.Action action,
                       String actor, String contentSha256, String stateSha256, String comment) {
    }

    /**
     * A draft (or, after publication, the released change) of a dated history: what it is, who uploaded it, who
     * approved exactly this content, and what changes on its date against the legal state in force before it.
     *
     * @param contentSha256 SHA-256 of every file of {@code rules/<benefit>/} now: what an approval names
     * @param files         the files of the latest upload of this content (null: removed)
     * @param diff          values (old → new, with citations) and rules that change on {@code date}, and the golden
     *                      cases whose result differs
     */
    public record DraftView(String rulesetId, String benefit, LocalDate date, String status, String summary,
                            String stateSha256, String contentSha256, String inForceBefore, String author,
                            Instant uploadedAt, Map<String, String> files, boolean approvalRequired, boolean approved,
                            List<Step> approvals, RuleSetDiff.Report diff, List<Step> steps) {
    }

    /** Whether {@code benefit} is written as a dated history under the rules directory. */
    public boolean isHistory(String benefit) {
        return benefit != null && BENEFIT.matcher(benefit).matches()
                && HistoryLoader.isHistory(ruleSets.root().resolve(benefit));
    }

    // ---------------------------------------------------------------- request checks

    /**
     * Checks an upload before anything is written: the benefit's name, at most {@value #MAX_FILES} files, each a
     * relative path inside the benefit's history (benefit.yaml, komunikaty.yaml, README.md, CHANGELOG.md,
     * parametry/&lt;name&gt;.yaml, logika/&lt;yyyy-MM-dd&gt;/&lt;file&gt;.drl|.drl.csv|logika.yaml|README.md), no
     * {@code ..}, not absolute; contents within the size limits. Every problem is a field error in Polish (400).
     */
    public static void checkUpload(String benefit, Map<String, String> files, String comment) {
        List<FieldError> errors = new ArrayList<>();
        if (benefit == null || !BENEFIT.matcher(benefit).matches()) {
            errors.add(new FieldError("benefit", "nazwa świadczenia: małe litery, cyfry i _ (" + BENEFIT.pattern() + ")"));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "najwyżej " + MAX_COMMENT + " znaków (jest " + comment.length() + ")"));
        }
        if (files == null || files.isEmpty()) {
            errors.add(new FieldError("files", "wymagane: mapa „ścieżka względna w historii świadczenia → treść pliku”, "
                    + "np. {\"parametry/kwota.yaml\": \"…\", \"benefit.yaml\": \"…\"}; null usuwa plik"));
            throw new InvalidRequestException(errors);
        }
        if (files.size() > MAX_FILES) {
            errors.add(new FieldError("files", "najwyżej " + MAX_FILES + " plików w jednym projekcie zmiany (jest "
                    + files.size() + ")"));
        }
        long total = 0;
        int i = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = f.getKey();
            String field = path == null || path.length() > MAX_PATH ? "files[" + i + "]" : "files." + path;
            i++;
            String problem = pathProblem(path);
            if (problem != null) {
                errors.add(new FieldError(field, problem));
            }
            if (f.getValue() != null) {
                total += f.getValue().length();
                if (f.getValue().length() > MAX_FILE_CHARS) {
                    errors.add(new FieldError(field, "plik za duży: " + f.getValue().length() + " znaków, najwyżej "
                            + "1 000 000"));
                }
                if (f.getValue().indexOf('\0') >= 0) {
                    errors.add(new FieldError(field, "plik tekstowy (UTF-8) nie może zawierać znaku NUL"));
                }
            } else if (problem == null && (path.equals(HistoryLoader.MANIFEST))) {
                errors.add(new FieldError(field, "benefit.yaml nie może zostać usunięty"));
            }
        }
        if (total > MAX_TOTAL_CHARS) {
            errors.add(new FieldError("files", "łącznie " + total + " znaków, najwyżej 5 000 000 w jednym projekcie zmiany"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** Why a path is not a file of a benefit's history, or null when it is one. */
    static String pathProblem(String path) {
        if (path == null || path.isBlank()) {
            return "pusta ścieżka pliku";
        }
        if (path.length() > MAX_PATH) {
            return "ścieżka dłuższa niż " + MAX_PATH + " znaków";
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            return "ścieżka musi być względna wobec folderu świadczenia (bez „/” ani litery dysku na początku)";
        }
        if (path.contains("\\")) {
            return "ścieżka z „/”, nie z „\\”";
        }
        for (String seg : path.split("/", -1)) {
            if (seg.equals("..") || seg.equals(".")) {
                return "ścieżka nie może zawierać „..” ani „.”: pliki tylko w historii tego świadczenia";
            }
            if (!SEGMENT.matcher(seg).matches()) {
                return "niedozwolona nazwa w ścieżce: „" + seg + "” (litery, cyfry, _ . -; bez spacji i znaków specjalnych)";
            }
        }
        if (TOP_FILES.contains(path) || PARAMETER_FILE.matcher(path).matches() || LOGIC_FILE.matcher(path).matches()) {
            return null;
        }
        return "ścieżka spoza historii świadczenia: dozwolone są benefit.yaml, komunikaty.yaml, README.md, CHANGELOG.md, "
                + "parametry/<nazwa>.yaml oraz logika/<rrrr-mm-dd>/<plik>.drl, .drl.csv, logika.yaml, README.md "
                + "(wspólne instytucje rules/wspolne/ i inne świadczenia zmienia się osobno)";
    }

    // ---------------------------------------------------------------- validate, upload

    /**
     * Validates a draft of the change on {@code date}: the uploaded files applied to the history (nothing is stored),
     * or, without files, the history as it is now.
     */
    public ValidationReport validate(String benefit, LocalDate date, Map<String, String> files) {
        RuleSetRegistry reg = ruleSets.registry();
        if (files == null) {
            Path live = ruleSets.root().resolve(benefit);
            RuleSet state = reg.find(benefit, date).orElse(null);
            RuleSetValidator.HistoryChange mode = state != null && state.released()
                    ? RuleSetValidator.HistoryChange.RELOAD : RuleSetValidator.HistoryChange.DRAFT;
            return ruleSets.validator().validateHistoryChange(live, reg, "rules/" + benefit + " (" + date + ")", date, mode)
                    .report();
        }
        checkUpload(benefit, files, null);
        Path staged = stage(benefit, files);
        try {
            return ruleSets.validator().validateHistoryChange(staged, reg, "upload " + benefit + " (" + date + ")", date,
                    RuleSetValidator.HistoryChange.DRAFT).report();
        } finally {
            RuleSets.deleteTree(staged.getParent());
        }
    }

    /**
     * Applies the uploaded files to the history as the draft of the change on {@code date}, only if the result
     * validates: written into {@code rules/<benefit>/} atomically and loaded (the draft state for what-if use; released
     * states unchanged). A refused upload stores nothing but is recorded (who, what, the report).
     */
    public ValidationReport upload(String benefit, LocalDate date, Map<String, String> files, String actor, String comment) {
        checkUpload(benefit, files, comment);
        synchronized (ruleSets.lock) {
            RuleSetRegistry reg = ruleSets.registry();
            RuleSet existing = reg.find(benefit, date).orElse(null);
            if (existing != null && existing.released()) {
                throw new RuleSets.ConflictException(existing.id() + " jest wydany i niezmienny; zmiana prawa to nowa "
                        + "data / is released and immutable; a change of the law takes effect on a new date");
            }
            Path staged = stage(benefit, files);
            try {
                RuleSetValidator.HistoryResult v = ruleSets.validator().validateHistoryChange(staged, reg,
                        "upload " + benefit + " (" + date + ")", date, RuleSetValidator.HistoryChange.DRAFT);
                if (!v.report().valid()) {
                    record(RuleSetChangeRecord.Action.UPLOAD_REFUSED, benefit, date, actor, null, null, comment, files,
                            v.report());
                    throw new RuleSets.RefusedException("Projekt zmiany " + benefit + " (" + date + ") nie przeszedł "
                            + "walidacji; niczego nie zapisano / the draft does not validate; nothing was stored", v.report());
                }
                String content = RuleSetLoader.sha256(staged);
                record(RuleSetChangeRecord.Action.UPLOAD, benefit, date, actor, content, v.report().sha256(), comment,
                        files, v.report());
                Path live = ruleSets.root().resolve(benefit);
                swapInto(staged, live);
                ruleSets.swap(reg.withBenefit(benefit, v.states().stream().map(s -> s.withDirectory(live)).toList()),
                        actor, "draft " + benefit + "/" + date + " uploaded" + (comment == null ? "" : ": " + comment));
                ruleSets.historyHashes.put(benefit, content);
                LOG.infof("Draft %s/%s uploaded by %s and loaded (state sha256 %s, content %s)", benefit, date, actor,
                        v.report().sha256(), content);
                return v.report();
            } finally {
                RuleSets.deleteTree(staged.getParent());
            }
        }
    }

    // ---------------------------------------------------------------- view, approve

    /** The draft (or released change) of {@code date}: status, author, approvals and what changes on that date. */
    public DraftView draft(String benefit, LocalDate date) {
        RuleSetRegistry reg = ruleSets.registry();
        RuleSet state = reg.find(benefit, date).filter(RuleSet::fromHistory).orElseThrow(() ->
                new jakarta.ws.rs.NotFoundException("Brak stanu prawnego " + benefit + "/" + date));
        String content = RuleSetLoader.sha256(ruleSets.root().resolve(benefit));
        List<RuleSetChangeRecord> all = steps.of(benefit, date);
        RuleSetChangeRecord upload = lastUpload(all, content);
        String author = upload == null ? null : upload.actor;
        List<Step> approvals = approvals(all, content, author).stream().map(RuleSetChangeRecord::view).toList();
        RuleSet before = null;
        try {
            before = reg.select(benefit, date.minusDays(1));
        } catch (NoRuleSetException e) {
            // the first state of the benefit: nothing was in force before
        }
        RuleSetDiff.Report diff = before == null ? null : onTheDate(RuleSetDiff.diff(before, state, reg,
                ruleSets.testCases()), before, state);
        Map<String, String> files = null;
        if (upload != null && upload.filesJson != null) {
            try {
                files = CanonicalJson.MAPPER.readValue(upload.filesJson,
                        new com.fasterxml.jackson.core.type.TypeReference<TreeMap<String, String>>() { });
            } catch (IOException e) {
                files = null;
            }
        }
        return new DraftView(state.id(), benefit, date, state.released() ? "released" : "draft",
                state.manifest().summary(), state.sha256(), content, before == null ? null : before.id(), author,
                upload == null ? null : upload.at, files, requireApproval, !approvals.isEmpty(), approvals, diff,
                all.stream().map(RuleSetChangeRecord::view).toList());
    }

    /**
     * A second person approves the draft of {@code date} as it is now ({@code contentSha256}, when given, must be the
     * content they reviewed). The author of that content cannot approve it.
     */
    public Step approve(String benefit, LocalDate date, String actor, String comment, String contentSha256) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidRequestException(List.of(new FieldError("comment", "najwyżej " + MAX_COMMENT + " znaków")));
        }
        synchronized (ruleSets.lock) {
            RuleSet state = ruleSets.registry().find(benefit, date).filter(RuleSet::fromHistory).orElseThrow(() ->
                    new jakarta.ws.rs.NotFoundException("Brak projektu " + benefit + "/" + date));
            if (state.released()) {
                throw new RuleSets.ConflictException(state.id() + " jest już wydany / is already released");
            }
            String content = RuleSetLoader.sha256(ruleSets.root().resolve(benefit));
            if (!content.equals(ruleSets.historyHashes.get(benefit))) {
                throw new RuleSets.ConflictException("Pliki rules/" + benefit + "/ zmieniono poza API od ich wczytania; "
                        + "wczytaj je (POST /api/v1/rulesets/scan) i sprawdź ponownie / the files changed since they were "
                        + "loaded");
            }
            if (contentSha256 != null && !contentSha256.isBlank() && !contentSha256.equals(content)) {
                throw new RuleSets.ConflictException("Projekt zmienił się od przeglądu: zatwierdzasz " + contentSha256
                        + ", a obecna treść to " + content + " – przejrzyj go ponownie / the draft changed since review");
            }
            List<RuleSetChangeRecord> all = steps.of(benefit, date);
            RuleSetChangeRecord upload = lastUpload(all, content);
            if (upload != null && upload.actor.equals(actor)) {
                throw new RuleSets.ConflictException("Projekt zatwierdza druga osoba: " + actor + " przesłał(a) tę treść "
                        + "i nie może jej zatwierdzić / the author of a draft cannot approve it");
            }
            String note = upload == null ? (comment == null ? "" : comment + " ")
                    + "(treść nie przesłana przez API – autor nieznany / content not uploaded through the API)" : comment;
            // the approval re-runs the validation on exactly the content approved (issue 13, point 4)
            RuleSetValidator.HistoryResult v = ruleSets.validator().validateHistoryChange(ruleSets.root().resolve(benefit),
                    ruleSets.registry(), "approval " + benefit + " (" + date + ")", date,
                    RuleSetValidator.HistoryChange.DRAFT);
            if (!v.report().valid()) {
                throw new RuleSets.RefusedException("Projekt " + state.id() + " nie przechodzi ponownej walidacji przy "
                        + "zatwierdzaniu; nie zatwierdzono / does not validate again at approval", v.report());
            }
            RuleSetChangeRecord r = record(RuleSetChangeRecord.Action.APPROVAL, benefit, date, actor, content,
                    state.sha256(), note, null, v.report());
            LOG.infof("Draft %s approved by %s (content %s)", state.id(), actor, content);
            return r.view();
        }
    }

    /**
     * The diff without the parameters read on other dates than the legal date ({@code scope: history}, e.g. the
     * calendar of days off) whose whole series is the same in both states: their "value on the state's date" differs
     * between two states years apart, but nothing of them changes on this date.
     */
    private static RuleSetDiff.Report onTheDate(RuleSetDiff.Report d, RuleSet before, RuleSet state) {
        List<RuleSetDiff.ParameterChange> params = d.parameters().stream().filter(p -> {
            var a = before.history() == null ? null : before.history().get(p.name());
            var b = state.history() == null ? null : state.history().get(p.name());
            return a == null || b == null || !a.equals(b);
        }).toList();
        return new RuleSetDiff.Report(d.benefit(), d.from(), d.to(), d.fromSha256(), d.toSha256(), params, d.rules(),
                d.goldenCasesCompared(), d.goldenCases());
    }

    // ---------------------------------------------------------------- version folders (former representation)

    /**
     * Uploads a draft version folder (the former representation, ADR 0014) and records who uploaded which content in
     * the change log, so that its publication, like that of a dated history, needs the approval of a second person.
     */
    public ValidationReport uploadFolder(String benefit, LocalDate version, Map<String, String> files, String actor,
                                         String comment) {
        ValidationReport report = ruleSets.upload(benefit, version, files);
        RuleSet state = ruleSets.registry().find(benefit, version).orElseThrow();
        record(RuleSetChangeRecord.Action.UPLOAD, benefit, version, actor, state.sha256(), state.sha256(), comment,
                files, report);
        return report;
    }

    /**
     * A second person approves a draft version folder exactly as it is loaded now (its folder hash); the person who
     * uploaded that content cannot approve it (four eyes, issue 13 point 4).
     */
    public Step approveFolder(String benefit, LocalDate version, String actor, String comment, String contentSha256) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidRequestException(List.of(new FieldError("comment", "najwyżej " + MAX_COMMENT + " znaków")));
        }
        synchronized (ruleSets.lock) {
            RuleSet state = ruleSets.registry().find(benefit, version).filter(s -> !s.fromHistory()).orElseThrow(() ->
                    new jakarta.ws.rs.NotFoundException("Brak projektu " + benefit + "/" + version));
            if (state.released()) {
                throw new RuleSets.ConflictException(state.id() + " jest już wydany / is already released");
            }
            String content = state.sha256();
            if (contentSha256 != null && !contentSha256.isBlank() && !contentSha256.equals(content)) {
                throw new RuleSets.ConflictException("Projekt zmienił się od przeglądu: zatwierdzasz " + contentSha256
                        + ", a obecna treść to " + content + " – przejrzyj go ponownie / the draft changed since review");
            }
            RuleSetChangeRecord upload = lastUpload(steps.of(benefit, version), content);
            if (upload != null && upload.actor.equals(actor)) {
                throw new RuleSets.ConflictException("Projekt zatwierdza druga osoba: " + actor + " przesłał(a) tę treść "
                        + "i nie może jej zatwierdzić / the author of a draft cannot approve it");
            }
            String note = upload == null ? (comment == null ? "" : comment + " ")
                    + "(treść nie przesłana przez API – autor nieznany / content not uploaded through the API)" : comment;
            ValidationReport report = ruleSets.validateFolder(benefit, version); // re-run on exactly this content
            if (!report.valid() || !content.equals(report.sha256())) {
                throw new RuleSets.RefusedException("Projekt " + state.id() + " nie przechodzi ponownej walidacji przy "
                        + "zatwierdzaniu; nie zatwierdzono / does not validate again at approval", report);
            }
            RuleSetChangeRecord r = record(RuleSetChangeRecord.Action.APPROVAL, benefit, version, actor, content,
                    content, note, null, report);
            LOG.infof("Draft folder %s approved by %s (content %s)", state.id(), actor, content);
            return r.view();
        }
    }

    /**
     * Publishes a draft version folder: like a dated history, only with an approval of its current content by someone
     * other than its author (unless switched off); the publication is recorded in the change log too.
     */
    public RuleSets.Publication publishFolder(String benefit, LocalDate version, String actor, String comment) {
        synchronized (ruleSets.lock) {
            RuleSet draft = ruleSets.registry().find(benefit, version).orElseThrow(() ->
                    new jakarta.ws.rs.NotFoundException("Brak wczytanej wersji " + benefit + "/" + version));
            if (!draft.released()) {
                List<RuleSetChangeRecord> all = steps.of(benefit, version);
                RuleSetChangeRecord upload = lastUpload(all, draft.sha256());
                if (requireApproval && approvals(all, draft.sha256(), upload == null ? null : upload.actor).isEmpty()) {
                    throw new RuleSets.ConflictException("Projekt " + draft.id() + " w obecnej treści (" + draft.sha256()
                            + ") nie został zatwierdzony przez drugą osobę: POST …/" + version + "/approval (inna osoba "
                            + "niż autor) / the draft needs the approval of a second person before publication");
                }
            }
            RuleSets.Publication p = ruleSets.publish(benefit, version, actor, comment);
            record(RuleSetChangeRecord.Action.PUBLICATION, benefit, version, actor, draft.sha256(), p.sha256(), comment,
                    null, null);
            return p;
        }
    }

    /**
     * The drafts of a benefit approved by a second person in their current content (a dated history's or a version
     * folder's): the law that will apply once published, which a shadow run evaluates beside live decisions.
     */
    public List<RuleSet> approvedDrafts(String benefit) {
        return approvedDraftsSince(benefit).stream().map(ApprovedDraft::state).toList();
    }

    /** An approved draft and when its current content was first approved by a second person. */
    public record ApprovedDraft(RuleSet state, Instant approvedAt) {
    }

    /** The approved drafts of a benefit with the instant of their first approval (shadow runs start then). */
    public List<ApprovedDraft> approvedDraftsSince(String benefit) {
        List<ApprovedDraft> out = new ArrayList<>();
        for (RuleSet s : ruleSets.registry().versions(benefit)) {
            if (s.released()) {
                continue;
            }
            String content = s.fromHistory() ? ruleSets.historyHashes.get(benefit) : s.sha256();
            if (content == null) {
                continue;
            }
            List<RuleSetChangeRecord> all = steps.of(benefit, s.version());
            RuleSetChangeRecord upload = lastUpload(all, content);
            List<RuleSetChangeRecord> a = approvals(all, content, upload == null ? null : upload.actor);
            if (!a.isEmpty()) {
                out.add(new ApprovedDraft(s, a.get(0).at));
            }
        }
        return out;
    }

    private static RuleSetChangeRecord lastUpload(List<RuleSetChangeRecord> all, String content) {
        RuleSetChangeRecord out = null;
        for (RuleSetChangeRecord r : all) {
            if (r.action == RuleSetChangeRecord.Action.UPLOAD && content.equals(r.contentSha256)) {
                out = r;
            }
        }
        return out;
    }

    private static List<RuleSetChangeRecord> approvals(List<RuleSetChangeRecord> all, String content, String author) {
        return all.stream().filter(r -> r.action == RuleSetChangeRecord.Action.APPROVAL)
                .filter(r -> content.equals(r.contentSha256)).filter(r -> !r.actor.equals(author)).toList();
    }

    // ---------------------------------------------------------------- publish

    /**
     * Publishes the draft of {@code date}: needs an approval of the current content by someone other than its author
     * (unless switched off), validates the history with {@code changes: <date>} flipped to {@code status: released}
     * (no other released state may change), records the publication (who, when, the hash, every file of the released
     * history, the report), writes the history atomically, appends the hash to {@code released.sha256} and swaps the
     * registry. Nothing changes when a step fails.
     */
    public RuleSets.Publication publish(String benefit, LocalDate date, String actor, String comment) {
        synchronized (ruleSets.lock) {
            RuleSetRegistry reg = ruleSets.registry();
            RuleSet draft = reg.find(benefit, date).filter(RuleSet::fromHistory).orElseThrow(() ->
                    new jakarta.ws.rs.NotFoundException("Brak projektu " + benefit + "/" + date));
            if (draft.released()) {
                throw new RuleSets.ConflictException(draft.id() + " jest już wydany / is already released");
            }
            Path live = ruleSets.root().resolve(benefit);
            String content = RuleSetLoader.sha256(live);
            if (!content.equals(ruleSets.historyHashes.get(benefit))) {
                throw new RuleSets.ConflictException("Pliki rules/" + benefit + "/ zmieniono od ich wczytania; wczytaj "
                        + "(POST /api/v1/rulesets/scan) i sprawdź je ponownie przed publikacją / the files changed since "
                        + "they were loaded; scan and validate again before publishing");
            }
            List<RuleSetChangeRecord> all = steps.of(benefit, date);
            RuleSetChangeRecord upload = lastUpload(all, content);
            List<RuleSetChangeRecord> approvals = approvals(all, content, upload == null ? null : upload.actor);
            if (requireApproval && approvals.isEmpty()) {
                throw new RuleSets.ConflictException("Projekt " + draft.id() + " w obecnej treści (" + content + ") nie "
                        + "został zatwierdzony przez drugą osobę: POST …/" + date + "/approval (inna osoba niż autor) / "
                        + "the draft needs the approval of a second person before publication");
            }
            Map<String, String> files = RuleSets.readTree(live);
            String released = releaseChange(files.get(HistoryLoader.MANIFEST), date);
            if (released == null) {
                throw new RuleSets.ConflictException("W " + HistoryLoader.MANIFEST + " świadczenia " + benefit
                        + " brak wpisu changes: " + date + " z jednym wierszem 'status: draft' / "
                        + HistoryLoader.MANIFEST + " of " + benefit + " needs an entry changes: " + date
                        + " with one line 'status: draft'");
            }
            files.put(HistoryLoader.MANIFEST, released);
            Path staged = stageFiles(benefit, files);
            try {
                RuleSetValidator.HistoryResult v = ruleSets.validator().validateHistoryChange(staged, reg,
                        "rules/" + benefit + " (" + date + ")", date, RuleSetValidator.HistoryChange.PUBLICATION);
                if (!v.report().valid()) {
                    throw new RuleSets.RefusedException(draft.id() + " nie przechodzi walidacji i nie może zostać wydany / "
                            + "does not validate and cannot be published", v.report());
                }
                RuleSet state = v.states().stream().filter(s -> s.version().equals(date)).findFirst().orElseThrow();
                Instant now = Instant.now(clock);
                String note = comment;
                if (!approvals.isEmpty()) {
                    RuleSetChangeRecord a = approvals.get(approvals.size() - 1);
                    note = (note == null ? "" : note + " ") + "(zatwierdził(a) / approved by: " + a.actor + ", " + a.at
                            + (upload == null ? "" : "; autor / author: " + upload.actor) + ")";
                }
                RuleSets.Publication p = new RuleSets.Publication(draft.id(), benefit, date, state.sha256(),
                        draft.sha256(), actor, now, note);
                String releasedContent = RuleSetLoader.sha256(staged);
                String stepNote = note;
                // the publication and its step in the change log are recorded together, or neither
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                    ruleSets.insert(p, files, v.report());
                    record(RuleSetChangeRecord.Action.PUBLICATION, benefit, date, actor, releasedContent, state.sha256(),
                            stepNote, null, v.report());
                });
                swapInto(staged, live);
                ruleSets.appendLock(state.sha256(), draft.id());
                ruleSets.swap(reg.withBenefit(benefit, v.states().stream().map(s -> s.withDirectory(live)).toList()),
                        actor, "publication of " + draft.id() + (note == null ? "" : ": " + note));
                ruleSets.historyHashes.put(benefit, releasedContent);
                LOG.infof("Published %s by %s, sha256 %s", draft.id(), actor, state.sha256());
                return p;
            } finally {
                RuleSets.deleteTree(staged.getParent());
            }
        }
    }

    /**
     * The manifest with the entry {@code changes: <date>} flipped from {@code status: draft} to
     * {@code status: released}, keeping every other byte; null when the entry has no such line.
     */
    static String releaseChange(String manifest, LocalDate date) {
        if (manifest == null) {
            return null;
        }
        String[] lines = manifest.split("\n", -1);
        int changes = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("changes:\\s*(#.*)?")) {
                changes = i;
                break;
            }
        }
        if (changes < 0) {
            return null;
        }
        Pattern key = Pattern.compile("^(\\s+)['\"]?" + Pattern.quote(date.toString()) + "['\"]?\\s*:(.*)$");
        for (int i = changes + 1; i < lines.length; i++) {
            if (!lines[i].isBlank() && !Character.isWhitespace(lines[i].charAt(0)) && !lines[i].startsWith("#")) {
                break; // the next top-level key: the end of changes:
            }
            Matcher m = key.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length();
            String rest = m.group(2);
            if (rest.contains("status")) {
                String flipped = lines[i].replaceFirst("status:\\s*draft\\b", "status: released");
                if (flipped.equals(lines[i])) {
                    return null;
                }
                lines[i] = flipped;
                return String.join("\n", lines);
            }
            for (int j = i + 1; j < lines.length; j++) {
                String l = lines[j];
                int ind = l.length() - l.stripLeading().length();
                if (!l.isBlank() && ind <= indent) {
                    return null;
                }
                if (l.strip().matches("status:\\s*draft\\s*(#.*)?")) {
                    lines[j] = l.replaceFirst("draft", "released");
                    return String.join("\n", lines);
                }
            }
            return null;
        }
        return null;
    }

    // ---------------------------------------------------------------- scan

    /**
     * Reloads dated histories whose files changed on disk since they were loaded, if they validate and leave every
     * released state as it was (a changed released state is refused, the loaded history stays in force).
     */
    public List<RuleSets.ScanEntry> scan() {
        synchronized (ruleSets.lock) {
            ruleSets.syncFromSource(); // the authored rules' changes into the working copy first
            List<RuleSets.ScanEntry> out = new ArrayList<>();
            RuleSetRegistry reg = ruleSets.registry();
            for (Path dir : RuleSetRegistry.historyDirs(ruleSets.root())) {
                String benefit = dir.getFileName().toString();
                String content = RuleSetLoader.sha256(dir);
                if (content.equals(ruleSets.historyHashes.get(benefit))) {
                    continue;
                }
                boolean known = !reg.versions(benefit).isEmpty();
                RuleSetValidator.HistoryResult v = ruleSets.validator().validateHistoryChange(dir, reg, "rules/" + benefit,
                        null, RuleSetValidator.HistoryChange.RELOAD);
                if (v.report().valid()) {
                    reg = reg.withBenefit(benefit, v.states());
                    ruleSets.historyHashes.put(benefit, content);
                    out.add(new RuleSets.ScanEntry(benefit, known ? "RELOADED" : "LOADED", content, v.report().findings()));
                } else {
                    boolean immutability = v.report().findings().stream()
                            .anyMatch(f -> f.isError() && "immutability".equals(f.check()));
                    out.add(new RuleSets.ScanEntry(benefit, !known ? "INVALID" : immutability ? "REFUSED"
                            : "INVALID_PREVIOUS_KEPT", content, v.report().findings()));
                }
            }
            ruleSets.swap(reg, "system", "scan of the rules directory");
            return out;
        }
    }

    /** The recorded steps, newest first: of one benefit or of all. */
    public List<Step> steps(String benefit, int limit) {
        return steps.recent(benefit, limit).stream().map(RuleSetChangeRecord::view).toList();
    }

    // ---------------------------------------------------------------- files

    private RuleSetChangeRecord record(RuleSetChangeRecord.Action action, String benefit, LocalDate date, String actor,
                                       String content, String stateSha, String comment, Map<String, String> files,
                                       ValidationReport report) {
        RuleSetChangeRecord r = new RuleSetChangeRecord();
        r.at = Instant.now(clock);
        r.benefit = benefit;
        r.version = date;
        r.action = action;
        r.actor = actor;
        r.contentSha256 = content;
        r.stateSha256 = stateSha;
        r.comment = comment;
        try {
            r.filesJson = files == null ? null : CanonicalJson.MAPPER.writeValueAsString(new TreeMap<>(files));
            r.reportJson = report == null ? null : CanonicalJson.MAPPER.writeValueAsString(report);
            return steps.insert(r);
        } catch (IOException | RuntimeException e) {
            throw new RuleSets.ConflictException("Kroku " + action + " nie udało się zapisać w dzienniku zmian ("
                    + e.getMessage() + "); niczego nie zmieniono / the step could not be recorded; nothing was changed");
        }
    }

    /**
     * A staging copy of the rules root for one benefit: {@code <rules>/.staging/<uuid>/<benefit>/} with the history as
     * it is now plus the uploaded files (null removes a file), and {@code wspolne/} beside it (the concepts it uses).
     */
    private Path stage(String benefit, Map<String, String> files) {
        Path live = ruleSets.root().resolve(benefit);
        Map<String, String> tree = Files.isDirectory(live) ? RuleSets.readTree(live) : new TreeMap<>();
        return stageFiles(benefit, applyFiles(tree, files));
    }

    /** The uploaded files applied to a history's files (relative path → content; null removes a file); 400 otherwise. */
    static Map<String, String> applyFiles(Map<String, String> tree, Map<String, String> files) {
        List<FieldError> errors = new ArrayList<>();
        files.forEach((p, c) -> {
            if (c == null) {
                if (tree.remove(p) == null) {
                    errors.add(new FieldError("files." + p, "nie ma takiego pliku do usunięcia (null usuwa plik)"));
                }
            } else {
                tree.put(p, c);
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return tree;
    }

    private Path stageFiles(String benefit, Map<String, String> tree) {
        Path base = ruleSets.root().resolve(".staging").resolve(UUID.randomUUID().toString());
        Path dir = base.resolve(benefit);
        try {
            RuleSets.writeTree(dir, tree);
            Path concepts = ruleSets.root().resolve(HistoryLoader.CONCEPTS_DIR);
            if (Files.isDirectory(concepts)) {
                RuleSets.copyTree(concepts, base.resolve(HistoryLoader.CONCEPTS_DIR));
            }
            return dir;
        } catch (RuntimeException e) {
            RuleSets.deleteTree(base);
            throw e;
        }
    }

    /** Puts the staged history at {@code target}: the old folder is renamed away first, then the new one renamed in. */
    static void swapInto(Path staged, Path target) {
        try {
            Path old = staged.getParent().resolve(".replaced");
            boolean hadOld = Files.exists(target);
            if (hadOld) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (hadOld) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the history into place: " + e.getMessage(), e);
        }
    }
}
