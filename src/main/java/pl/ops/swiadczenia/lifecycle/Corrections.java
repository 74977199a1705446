package pl.ops.swiadczenia.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import pl.ops.swiadczenia.ruleset.HistoryLoader;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;

/**
 * Corrections of released law (issue 13, points 2–4; docs/adr/0018-durable-jobs-and-corrections.md). An error found
 * later in the encoding of a released legal state – a wrong value, a wrong rule, a change date that was missed – is
 * corrected by a new content of the benefit's dated history that changes released states (or adds a released one).
 * One {@code policy} user proposes it (validated: compiled, the DRL policy, every golden case; stored in the change log,
 * not in force); the impact analysis over the stored decisions lists those whose outcome or amount it changes (the cases
 * to reopen); a second person approves exactly that content (validation re-run); publication puts it in force for new
 * evaluations from that moment – the known-at axis: evaluations {@code asKnownAt} an earlier instant, and replays of
 * decisions made before, keep the release they had.
 */
@ApplicationScoped
public class Corrections {
    private static final Logger LOG = Logger.getLogger(Corrections.class);

    @Inject
    RuleSets ruleSets;
    @Inject
    RuleSetChangeRepository steps;
    @Inject
    Clock clock;
    @Inject
    ImpactService impact;
    @Inject
    JobStore jobs;

    /** Registries of proposed corrections (content hash → registry with the corrected history), for impact jobs. */
    private final Map<String, RuleSetRegistry> registries = new ConcurrentHashMap<>();
    private final List<Path> folders = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A released state the correction changes ({@code change}: CORRECTED, ADDED). */
    public record ChangedState(String rulesetId, LocalDate from, LocalDate to, String change, String sha256Before,
                               String sha256After) {
    }

    /** What is stored with a proposal beside the files: the states it changes and the content it was built on. */
    public record Proposal(String baseContentSha256, List<ChangedState> states, ValidationReport report) {
    }

    /** A correction as policy staff and auditors see it. */
    public record View(String id, String benefit, String status, String statusName, String comment, String author,
                       Instant proposedAt, List<ChangedState> states, LocalDate legalDateFrom, LocalDate legalDateTo,
                       List<HistoryChanges.Step> approvals, String impactAnalysisId, String impactStatus,
                       Long decisionsToReopen, String publishedBy, Instant publishedAt, String releaseId,
                       ValidationReport report) {
    }

    /** What a proposal sends: the changed files of the benefit's history (null removes a file) and why. */
    public record Request(Map<String, String> files, String comment) {
    }

    // ---------------------------------------------------------------- propose

