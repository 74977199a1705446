package pl.ops.swiadczenia.lifecycle;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import pl.ops.swiadczenia.audit.DecisionRecordRepository;
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
import pl.ops.swiadczenia.service.ReplayService;

/**
 * Impact analysis as a background job: stored decisions of a benefit in a legal-date range are read from the
 * database with a server-side cursor ({@link DecisionRecordRepository#streamForAnalysis}: a few hundred rows in
 * memory at a time), re-evaluated under a candidate version by worker threads fed through a bounded queue, and
 * compared with the stored outcome and total. Progress (done / total, rate, time left) can be read while it runs,
 * and it can be cancelled. Nothing is written to the decision store.
 */
@ApplicationScoped
public class ImpactService {
    private static final Logger LOG = Logger.getLogger(ImpactService.class);
    private static final Object POISON = new Object();

    @Inject
    DecisionRecordRepository decisions;
    @Inject
    RuleSets ruleSets;
    @Inject
    Clock clock;
    @ConfigProperty(name = "impact.workers", defaultValue = "0")
    int configuredWorkers;

    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "impact-analysis");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** Which stored decisions to replay (auditors): a benefit and a legal-date range. */
    public record ReplayRequest(String benefit, LocalDate legalDateFrom, LocalDate legalDateTo) {
    }

    public enum Kind { IMPACT, REPLAY }

    /** What to analyse: stored decisions of {@code benefit} with a legal date in the range, under {@code version}. */
    public record ImpactRequest(String benefit, LocalDate version, LocalDate legalDateFrom, LocalDate legalDateTo) {
    }

    public enum Status { RUNNING, COMPLETED, CANCELLED, FAILED }

    /** The state of a job as reported to the client. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record JobView(String id, Kind kind, Status status, ImpactRequest request, String candidateRulesetId,
                          String candidateSha256, Boolean candidateReleased, long total, long done,
                          double decisionsPerSecond, Long secondsLeft, Instant startedAt, Instant finishedAt,
                          long heapUsedMaxMb, String error, ImpactAnalysis.Summary result,
                          ReplayAnalysis.Summary replay) {
    }

    /** A running or finished job. */
    public final class Job {
        final String id = UUID.randomUUID().toString();
        final ImpactRequest request;
        final RuleSet candidate;
        final RuleSetRegistry registry;
        final Kind kind;
        final ImpactAnalysis analysis = new ImpactAnalysis();
        final ReplayAnalysis replay = new ReplayAnalysis();
        final AtomicLong done = new AtomicLong();
        final AtomicBoolean cancel = new AtomicBoolean();
        final Instant startedAt = Instant.now(clock);
        final long startNanos = System.nanoTime();
        volatile long total = -1;
        volatile Status status = Status.RUNNING;
        volatile Instant finishedAt;
        volatile long finishedNanos;
        volatile String error;
        volatile long heapMax;

        Job(Kind kind, ImpactRequest request, RuleSet candidate, RuleSetRegistry registry) {
            this.kind = kind;
            this.request = request;
            this.candidate = candidate;
            this.registry = registry;
        }

        public JobView view() {
            long d = done.get();
            long end = status == Status.RUNNING ? System.nanoTime() : finishedNanos;
            double secs = Math.max(1e-3, (end - startNanos) / 1e9);
            double rate = d / secs;
            Long left = status != Status.RUNNING || total < 0 || rate <= 0 ? null : Math.round((total - d) / rate);
            boolean impact = kind == Kind.IMPACT;
            return new JobView(id, kind, status, request, impact ? candidate.id() : null,
                    impact ? candidate.sha256() : null, impact ? candidate.released() : null,
                    Math.max(total, 0), d, Math.round(rate * 10) / 10.0, left, startedAt, finishedAt,
                    heapMax / (1024 * 1024), error, impact ? analysis.summary() : null, impact ? null : replay.summary());
        }
    }

    public JobView start(ImpactRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null || r.benefit() == null) {
            errors.add(new FieldError("benefit", "is required"));
        }
        if (r == null || r.version() == null) {
            errors.add(new FieldError("version", "is required: the candidate version (yyyy-MM-dd)"));
        }
        if (r != null && r.legalDateFrom() != null && r.legalDateTo() != null && r.legalDateFrom().isAfter(r.legalDateTo())) {
            errors.add(new FieldError("legalDateTo", "must not be before legalDateFrom"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        RuleSetRegistry registry = ruleSets.registry();
        RuleSet candidate = registry.find(r.benefit(), r.version()).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldError("version", "no loaded version " + r.benefit() + "/" + r.version()))));
        ImpactRequest req = new ImpactRequest(r.benefit(), r.version(),
                r.legalDateFrom() != null ? r.legalDateFrom() : LocalDate.of(1900, 1, 1),
                r.legalDateTo() != null ? r.legalDateTo() : LocalDate.of(9999, 12, 31));
        return submit(new Job(Kind.IMPACT, req, candidate, registry));
    }

    /** Starts a batch replay: every stored decision of the benefit in the range, under its stored version. */
    public JobView startReplay(ReplayRequest r) {
        if (r == null || r.benefit() == null || r.benefit().isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("benefit", "is required")));
        }
        if (r.legalDateFrom() != null && r.legalDateTo() != null && r.legalDateFrom().isAfter(r.legalDateTo())) {
            throw new InvalidRequestException(List.of(new FieldError("legalDateTo", "must not be before legalDateFrom")));
        }
        ImpactRequest req = new ImpactRequest(r.benefit(), null,
                r.legalDateFrom() != null ? r.legalDateFrom() : LocalDate.of(1900, 1, 1),
                r.legalDateTo() != null ? r.legalDateTo() : LocalDate.of(9999, 12, 31));
        return submit(new Job(Kind.REPLAY, req, null, ruleSets.registry()));
    }

    private JobView submit(Job job) {
        jobs.put(job.id, job);
        trim();
        runner.submit(() -> run(job));
        return job.view();
    }

    public Optional<JobView> get(Kind kind, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.kind == kind).map(Job::view);
    }

    public List<JobView> list(Kind kind) {
        return jobs.values().stream().filter(j -> j.kind == kind).map(Job::view)
                .sorted(Comparator.comparing(JobView::startedAt).reversed()).toList();
    }

    public Optional<JobView> cancel(Kind kind, String id) {
        Job j = jobs.get(id);
        if (j == null || j.kind != kind) {
            return Optional.empty();
        }
        j.cancel.set(true);
        return Optional.of(j.view());
    }

    /** Keeps the 50 most recent jobs. */
    private void trim() {
        if (jobs.size() > 50) {
            jobs.values().stream().filter(j -> j.status != Status.RUNNING)
                    .sorted(Comparator.comparing((Job j) -> j.startedAt)).limit(jobs.size() - 50L)
                    .forEach(j -> jobs.remove(j.id));
        }
    }

    private void run(Job job) {
        int workers = configuredWorkers > 0 ? configuredWorkers : Runtime.getRuntime().availableProcessors();
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1000);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int i = 0; i < workers; i++) {
                pool.submit(() -> work(job, queue));
            }
            ImpactRequest r = job.request;
            job.total = decisions.countForAnalysis(r.benefit(), r.legalDateFrom(), r.legalDateTo());
            long[] n = {0};
            decisions.streamForAnalysis(r.benefit(), r.legalDateFrom(), r.legalDateTo(), job.kind == Kind.REPLAY,
                    row -> {
                        if (job.cancel.get()) {
                            return false;
                        }
                        queue.put(row);
                        if (++n[0] % 1000 == 0) {
                            Runtime rt = Runtime.getRuntime();
                            job.heapMax = Math.max(job.heapMax, rt.totalMemory() - rt.freeMemory());
                        }
                        return true;
                    });
            for (int i = 0; i < workers; i++) {
                queue.put(POISON);
            }
            pool.shutdown();
            pool.awaitTermination(365, TimeUnit.DAYS);
            job.status = job.cancel.get() ? Status.CANCELLED : Status.COMPLETED;
        } catch (Exception e) {
            job.cancel.set(true);
            job.error = e.toString();
            job.status = Status.FAILED;
            LOG.error("Impact analysis " + job.id + " failed", e);
        } finally {
            pool.shutdownNow();
            job.finishedNanos = System.nanoTime();
            job.finishedAt = Instant.now(clock);
        }
    }

    private void work(Job job, BlockingQueue<Object> queue) {
        RuleEvaluator evaluator = new RuleEvaluator();
        try {
            while (true) {
                Object o = queue.take();
                if (o == POISON) {
                    return;
                }
                if (job.cancel.get()) {
                    continue; // drain
                }
                ForAnalysis row = (ForAnalysis) o;
                if (job.kind == Kind.REPLAY) {
                    replayOne(job, evaluator, row);
                    job.done.incrementAndGet();
                    continue;
                }
                String outcome = null;
                BigDecimal total = null;
                String note = null;
                try {
                    EvaluationRequest req = CanonicalJson.MAPPER.readValue(row.requestJson(), EvaluationRequest.class);
                    Evaluation e = EvaluationService.run(evaluator, job.candidate,
                            EvaluationService.modulesInForce(job.registry, job.candidate, req.legalDate()), req);
                    outcome = e.outcome().name();
                    total = e.amounts().total();
                } catch (Exception e) {
                    note = e.getMessage();
                }
                job.analysis.add(row.id(), row.legalDate(), row.outcome(), row.total(), outcome, total, note);
                job.done.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void replayOne(Job job, RuleEvaluator evaluator, ForAnalysis row) {
        try {
            // under the release the decision recorded (rebuilt from the database when the rules in force differ)
            pl.ops.swiadczenia.ruleset.RuleSetRegistry registry = ReplayService.registryFor(ruleSets, job.registry,
                    row.releaseId(), job.request.benefit(), row.resultJson());
            ReplayService.StoredReplay r = ReplayService.replayStored(registry, evaluator, row.id(),
                    job.request.benefit(), row.rulesetVersion(), row.rulesetId(), row.rulesetSha256(), row.legalDate(),
                    row.requestJson(), row.resultJson());
            if (r.identical()) {
                job.replay.identical(r.rulesetHashMatches());
            } else if (r.retired()) {
                job.replay.retired(new pl.ops.swiadczenia.lifecycle.ReplayAnalysis.Difference(row.id(), row.legalDate(),
                        r.rulesetId(), r.differences(), ReplayService.RETIRED));
            } else {
                job.replay.different(new ReplayAnalysis.Difference(row.id(), row.legalDate(),
                        r.rulesetId(), r.differences(), null), r.rulesetHashMatches());
            }
        } catch (Exception e) {
            job.replay.failed(new ReplayAnalysis.Difference(row.id(), row.legalDate(),
                    row.rulesetId(), List.of(), String.valueOf(e.getMessage())));
        }
    }

    @PreDestroy
    void stop() {
        jobs.values().forEach(j -> j.cancel.set(true));
        runner.shutdownNow();
    }
}
