package pl.ops.swiadczenia.lifecycle;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import pl.ops.swiadczenia.audit.DecisionRecordRepository.ForAnalysis;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.engine.RuleEvaluator;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.EvaluationService;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;
import pl.ops.swiadczenia.service.JsonDiff;
import pl.ops.swiadczenia.service.ReplayService;

/**
 * Impact analyses and batch replays as jobs stored in PostgreSQL ({@link JobStore}, ADR 0018): a job is cut into
 * chunks of stored decisions when it is created; worker threads of every instance claim chunks with
 * {@code FOR UPDATE SKIP LOCKED} for a lease, re-evaluate (impact: under the candidate state of the law) or replay
 * (under the release each decision recorded) the decisions of the chunk, and store the chunk's summary and the
 * decisions it found changed in one transaction. A job survives a restart (its open chunks are claimed again once
 * their lease has run out) and is shared by the instances on one database without a chunk being done twice. Progress
 * (done / total, rate, time left) and the report are read from the database; nothing is written to the decision store.
 */
@ApplicationScoped
public class ImpactService {
    private static final Logger LOG = Logger.getLogger(ImpactService.class);

    @Inject
    RuleSets ruleSets;
    @Inject
    Clock clock;
    @Inject
    JobStore store;
    @Inject
    Corrections corrections;
    @Inject
    ShadowRuns shadowRuns;
    @ConfigProperty(name = "impact.workers", defaultValue = "0")
    int configuredWorkers;
    @ConfigProperty(name = "jobs.chunk-size", defaultValue = "500")
    int chunkSize;
    @ConfigProperty(name = "jobs.lease", defaultValue = "PT2M")
    Duration lease;
    @ConfigProperty(name = "jobs.poll", defaultValue = "PT2S")
    Duration poll;

    /** This instance's name in the job tables (host, process, a random part). */
    final String instance = instanceName();
    private final List<Thread> workers = new ArrayList<>();
    private final Object wake = new Object();
    private volatile boolean stopped;
    /** What a job needs to evaluate, resolved once per job and instance. */
    private final Map<UUID, Context> contexts = new ConcurrentHashMap<>();

    /** Which stored decisions to replay (auditors): a benefit and a legal-date range. */
    public record ReplayRequest(String benefit, LocalDate legalDateFrom, LocalDate legalDateTo) {
    }

    public enum Kind { IMPACT, REPLAY }

    /**
     * What to analyse: stored decisions of {@code benefit} with a legal date in the range, under {@code version}; or,
     * for a correction of released law ({@code correction}: its content hash, started through the corrections API),
     * each under the corrected state in force on its legal date.
     */
    public record ImpactRequest(String benefit, LocalDate version, LocalDate legalDateFrom, LocalDate legalDateTo,
                                String correction) {
        public ImpactRequest(String benefit, LocalDate version, LocalDate legalDateFrom, LocalDate legalDateTo) {
            this(benefit, version, legalDateFrom, legalDateTo, null);
        }
    }

    public enum Status { RUNNING, COMPLETED, CANCELLED, FAILED }

    /** The state of a job as reported to the client. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record JobView(String id, Kind kind, Status status, ImpactRequest request, String candidateRulesetId,
                          String candidateSha256, Boolean candidateReleased, long total, long done,
                          double decisionsPerSecond, Long secondsLeft, Instant startedAt, Instant finishedAt,
                          long heapUsedMaxMb, String error, ImpactAnalysis.Summary result,
                          ReplayAnalysis.Summary replay, String createdBy, String candidateReleaseId, long chunks,
                          Long itemsListed) {
    }

    /** A job's candidate state and the registry of its modules (impact), or the registry to replay from. */
    record Context(JobStore.JobRow job, ImpactRequest request, RuleSet candidate, RuleSetRegistry registry) {
    }