    public View propose(String benefit, Request request, String actor) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "wymagane: {\"files\": {…}, \"comment\": \"…\"}")));
        }
        if (request.comment() == null || request.comment().isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("comment", "wymagane: jaki błąd w zapisie prawa "
                    + "korekta poprawia i skąd o nim wiadomo")));
        }
        HistoryChanges.checkUpload(benefit, request.files(), request.comment());
        if (!Files.isDirectory(ruleSets.root().resolve(benefit).resolve("logika"))
                && !Files.isRegularFile(ruleSets.root().resolve(benefit).resolve(HistoryLoader.MANIFEST))) {
            throw new InvalidRequestException(List.of(new FieldError("benefit", "korekty dotyczą świadczeń zapisanych jako "
                    + "jedna datowana historia")));
        }
        synchronized (ruleSets.lock) {
            Path live = ruleSets.root().resolve(benefit);
            String base = RuleSetLoader.sha256(live);
            Map<String, String> tree = HistoryChanges.applyFiles(RuleSets.readTree(live), request.files());
            Built b = build(benefit, tree, "korekta " + benefit);
            RuleSetChangeRecord r = new RuleSetChangeRecord();
            r.at = Instant.now(clock);
            r.benefit = benefit;
            r.actor = actor;
            r.comment = request.comment();
            r.action = RuleSetChangeRecord.Action.CORRECTION;
            if (!b.report().valid()) {
                throw new RuleSets.RefusedException("Korekta " + benefit + " nie przechodzi walidacji; niczego nie "
                        + "zapisano / the correction does not validate; nothing was stored", b.report());
            }
            if (b.states().isEmpty()) {
                throw new RuleSets.ConflictException("Korekta nie zmienia żadnego wydanego stanu prawnego " + benefit
                        + " – zmiana na przyszłość to projekt nowej daty (PUT /api/v1/rulesets/" + benefit + "/{data}) / "
                        + "the correction changes no released legal state");
            }
            r.version = b.states().get(0).from();
            r.contentSha256 = b.content();
            try {
                r.filesJson = CanonicalJson.MAPPER.writeValueAsString(new TreeMap<>(tree));
                r.reportJson = CanonicalJson.write(new Proposal(base, b.states(), b.report()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (find(benefit, b.content()).isEmpty()) {
                steps.insert(r);
                LOG.infof("Correction %s of %s proposed by %s: %s", b.content(), benefit, actor, b.states());
            }
            registries.put(b.content(), b.registry());
            return get(benefit, b.content()).orElseThrow();
        }
    }

    /** A corrected history built and validated in a private folder. */
    record Built(String content, RuleSetRegistry registry, List<ChangedState> states, ValidationReport report,
                 List<RuleSet> loaded, Path folder) {
    }

    private Built build(String benefit, Map<String, String> tree, String source) {
        Path base;
        try {
            base = Files.createTempDirectory("ops-correction-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path dir = base.resolve(benefit);
        RuleSets.writeTree(dir, tree);
        Path concepts = ruleSets.root().resolve(HistoryLoader.CONCEPTS_DIR);
        if (Files.isDirectory(concepts)) {
            RuleSets.copyTree(concepts, base.resolve(HistoryLoader.CONCEPTS_DIR));
        }
        RuleSetRegistry reg = ruleSets.registry();
        RuleSetValidator.HistoryResult v = ruleSets.validator().validateHistoryChange(dir, reg, source, null,
                RuleSetValidator.HistoryChange.CORRECTION);
        String content = RuleSetLoader.sha256(dir);
        if (!v.report().valid()) {
            RuleSets.deleteTree(base);
            return new Built(content, null, List.of(), v.report(), List.of(), null);
        }
        folders.add(base);
        List<RuleSet> after = v.states();
        List<ChangedState> changed = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            RuleSet s = after.get(i);
            if (!s.released()) {
                continue;
            }
            LocalDate to = i + 1 < after.size() ? after.get(i + 1).version().minusDays(1) : null;
            RuleSet before = reg.find(benefit, s.version()).filter(RuleSet::released).orElse(null);
            if (before == null) {
                changed.add(new ChangedState(s.id(), s.version(), to, "ADDED", null, s.sha256()));
            } else if (!before.sha256().equals(s.sha256())) {
                changed.add(new ChangedState(s.id(), s.version(), to, "CORRECTED", before.sha256(), s.sha256()));
            }
        }
        return new Built(content, reg.withBenefit(benefit, after), changed, v.report(), after, dir);
    }

    // ---------------------------------------------------------------- read

    private Optional<RuleSetChangeRecord> find(String benefit, String id) {
        return steps.corrections(benefit).stream()
                .filter(r -> r.action == RuleSetChangeRecord.Action.CORRECTION && id.equals(r.contentSha256)).findFirst();
    }

    public List<View> list(String benefit) {
        List<RuleSetChangeRecord> all = steps.corrections(benefit);
        return all.stream().filter(r -> r.action == RuleSetChangeRecord.Action.CORRECTION).map(r -> view(r, all)).toList();
    }

    public Optional<View> get(String benefit, String id) {
        List<RuleSetChangeRecord> all = steps.corrections(benefit);
        return all.stream().filter(r -> r.action == RuleSetChangeRecord.Action.CORRECTION && id.equals(r.contentSha256))
                .findFirst().map(r -> view(r, all));
    }

    private View view(RuleSetChangeRecord r, List<RuleSetChangeRecord> all) {
        Proposal p = proposal(r);
        List<HistoryChanges.Step> approvals = all.stream().filter(a -> a.action == RuleSetChangeRecord.Action.CORRECTION_APPROVAL
                && r.contentSha256.equals(a.contentSha256)).map(RuleSetChangeRecord::view).toList();
        RuleSetChangeRecord published = all.stream().filter(a -> a.action == RuleSetChangeRecord.Action.CORRECTION_PUBLISHED
                && r.contentSha256.equals(a.contentSha256)).findFirst().orElse(null);
        Optional<JobStore.JobRow> job = jobs.latestForCandidate(r.contentSha256);
        String status = published != null ? "PUBLISHED" : !approvals.isEmpty() ? "APPROVED" : "PROPOSED";
        String statusName = switch (status) {
            case "PUBLISHED" -> "opublikowana – w mocy dla nowych ocen";
            case "APPROVED" -> "zatwierdzona przez drugą osobę – czeka na publikację";
            default -> "zgłoszona – czeka na analizę skutków i zatwierdzenie";
        };
        LocalDate from = p.states().stream().map(ChangedState::from).min(LocalDate::compareTo).orElse(r.version);
        LocalDate to = p.states().stream().anyMatch(s -> s.to() == null) ? null
                : p.states().stream().map(ChangedState::to).max(LocalDate::compareTo).orElse(null);
        Long reopen = job.filter(j -> j.status() == ImpactService.Status.COMPLETED).map(j -> jobs.countItems(j.id(), null))
                .orElse(null);
        return new View(r.contentSha256, r.benefit, status, statusName, r.comment, r.actor, r.at, p.states(), from, to,
                approvals, job.map(j -> j.id().toString()).orElse(null), job.map(j -> j.status().name()).orElse(null),
                reopen, published == null ? null : published.actor, published == null ? null : published.at,
                published == null ? null : published.stateSha256, p.report());
    }

    private static Proposal proposal(RuleSetChangeRecord r) {
        try {
            return CanonicalJson.MAPPER.readValue(r.reportJson, Proposal.class);
        } catch (IOException e) {
            throw new IllegalStateException("The stored correction " + r.contentSha256 + " cannot be read", e);
        }
    }

    private static Map<String, String> files(RuleSetChangeRecord r) {
        try {
            return CanonicalJson.MAPPER.readValue(r.filesJson, new TypeReference<TreeMap<String, String>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("The stored correction " + r.contentSha256 + " cannot be read", e);
        }
    }

    // ---------------------------------------------------------------- impact

    /**
     * Starts the impact analysis of a correction: every stored decision of the benefit with a legal date in the
     * corrected states' range, re-evaluated under the corrected law in force on its legal date.
     */
    public ImpactService.JobView startImpact(String benefit, String id, String actor) {
        View v = get(benefit, id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("Brak korekty " + id));
        return impact.startCorrection(benefit, id, v.legalDateFrom(), v.legalDateTo() == null
                ? LocalDate.of(9999, 12, 31) : v.legalDateTo(), actor);
    }

    /** The registry with the corrected history of a proposed correction (rebuilt from the change log when needed). */
    public RuleSetRegistry registry(String benefit, String id) {
        RuleSetRegistry r = registries.get(id);
        if (r != null) {
            return r;
        }
        RuleSetChangeRecord rec = find(benefit, id).orElseThrow(() -> new IllegalStateException("Brak korekty " + id));
        Built b = build(benefit, files(rec), "korekta " + benefit);
        if (!b.report().valid() || !b.content().equals(id)) {
            throw new IllegalStateException("Korekta " + id + " nie daje się odtworzyć z dziennika zmian: "
                    + b.report().findings());
        }
        registries.put(id, b.registry());
        return b.registry();
    }

    // ---------------------------------------------------------------- approve, publish

    /** A proposal as stored and as it is seen now. */
    private record Found(RuleSetChangeRecord rec, View view) {
    }

    /** The proposal of a correction not yet published: 404 when there is none, 409 when it is published. */
    private Found unpublished(String benefit, String id) {
        List<RuleSetChangeRecord> all = steps.corrections(benefit);
        RuleSetChangeRecord rec = all.stream().filter(r -> r.action == RuleSetChangeRecord.Action.CORRECTION
                && id.equals(r.contentSha256)).findFirst().orElseThrow(() -> new jakarta.ws.rs.NotFoundException(
                "Brak korekty " + id + " świadczenia " + benefit));
        View v = view(rec, all);
        if (v.status().equals("PUBLISHED")) {
            throw new RuleSets.ConflictException("Korekta " + id + " jest już opublikowana / already published");
        }
        return new Found(rec, v);
    }

    /** A second person approves exactly this content; validation is re-run on it. The author cannot approve. */
    public View approve(String benefit, String id, String actor, String comment) {
        if (comment != null && comment.length() > HistoryChanges.MAX_COMMENT) {
            throw new InvalidRequestException(List.of(new FieldError("comment", "najwyżej " + HistoryChanges.MAX_COMMENT
                    + " znaków")));
        }
        synchronized (ruleSets.lock) {
            Found found = unpublished(benefit, id);
            RuleSetChangeRecord rec = found.rec();
            if (rec.actor.equals(actor)) {
                throw new RuleSets.ConflictException("Korektę zatwierdza druga osoba: " + actor + " ją zgłosił(a) i nie "
                        + "może jej zatwierdzić / the author of a correction cannot approve it");
            }
            Built b = build(benefit, files(rec), "zatwierdzenie korekty " + benefit);
            if (!b.report().valid() || !b.content().equals(id)) {
                throw new RuleSets.RefusedException("Korekta " + id + " nie przechodzi ponownej walidacji przy "
                        + "zatwierdzaniu / does not validate again at approval", b.report());
            }
            RuleSetChangeRecord a = new RuleSetChangeRecord();
            a.at = Instant.now(clock);
            a.benefit = benefit;
            a.version = rec.version;
            a.action = RuleSetChangeRecord.Action.CORRECTION_APPROVAL;
            a.actor = actor;
            a.contentSha256 = id;
            a.comment = comment;
            a.reportJson = CanonicalJson.write(b.report());
            steps.insert(a);
            LOG.infof("Correction %s of %s approved by %s", id, benefit, actor);
            return get(benefit, id).orElseThrow();
        }
    }

    /**
     * Publishes an approved correction whose impact analysis has finished: the corrected history is put in force in
     * the service's rules (never in the authored source), each corrected state is recorded as a publication, and the
     * registry is swapped – which records the new release and the moment it was taken up (the known-at axis).
     */
    public View publish(String benefit, String id, String actor, String comment) {
        synchronized (ruleSets.lock) {
            Found found = unpublished(benefit, id);
            RuleSetChangeRecord rec = found.rec();
            View v = found.view();
            if (v.approvals().isEmpty()) {
                throw new RuleSets.ConflictException("Korekta " + id + " nie została zatwierdzona przez drugą osobę: POST …/"
                        + id + "/approval / the correction needs the approval of a second person");
            }
            if (!"COMPLETED".equals(v.impactStatus())) {
                throw new RuleSets.ConflictException("Przed publikacją korekty potrzebna jest zakończona analiza skutków "
                        + "(lista decyzji do wznowienia): POST …/" + id + "/impact-analysis / the impact analysis of the "
                        + "correction must be completed before publication");
            }
            Proposal p = proposal(rec);
            Path live = ruleSets.root().resolve(benefit);
            if (!RuleSetLoader.sha256(live).equals(p.baseContentSha256())) {
                throw new RuleSets.ConflictException("Historia " + benefit + " zmieniła się od zgłoszenia korekty; zgłoś "
                        + "korektę ponownie na obecnej treści / the history changed since the correction was proposed");
            }
            Built b = build(benefit, files(rec), "publikacja korekty " + benefit);
            if (!b.report().valid() || !b.content().equals(id)) {
                throw new RuleSets.RefusedException("Korekta " + id + " nie przechodzi walidacji przy publikacji",
                        b.report());
            }
            Instant now = Instant.now(clock);
            String note = "korekta / correction " + id.substring(0, 12) + ": " + rec.comment + " (zgłosił(a): " + rec.actor
                    + "; zatwierdził(a): " + v.approvals().get(v.approvals().size() - 1).actor() + ")"
                    + (comment == null || comment.isBlank() ? "" : " – " + comment);
            Map<String, String> tree = files(rec);
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                for (ChangedState s : b.states()) {
                    ruleSets.insert(new RuleSets.Publication(s.rulesetId(), benefit, s.from(), s.sha256After(),
                            s.sha256Before(), actor, now, note), tree, b.report());
                }
            });
            HistoryChanges.swapInto(b.folder(), live);
            for (ChangedState s : b.states()) {
                ruleSets.appendLockIfMissing(s.sha256After(), s.rulesetId()); // as a restart restores it: the same release
            }
            ruleSets.swap(ruleSets.registry().withBenefit(benefit, b.loaded().stream().map(s -> s.withDirectory(live))
                    .toList()), actor, "correction of " + benefit + ": " + note);
            ruleSets.historyHashes.put(benefit, id);
            RuleSetChangeRecord pub = new RuleSetChangeRecord();
            pub.at = now;
            pub.benefit = benefit;
            pub.version = rec.version;
            pub.action = RuleSetChangeRecord.Action.CORRECTION_PUBLISHED;
            pub.actor = actor;
            pub.contentSha256 = id;
            pub.stateSha256 = ruleSets.releaseId();
            pub.comment = comment;
            steps.insert(pub);
            registries.remove(id);
            LOG.infof("Correction %s of %s published by %s (release %s)", id, benefit, actor, pub.stateSha256);
            return get(benefit, id).orElseThrow();
        }
    }

    @PreDestroy
    void removeFolders() {
        folders.stream().filter(f -> f.getFileName().toString().startsWith("ops-correction-")).forEach(RuleSets::deleteTree);
    }
}