    void onStart(@Observes StartupEvent e) {
        int n = configuredWorkers > 0 ? configuredWorkers : Runtime.getRuntime().availableProcessors();
        if (configuredWorkers < 0) {
            n = 0; // this instance takes no chunks (another does)
        }
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(this::workLoop, "job-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        LOG.infof("Job workers: %d on instance %s (chunks of %d decisions, lease %s)", n, instance, chunkSize, lease);
    }

    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    public JobView start(ImpactRequest r) {
        return start(r, "system");
    }

    /** Starts an impact analysis of {@code r} for {@code actor}. */
    public JobView start(ImpactRequest r, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null || r.benefit() == null) {
            errors.add(new FieldError("benefit", "pole wymagane"));
        }
        if (r == null || r.version() == null) {
            errors.add(new FieldError("version", "pole wymagane: wersja kandydująca (data w formacie RRRR-MM-DD)"));
        }
        if (r != null && r.correction() != null) {
            errors.add(new FieldError("correction", "analizę skutków korekty uruchamia POST /api/v1/corrections/{benefit}/"
                    + "{id}/impact-analysis"));
        }
        if (r != null && r.legalDateFrom() != null && r.legalDateTo() != null && r.legalDateFrom().isAfter(r.legalDateTo())) {
            errors.add(new FieldError("legalDateTo", "nie może być wcześniejsza niż legalDateFrom"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        RuleSetRegistry registry = ruleSets.registry();
        RuleSet candidate = registry.find(r.benefit(), r.version()).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldError("version", "brak wczytanej wersji " + r.benefit() + "/" + r.version()))));
        ImpactRequest req = new ImpactRequest(r.benefit(), r.version(),
                r.legalDateFrom() != null ? r.legalDateFrom() : LocalDate.of(1900, 1, 1),
                r.legalDateTo() != null ? r.legalDateTo() : LocalDate.of(9999, 12, 31));
        String releaseId = ruleSets.releaseId();
        return submit(Kind.IMPACT, req, candidate, releaseId, actor);
    }

    /** Starts the impact analysis of a proposed correction (content hash {@code correction}) over a legal-date range. */
    public JobView startCorrection(String benefit, String correction, LocalDate from, LocalDate to, String actor) {
        ImpactRequest req = new ImpactRequest(benefit, null, from, to, correction);
        Instant now = Instant.now(clock);
        JobStore.JobRow row = new JobStore.JobRow(UUID.randomUUID(), Kind.IMPACT, benefit, CanonicalJson.write(req),
                "korekta " + benefit, correction, false, null, actor == null ? "system" : actor, now, now, 0, 0,
                Status.RUNNING, null, null, 0);
        JobStore.JobRow stored = store.create(row, from, to, Math.max(1, chunkSize));
        synchronized (wake) {
            wake.notifyAll();
        }
        return view(stored);
    }

    /** Starts a batch replay: every stored decision of the benefit in the range, under its stored version. */
    public JobView startReplay(ReplayRequest r) {
        return startReplay(r, "system");
    }

    /** Starts a batch replay of {@code r} for {@code actor}. */
    public JobView startReplay(ReplayRequest r, String actor) {
        if (r == null || r.benefit() == null || r.benefit().isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("benefit", "pole wymagane")));
        }
        if (r.legalDateFrom() != null && r.legalDateTo() != null && r.legalDateFrom().isAfter(r.legalDateTo())) {
            throw new InvalidRequestException(List.of(new FieldError("legalDateTo",
                    "nie może być wcześniejsza niż legalDateFrom")));
        }
        ImpactRequest req = new ImpactRequest(r.benefit(), null,
                r.legalDateFrom() != null ? r.legalDateFrom() : LocalDate.of(1900, 1, 1),
                r.legalDateTo() != null ? r.legalDateTo() : LocalDate.of(9999, 12, 31));
        return submit(Kind.REPLAY, req, null, null, actor);
    }

    private JobView submit(Kind kind, ImpactRequest req, RuleSet candidate, String releaseId, String actor) {
        Instant now = Instant.now(clock);
        JobStore.JobRow row = new JobStore.JobRow(UUID.randomUUID(), kind, req.benefit(), CanonicalJson.write(req),
                candidate == null ? null : candidate.id(), candidate == null ? null : candidate.sha256(),
                candidate == null ? null : candidate.released(), releaseId, actor == null ? "system" : actor, now, now,
                0, 0, Status.RUNNING, null, null, 0);
        JobStore.JobRow stored = store.create(row, req.legalDateFrom(), req.legalDateTo(), Math.max(1, chunkSize));
        synchronized (wake) {
            wake.notifyAll();
        }
        return view(stored);
    }

    public Optional<JobView> get(Kind kind, String id) {
        return parse(id).flatMap(store::get).filter(j -> j.kind() == kind).map(this::view);
    }

    /** The job row itself (kind checked), for the lists of decisions. */
    public Optional<JobStore.JobRow> row(Kind kind, String id) {
        return parse(id).flatMap(store::get).filter(j -> j.kind() == kind);
    }

    public List<JobView> list(Kind kind) {
        return store.recent(kind, 50).stream().map(this::view).toList();
    }

    public Optional<JobView> cancel(Kind kind, String id) {
        Optional<JobStore.JobRow> j = parse(id).flatMap(store::get).filter(r -> r.kind() == kind);
        j.ifPresent(r -> store.end(r.id(), Status.CANCELLED, null));
        return j.flatMap(r -> store.get(r.id())).map(this::view);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The view of a stored job: progress from its finished chunks, the report merged from their summaries. */
    JobView view(JobStore.JobRow j) {
        JobStore.Progress p = store.progress(j.id());
        if (j.status() == Status.RUNNING && p.summaries().size() == j.chunks() && store.finishIfDone(j.id())) {
            j = store.get(j.id()).orElse(j);
        }
        ImpactAnalysis impact = j.kind() == Kind.IMPACT ? new ImpactAnalysis() : null;
        ReplayAnalysis replay = j.kind() == Kind.REPLAY ? new ReplayAnalysis() : null;
        for (String s : p.summaries()) {
            try {
                if (impact != null) {
                    impact.merge(CanonicalJson.MAPPER.readValue(s, ImpactAnalysis.Summary.class));
                } else {
                    replay.merge(CanonicalJson.MAPPER.readValue(s, ReplayAnalysis.Summary.class));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("A stored summary of job " + j.id() + " cannot be read", e);
            }
        }
        Instant end = j.status() == Status.RUNNING ? Instant.now(clock) : j.finishedAt();
        double secs = Math.max(1e-3, Duration.between(j.createdAt(), end == null ? j.createdAt() : end).toMillis() / 1000.0);
        double rate = p.done() / secs;
        Long left = j.status() != Status.RUNNING || rate <= 0 ? null : Math.round((j.total() - p.done()) / rate);
        ImpactRequest req;
        try {
            req = CanonicalJson.MAPPER.readValue(j.requestJson(), ImpactRequest.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The stored request of job " + j.id() + " cannot be read", e);
        }
        boolean isImpact = j.kind() == Kind.IMPACT;
        Long listed = j.status() == Status.RUNNING ? null : store.countItems(j.id(), null);
        return new JobView(j.id().toString(), j.kind(), j.status(), req, j.candidateRulesetId(), j.candidateSha256(),
                j.candidateReleased(), j.total(), p.done(), Math.round(rate * 10) / 10.0, left, j.createdAt(),
                j.finishedAt(), j.heapMaxMb(), j.error(), isImpact ? impact.summary() : null,
                isImpact ? null : replay.summary(), j.createdBy(), j.candidateReleaseId(), j.chunks(), listed);
    }

    // ---------------------------------------------------------------- workers

    private void workLoop() {
        RuleEvaluator evaluator = new RuleEvaluator();
        boolean first = Thread.currentThread().getName().endsWith("-0");
        while (!stopped) {
            try {
                Optional<JobStore.Claim> c = store.claim(instance, lease);
                if (c.isPresent()) {
                    runChunk(c.get(), evaluator, Integer.MAX_VALUE);
                    continue;
                }
                // idle: the first worker catches up shadow results no event produced (ShadowRuns.catchUp)
                if (first && shadowRuns.catchUp(200) > 0) {
                    continue;
                }
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.warnf("Job worker: %s (retrying)", e.getMessage());
            }
            synchronized (wake) {
                try {
                    wake.wait(poll.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Claims one chunk for {@code worker} (any instance name), or none; for tests of workers that die. */
    public Optional<JobStore.Claim> claim(String worker) {
        return store.claim(worker, lease);
    }

    /**
     * Works on a claimed chunk: evaluates at most {@code limit} of its decisions and stores its result if it got
     * through all of them and still holds the chunk. Returns true when the chunk's result was stored. A limit below
     * the chunk's size is what a worker that dies midway does (tests).
     */
    public boolean runChunk(JobStore.Claim claim, RuleEvaluator evaluator, int limit) {
        Context ctx;
        try {
            ctx = context(claim.jobId());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s cannot run", claim.jobId());
            store.end(claim.jobId(), Status.FAILED, String.valueOf(e.getMessage()));
            contexts.remove(claim.jobId());
            return false;
        }
        if (ctx == null) {
            return false;
        }
        boolean replay = ctx.job().kind() == Kind.REPLAY;
        List<String> caseRefs = new ArrayList<>();
        List<ForAnalysis> rows = store.rows(ctx.job(), claim, replay, caseRefs);
        ImpactAnalysis impact = new ImpactAnalysis();
        ReplayAnalysis replays = new ReplayAnalysis();
        List<JobStore.Item> items = new ArrayList<>();
        long renewed = System.nanoTime();
        for (int i = 0; i < rows.size(); i++) {
            if (i >= limit) {
                return false;
            }
            if (i % 50 == 49 && System.nanoTime() - renewed > lease.toNanos() / 3) {
                if (store.get(claim.jobId()).map(j -> j.status() != Status.RUNNING).orElse(true)
                        || !store.renew(claim, lease)) {
                    return false; // cancelled, or taken over after the lease ran out
                }
                renewed = System.nanoTime();
            }
            ForAnalysis row = rows.get(i);
            if (replay) {
                replayOne(ctx, evaluator, row, caseRefs.get(i), replays, items);
            } else {
                impactOne(ctx, evaluator, row, caseRefs.get(i), impact, items);
            }
        }
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        String summary = CanonicalJson.write(replay ? replays.summary() : impact.summary());
        boolean stored = store.complete(claim, summary, items, heapMb);
        if (stored) {
            store.finishIfDone(claim.jobId()); // after the chunk's commit (see JobStore.finishIfDone)
        } else {
            LOG.infof("Chunk %d of job %s was taken over by another worker; its result is left to it", claim.chunkNo(),
                    claim.jobId());
        }
        return stored;
    }

    private Context context(UUID jobId) {
        Context c = contexts.get(jobId);
        if (c != null) {
            return c;
        }
        JobStore.JobRow job = store.get(jobId).orElse(null);
        if (job == null || job.status() != Status.RUNNING) {
            return null;
        }
        ImpactRequest req;
        try {
            req = CanonicalJson.MAPPER.readValue(job.requestJson(), ImpactRequest.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored request unreadable", e);
        }
        RuleSetRegistry registry = ruleSets.registry();
        RuleSet candidate = null;
        if (job.kind() == Kind.IMPACT && req.correction() != null) {
            registry = corrections.registry(req.benefit(), req.correction());
        } else if (job.kind() == Kind.IMPACT) {
            RuleSet live = registry.find(req.benefit(), req.version()).orElse(null);
            if (live == null || !live.sha256().equals(job.candidateSha256())) {
                // the candidate is not held here (another instance, or a change since): from its recorded release
                if (job.candidateReleaseId() == null) {
                    throw new IllegalStateException("Stan " + job.candidateRulesetId() + " (sha256 "
                            + job.candidateSha256() + ") nie jest już wczytany, a zadanie nie zapisało jego wydania");
                }
                registry = ruleSets.releaseRegistry(job.candidateReleaseId(), java.util.Set.of(req.benefit()))
                        .orElseThrow(() -> new IllegalStateException("Wydanie " + job.candidateReleaseId()
                                + " nie jest zapisane w bazie"));
                live = registry.find(req.benefit(), req.version()).filter(s -> s.sha256().equals(job.candidateSha256()))
                        .orElseThrow(() -> new IllegalStateException("Wydanie " + job.candidateReleaseId()
                                + " nie zawiera stanu " + job.candidateRulesetId() + " o sha256 " + job.candidateSha256()));
            }
            candidate = live;
        }
        c = new Context(job, req, candidate, registry);
        if (contexts.size() > 16) {
            contexts.clear();
        }
        contexts.put(jobId, c);
        return c;
    }

    private static void impactOne(Context ctx, RuleEvaluator evaluator, ForAnalysis row, String caseRef,
                                  ImpactAnalysis acc, List<JobStore.Item> items) {
        String outcome = null;
        BigDecimal total = null;
        String note = null;
        try {
            EvaluationRequest req = CanonicalJson.MAPPER.readValue(row.requestJson(), EvaluationRequest.class);
            // a correction: the corrected state in force on the decision's legal date
            RuleSet state = ctx.candidate() != null ? ctx.candidate() : ctx.registry().select(ctx.request().benefit(),
                    req.legalDate());
            Evaluation e = EvaluationService.run(evaluator, state,
                    EvaluationService.modulesInForce(ctx.registry(), state, req.legalDate()), req);
            outcome = e.outcome().name();
            total = e.amounts().total();
        } catch (Exception e) {
            note = e.getMessage();
        }
        ImpactAnalysis.Kind kind = acc.add(row.id(), row.legalDate(), row.outcome(), row.total(), outcome, total, note);
        if (kind != ImpactAnalysis.Kind.UNCHANGED) {
            items.add(new JobStore.Item(row.id(), row.legalDate(), caseRef, kind.name(), row.outcome(), row.total(),
                    outcome, total, total == null ? null : total.subtract(row.total()), note));
        }
    }

    private void replayOne(Context ctx, RuleEvaluator evaluator, ForAnalysis row, String caseRef, ReplayAnalysis acc,
                           List<JobStore.Item> items) {
        String benefit = ctx.request().benefit();
        try {
            // under the release the decision recorded (rebuilt from the database when the rules in force differ)
            RuleSetRegistry registry = ReplayService.registryFor(ruleSets, ruleSets.registry(), row.releaseId(),
                    benefit, row.resultJson());
            ReplayService.StoredReplay r = ReplayService.replayStored(registry, evaluator, row.id(), benefit,
                    row.rulesetVersion(), row.rulesetId(), row.rulesetSha256(), row.legalDate(), row.requestJson(),
                    row.resultJson());
            if (r.identical()) {
                acc.identical(r.rulesetHashMatches());
            } else if (r.retired()) {
                ReplayAnalysis.Difference d = new ReplayAnalysis.Difference(row.id(), row.legalDate(), r.rulesetId(),
                        r.differences(), ReplayService.RETIRED);
                acc.retired(d);
                if (!r.differences().isEmpty()) {
                    items.add(replayItem(row, caseRef, "RETIRED_OTHER_RESULT", d));
                }
            } else {
                ReplayAnalysis.Difference d = new ReplayAnalysis.Difference(row.id(), row.legalDate(), r.rulesetId(),
                        r.differences(), null);
                acc.different(d, r.rulesetHashMatches());
                items.add(replayItem(row, caseRef, "DIFFERENT", d));
            }
        } catch (Exception e) {
            ReplayAnalysis.Difference d = new ReplayAnalysis.Difference(row.id(), row.legalDate(), row.rulesetId(),
                    List.of(), String.valueOf(e.getMessage()));
            acc.failed(d);
            items.add(replayItem(row, caseRef, "NOT_REPLAYABLE", d));
        }
    }

    private static JobStore.Item replayItem(ForAnalysis row, String caseRef, String kind, ReplayAnalysis.Difference d) {
        String note = d.reason() != null ? d.reason() : d.fields().stream().limit(5).map(JsonDiff.Difference::path)
                .collect(java.util.stream.Collectors.joining(", "));
        return new JobStore.Item(row.id(), row.legalDate(), caseRef, kind, row.outcome(), row.total(), null, null, null,
                note);
    }

    /** A page of the decisions a job listed ({@code kind} null = all). */
    public List<JobStore.Item> items(UUID job, String kind, int offset, int limit) {
        return store.items(job, kind, offset, limit);
    }

    public long countItems(UUID job, String kind) {
        return store.countItems(job, kind);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        workers.forEach(Thread::interrupt);
    }
}
