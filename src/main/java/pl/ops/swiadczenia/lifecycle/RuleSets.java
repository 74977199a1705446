package pl.ops.swiadczenia.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import pl.ops.swiadczenia.config.RulesConfig;
import pl.ops.swiadczenia.ruleset.DecisionTables;
import pl.ops.swiadczenia.ruleset.Finding;
import pl.ops.swiadczenia.ruleset.RuleCompiler;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetLoader;
import pl.ops.swiadczenia.ruleset.RegistryHolder;
import pl.ops.swiadczenia.ruleset.RuleSetRegistry;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;

/**
 * Holds the registry of compiled ruleset versions and changes it without a redeploy: a new or changed draft folder
 * is loaded by a scan or an upload, a draft is published. Each change builds a new registry and swaps it in one
 * volatile write, so a request sees either the old or the new state, never a mix; a folder that fails validation
 * never replaces a working version. Publications are recorded append-only in the database with the full content
 * of the released folder, and restored from there at start-up if the folder is missing or was changed. The use
 * cases read the registry through {@link RegistryHolder}.
 *
 * <p>The service never writes into the authored rules ({@code rules.dir}, git): at start-up it copies them into a
 * working copy of its own ({@code rules.work-dir}, or a temporary {@code ops-rules-*} directory) and serves, stages,
 * uploads and publishes only there; a scan first copies the files changed in the authored rules since the last copy
 * (docs/adr/0017-releases-in-the-database.md).
 */
@Startup
@ApplicationScoped
public class RuleSets implements RegistryHolder {
    private static final Logger LOG = Logger.getLogger(RuleSets.class);
    private static final Pattern BENEFIT = Pattern.compile("[a-z][a-z0-9_]{1,63}");
    private static final String BENEFIT_MESSAGE = "niepoprawna nazwa świadczenia: małe litery, cyfry i _ ("
            + BENEFIT.pattern() + ")";
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
    private static final Pattern STATUS_DRAFT = Pattern.compile("(?m)^status:\\s*draft\\s*$");

    @Inject
    RulesConfig config;
    @Inject
    RuleSetPublicationRepository publicationStore;
    @Inject
    Clock clock;
    @Inject
    Releases releases;

    private volatile RuleSetRegistry registry;
    /** The release the registry {@link #releaseFor} was loaded from (recorded after every change of the registry). */
    private volatile String releaseId;
    private volatile RuleSetRegistry releaseFor;
    /** Registries rebuilt from recorded releases for the replay (a few, least recently used first out). */
    private final Map<String, RuleSetRegistry> releaseRegistries = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RuleSetRegistry> e) {
                    boolean evict = size() > RELEASE_CACHE;
                    if (evict) {
                        deleteRebuilt(e.getValue());
                    }
                    return evict;
                }
            });
    private static final int RELEASE_CACHE = 4;
    RuleSetLoader loader;
    /** Held by every change of the registry (uploads, scans, publications of folders and of dated histories). */
    final Object lock = new Object();
    /** The content hash of each dated history as loaded (benefit → hash of every file of rules/<benefit>/), for the scan. */
    final Map<String, String> historyHashes = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The working copy the rules are served from and written to (never the authored rules directory). */
    private volatile Path work;
    /** Whether {@link #work} is a temporary directory of this instance (removed at shutdown). */
    private boolean workIsTemporary;
    /** Every file of the authored rules as last copied into the working copy: relative path → SHA-256, for the scan. */
    private final Map<String, String> sourceFiles = new java.util.HashMap<>();
    private static final String WORK_PREFIX = "ops-rules-";
    /** Marks a directory as a working copy made by the service: only such a directory (or an empty one) is emptied. */
    static final String WORK_MARKER = ".ops-rules-working-copy";

    @PostConstruct
    void load() {
        synchronized (lock) {
            loader = new RuleSetLoader(new RuleCompiler(config.mode(), config.cacheDir().map(Path::of).orElse(null)));
            prepareWorkingCopy();
            registry = restorePublications(RuleSetRegistry.load(root(), loader));
            historyHashes.clear();
            for (Path h : RuleSetRegistry.historyDirs(root())) {
                historyHashes.put(h.getFileName().toString(), RuleSetLoader.sha256(h));
            }
            recordRelease("system", "start-up: rules directory " + source() + " (served from the working copy " + root() + ")");
        }
    }

    /**
     * Removes the private folders of the releases rebuilt for replays (they are rebuilt from the database when needed)
     * and the temporary working copy (only a directory named {@code ops-rules-*}, never a configured one).
     */
    @jakarta.annotation.PreDestroy
    void removeRebuiltReleases() {
        synchronized (releaseRegistries) {
            releaseRegistries.values().forEach(RuleSets::deleteRebuilt);
            releaseRegistries.clear();
        }
        removeTemporaryWorkingCopy();
    }

    private void removeTemporaryWorkingCopy() {
        Path w = work;
        if (workIsTemporary && w != null && w.getFileName() != null && w.getFileName().toString().startsWith(WORK_PREFIX)) {
            deleteTree(w);
        }
    }

    /** Deletes the private folder a release was rebuilt into – only such a folder, never a rules directory. */
    private static void deleteRebuilt(RuleSetRegistry r) {
        Path dir = r.root() == null ? null : r.root().getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().startsWith(REBUILT_PREFIX)) {
            deleteTree(dir);
        }
    }

    private static final String REBUILT_PREFIX = "ops-release-";
    private static final Pattern MODULE_KIND = Pattern.compile("(?m)^kind:\\s*module\\s*$");

    /** Swaps in a new registry (callers hold {@link #lock}) and records the rules it was loaded from as a release. */
    void swap(RuleSetRegistry r) {
        swap(r, "system", "rules directory changed");
    }

    /** As {@link #swap(RuleSetRegistry)}, saying who changed the rules and why (the release's record). */
    void swap(RuleSetRegistry r, String actor, String reason) {
        registry = r;
        recordRelease(actor, reason);
    }

    /**
     * Records the rules directory as it is now as a release (docs/adr/0017-releases-in-the-database.md). A failure is
     * logged, not thrown: the service keeps deciding, and decisions made meanwhile record no release.
     */
    private void recordRelease(String actor, String reason) {
        RuleSetRegistry r = registry;
        try {
            releaseId = releases.record(root(), actor, reason);
            releaseFor = r;
        } catch (RuntimeException e) {
            releaseId = null;
            releaseFor = null;
            LOG.errorf(e, "The rules could not be recorded as a release (%s); decisions record no release until the next change", reason);
        }
    }

    @Override
    public String releaseOf(String stateId, String sha256) {
        RuleSetRegistry r = releaseFor;
        String id = releaseId;
        if (id == null || r == null || r != registry) {
            return null;
        }
        String[] p = stateId.split("/");
        if (p.length != 2) {
            return null;
        }
        try {
            return r.find(p[0], LocalDate.parse(p[1])).filter(s -> s.sha256().equals(sha256)).map(s -> id).orElse(null);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The id of the release the current registry was loaded from; null when none is recorded. */
    public String releaseId() {
        return releaseFor == registry ? releaseId : null;
    }

    @Override
    public java.util.Optional<String> releaseAt(Instant at) {
        return releases.activeAt(at);
    }

    @Override
    public java.util.Optional<RuleSetRegistry> releaseRegistry(String id, java.util.Set<String> benefits) {
        RuleSetRegistry live = registry;
        if (id.equals(releaseId) && releaseFor == live) {
            return java.util.Optional.of(live); // the rules held now are that release
        }
        String key = id + "|" + new java.util.TreeSet<>(benefits);
        RuleSetRegistry cached = releaseRegistries.get(key);
        if (cached != null) {
            return java.util.Optional.of(cached);
        }
        java.util.Optional<Map<String, byte[]>> files = releases.files(id);
        if (files.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            Path dir = Files.createTempDirectory(REBUILT_PREFIX + id.substring(0, 12) + "-").resolve("rules");
            Releases.write(files.get(), dir);
            // the modules a benefit runs first (e.g. dochod_rodziny) come with it: read from the release's manifests
            java.util.Set<String> load = new java.util.TreeSet<>(benefits);
            files.get().forEach((path, bytes) -> {
                if (path.endsWith("/" + pl.ops.swiadczenia.ruleset.HistoryLoader.MANIFEST) && path.indexOf('/') == path.lastIndexOf('/')
                        && MODULE_KIND.matcher(new String(bytes, StandardCharsets.UTF_8)).find()) {
                    load.add(path.substring(0, path.indexOf('/')));
                }
            });
            RuleSetRegistry r = RuleSetRegistry.load(dir, loader, load::contains);
            releaseRegistries.put(key, r);
            LOG.infof("Release %s rebuilt from the database for %s (%d files)", id, benefits, files.get().size());
            return java.util.Optional.of(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public RuleSetRegistry registry() {
        return registry;
    }

    /** Start-up notes (e.g. a published version restored from the database). */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** The working copy the service serves, stages, uploads and publishes in (set at start-up). */
    Path root() {
        return work;
    }

    /** The authored rules ({@code rules.dir}, the git-tracked folder): read at start-up and by a scan, never written. */
    Path source() {
        return Path.of(config.dir()).toAbsolutePath().normalize();
    }

    // ---------------------------------------------------------------- the working copy

    /**
     * Makes the working copy: the configured {@code rules.work-dir} (emptied) or a fresh temporary directory, filled
     * with every file of the authored rules (top-level hidden entries such as {@code .staging} left out).
     */
    Path prepareWorkingCopy() {
        Path source = source();
        if (!Files.isDirectory(source)) {
            throw new pl.ops.swiadczenia.ruleset.RuleSetException("Rules directory not found: " + source);
        }
        try {
            Path dir;
            java.util.Optional<String> configured = config.workDir().filter(s -> !s.isBlank());
            if (configured.isPresent()) {
                dir = Path.of(configured.get()).toAbsolutePath().normalize();
                checkApart(source, dir);
                if (Files.exists(dir)) {
                    if (!Files.isDirectory(dir)) {
                        throw new IllegalStateException("rules.work-dir (RULES_WORK_DIR) " + dir + " is not a directory");
                    }
                    boolean empty;
                    try (Stream<Path> s = Files.list(dir)) {
                        empty = s.findAny().isEmpty();
                    }
                    if (!empty && !Files.exists(dir.resolve(WORK_MARKER))) {
                        throw new IllegalStateException("rules.work-dir (RULES_WORK_DIR) " + dir + " is neither empty nor "
                                + "a working copy made by this service (no " + WORK_MARKER + "); the service empties it at "
                                + "start-up, so choose an empty or a new directory");
                    }
                    deleteTree(dir);
                }
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(WORK_MARKER), "Working copy of " + source + ", made by the service at "
                        + "start-up; emptied at the next start. Edit the rules in " + source + ".\n", StandardCharsets.UTF_8);
                workIsTemporary = false;
            } else {
                removeTemporaryWorkingCopy(); // loaded again in the same instance (a test simulating a restart)
                dir = Files.createTempDirectory(WORK_PREFIX).toAbsolutePath().normalize();
                workIsTemporary = true;
            }
            Map<String, String> copied = sourceHashes(source);
            for (String rel : copied.keySet()) {
                Path t = dir.resolve(rel);
                Files.createDirectories(t.getParent());
                Files.copy(source.resolve(rel), t, StandardCopyOption.REPLACE_EXISTING);
            }
            synchronized (sourceFiles) {
                sourceFiles.clear();
                sourceFiles.putAll(copied);
            }
            LOG.infof("Rules: authored in %s, served from the working copy %s (%d files copied)", source, dir, copied.size());
            work = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the working copy of " + source + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a working copy that is the authored rules directory, lies inside it or contains it. */
    static void checkApart(Path source, Path work) {
        for (boolean real : new boolean[] {false, true}) {
            Path s = real ? resolved(source) : source.toAbsolutePath().normalize();
            Path w = real ? resolved(work) : work.toAbsolutePath().normalize();
            if (w.equals(s) || w.startsWith(s) || s.startsWith(w)) {
                throw new IllegalStateException("rules.work-dir (RULES_WORK_DIR) " + work + " must not be the rules "
                        + "directory (rules.dir, RULES_DIR) " + source + ", lie inside it or contain it: the service never "
                        + "writes into the authored rules and empties its working copy at start-up");
            }
        }
    }

    /** The real path of {@code p}, following links as far as the path exists. */
    private static Path resolved(Path p) {
        Path a = p.toAbsolutePath().normalize();
        try {
            return Files.exists(a) ? a.toRealPath() : a.getParent() == null ? a : resolved(a.getParent()).resolve(a.getFileName());
        } catch (IOException e) {
            return a;
        }
    }

    /** Every file under the authored rules (top-level hidden entries left out): relative path with '/' → SHA-256 of its bytes. */
    private static Map<String, String> sourceHashes(Path source) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(source)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = source.relativize(f).toString().replace('\\', '/');
                if (!rel.startsWith(".")) {
                    out.put(rel, sha256(Files.readAllBytes(f)));
                }
            }
        }
        return out;
    }

    /**
     * Brings the changes made in the authored rules since the last copy into the working copy, before a scan: every
     * file added or changed there is copied over, every file removed there is removed. Files not changed in the
     * authored rules stay as they are in the working copy (drafts uploaded and publications made through the API).
     *
     * @return the relative paths copied or removed
     */
    public List<String> syncFromSource() {
        synchronized (lock) {
            Path source = source();
            Path dir = root();
            List<String> changed = new ArrayList<>();
            try {
                Map<String, String> now = Files.isDirectory(source) ? sourceHashes(source) : Map.of();
                synchronized (sourceFiles) {
                    for (Map.Entry<String, String> f : now.entrySet()) {
                        if (!f.getValue().equals(sourceFiles.get(f.getKey()))) {
                            Path tmp = dir.resolve(".staging").resolve("sync-" + UUID.randomUUID());
                            Files.createDirectories(tmp.getParent());
                            Files.copy(source.resolve(f.getKey()), tmp);
                            Path t = dir.resolve(f.getKey());
                            Files.createDirectories(t.getParent());
                            Files.move(tmp, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                            changed.add(f.getKey());
                        }
                    }
                    for (String gone : sourceFiles.keySet()) {
                        if (!now.containsKey(gone)) {
                            Path t = dir.resolve(gone);
                            Files.deleteIfExists(t);
                            for (Path p = t.getParent(); p != null && !p.equals(dir) && isEmptyDir(p); p = p.getParent()) {
                                Files.delete(p);
                            }
                            changed.add(gone + " (removed)");
                        }
                    }
                    sourceFiles.clear();
                    sourceFiles.putAll(now);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot copy the changes of " + source + " into the working copy: "
                        + e.getMessage(), e);
            }
            if (!changed.isEmpty()) {
                LOG.infof("Scan: %d file(s) changed in %s copied into the working copy %s: %s", changed.size(), source,
                        dir, changed);
            }
            return changed;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEmptyDir(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    Path testCases() {
        return Path.of(config.testCasesDir());
    }

    RuleSetValidator validator() {
        return new RuleSetValidator(loader, Path.of(config.testCasesDir()));
    }

    // ---------------------------------------------------------------- validate, diff

    /** Validates the folder {@code rules/<benefit>/<version>} as a candidate. */
    public ValidationReport validateFolder(String benefit, LocalDate version) {
        Path dir = folder(benefit, version);
        if (!Files.isDirectory(dir)) {
            throw new jakarta.ws.rs.NotFoundException("Brak folderu rules/" + benefit + "/" + version);
        }
        return validator().validate(dir, registry, "rules/" + benefit + "/" + version).report();
    }

    /** Validates uploaded files as if they were the folder {@code rules/<benefit>/<version>}; stores nothing. */
    public ValidationReport validateUpload(String benefit, LocalDate version, Map<String, String> files) {
        checkUpload(benefit, files);
        Path staging = stage(benefit, version, files);
        try {
            return validator().validate(staging, registry, "upload " + benefit + "/" + version).report();
        } finally {
            deleteTree(staging.getParent().getParent());
        }
    }

    public RuleSetDiff.Report diff(String benefit, LocalDate from, LocalDate to) {
        RuleSetRegistry r = registry;
        RuleSet a = r.find(benefit, from)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("Brak wersji " + benefit + "/" + from));
        RuleSet b = r.find(benefit, to)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("Brak wersji " + benefit + "/" + to));
        return RuleSetDiff.diff(a, b, r, Path.of(config.testCasesDir()));
    }

    // ---------------------------------------------------------------- upload, scan

    /** Thrown when a candidate does not validate: carries the report, answered as 422. */
    public static class RefusedException extends RuntimeException {
        private final transient ValidationReport report;

        public RefusedException(String message, ValidationReport report) {
            super(message);
            this.report = report;
        }

        public ValidationReport report() {
            return report;
        }
    }

    /** Thrown when the request conflicts with the state (e.g. the version is already released): 409. */
    public static class ConflictException extends RuntimeException {
        public ConflictException(String message) {
            super(message);
        }
    }

    /**
     * Stores uploaded files as the draft folder {@code <benefit>/<version>} of the working copy and loads it, only if they
     * validate; an existing draft is replaced atomically, a released version never.
     */
    public ValidationReport upload(String benefit, LocalDate version, Map<String, String> files) {
        checkUpload(benefit, files);
        synchronized (lock) {
            RuleSet existing = registry.find(benefit, version).orElse(null);
            if (existing != null && existing.released()) {
                throw new ConflictException(existing.id() + " jest wydany i niezmienny; zmiana prawa to nowa wersja / "
                        + "is released and immutable; a change is a new version");
            }
            if (STATUS_DRAFT.matcher(files.getOrDefault(RuleSetLoader.MANIFEST, "")).results().count() != 1) {
                throw new InvalidRequestException(List.of(new FieldError("files.ruleset.yaml",
                        "przesłana wersja musi mieć 'status: draft'; wydaną staje się dopiero przez publikację")));
            }
            Path staging = stage(benefit, version, files);
            try {
                RuleSetValidator.Result v = validator().validate(staging, registry, "upload " + benefit + "/" + version);
                if (!v.report().valid()) {
                    throw new RefusedException("Przesłana wersja nie przechodzi walidacji; niczego nie zapisano / "
                            + "The uploaded version does not validate; nothing was stored", v.report());
                }
                Path target = folder(benefit, version);
                swapInto(staging, target);
                swap(registry.with(v.candidate().withDirectory(target)), "system", "draft " + v.candidate().id() + " uploaded");
                LOG.infof("Draft %s uploaded and loaded (sha256 %s)", v.candidate().id(), v.candidate().sha256());
                return v.report();
            } finally {
                deleteTree(staging.getParent().getParent());
            }
        }
    }

    /** What a scan of the rules directory did with one folder. */
    public record ScanEntry(String rulesetId, String action, String sha256, List<Finding> findings) {
    }

    /**
     * Copies the changes of the authored rules into the working copy ({@link #syncFromSource()}), then looks for new
     * or changed folders there and loads those that validate. A changed draft
     * that fails keeps its previous compiled version in force; a changed released folder is refused.
     */
    public List<ScanEntry> scan() {
        synchronized (lock) {
            syncFromSource();
            List<ScanEntry> out = new ArrayList<>();
            RuleSetRegistry r = registry;
            for (Path dir : RuleSetRegistry.versionDirs(root())) {
                String benefit = dir.getParent().getFileName().toString();
                LocalDate version = LocalDate.parse(dir.getFileName().toString());
                String id = RuleSet.idOf(benefit, version);
                RuleSet current = r.find(benefit, version).orElse(null);
                String sha = RuleSetLoader.sha256(dir);
                if (current != null && current.sha256().equals(sha)) {
                    continue;
                }
                if (current != null && current.released()) {
                    out.add(new ScanEntry(id, "REFUSED", sha, List.of(Finding.error("immutability", null, null,
                            "the folder of released " + id + " changed (sha256 " + sha + " ≠ " + current.sha256()
                                    + "); the released version stays in force – a change is a new version"))));
                    continue;
                }
                RuleSetLoader.Analysis a = loader.analyse(dir);
                if (a.ok()) {
                    r = r.with(a.ruleSet());
                    out.add(new ScanEntry(id, current == null ? "LOADED" : "RELOADED", sha, a.findings()));
                } else {
                    if (current == null) {
                        r = r.withFailure(id, String.join("\n", a.errors().stream().map(Finding::format).toList()));
                    }
                    out.add(new ScanEntry(id, current == null ? "INVALID" : "INVALID_PREVIOUS_KEPT", sha, a.findings()));
                }
            }
            swap(r, "system", "scan of the rules directory");
            return out;
        }
    }

    // ---------------------------------------------------------------- publish

    /** A recorded publication. */
    public record Publication(String rulesetId, String benefit, LocalDate version, String sha256, String draftSha256,
                              String publishedBy, Instant publishedAt, String comment) {
    }

    /**
     * Publishes a draft: validates it, writes the released folder (status: released) in place of the draft
     * atomically in the working copy, records the publication (who, when, hash, content) and swaps the registry so that the version is
     * selected by date from the next request on. Nothing changes when any step fails.
     */
    public Publication publish(String benefit, LocalDate version, String publishedBy, String comment) {
        synchronized (lock) {
            RuleSet draft = registry.find(benefit, version).orElseThrow(() ->
                    new jakarta.ws.rs.NotFoundException("Brak wczytanej wersji " + benefit + "/" + version));
            if (draft.released()) {
                throw new ConflictException(draft.id() + " jest już wydany / is already released");
            }
            Path dir = folder(benefit, version);
            if (!Files.isDirectory(dir) || !RuleSetLoader.sha256(dir).equals(draft.sha256())) {
                throw new ConflictException("Folder " + draft.id() + " zmienił się od wczytania; wczytaj go (POST "
                        + "/api/v1/rulesets/scan) i sprawdź ponownie przed publikacją / The folder of " + draft.id()
                        + " changed since it was loaded; scan and validate it again before publishing");
            }
            RuleSetValidator.Result v = validator().validate(dir, registry, "rules/" + benefit + "/" + version, true);
            if (!v.report().valid()) {
                throw new RefusedException(draft.id() + " nie przechodzi walidacji i nie może zostać wydany / "
                        + "does not validate and cannot be published", v.report());
            }
            Map<String, String> files = readFiles(dir);
            String manifest = files.get(RuleSetLoader.MANIFEST);
            if (STATUS_DRAFT.matcher(manifest).results().count() != 1) {
                throw new ConflictException("W " + RuleSetLoader.MANIFEST + " wersji " + draft.id()
                        + " potrzebny jest dokładnie jeden wiersz 'status: draft' / " + RuleSetLoader.MANIFEST
                        + " of " + draft.id() + " needs one line 'status: draft'");
            }
            files.put(RuleSetLoader.MANIFEST, STATUS_DRAFT.matcher(manifest).replaceFirst("status: released"));
            Path staging = stage(benefit, version, files);
            try {
                RuleSetLoader.Analysis released = loader.analyse(staging);
                if (!released.ok() || !released.ruleSet().released()) {
                    throw new RefusedException("Wydana postać " + draft.id() + " nie daje się wczytać / "
                            + "The released form of " + draft.id() + " does not load", v.report());
                }
                Instant now = Instant.now(clock);
                Publication p = new Publication(draft.id(), benefit, version, released.sha256(), draft.sha256(),
                        publishedBy, now, comment);
                insert(p, files, v.report());
                swapInto(staging, dir);
                appendLock(released.sha256(), draft.id());
                swap(registry.with(released.ruleSet().withDirectory(dir)), publishedBy, "publication of " + draft.id()
                        + (comment == null ? "" : ": " + comment));
                LOG.infof("Published %s by %s, sha256 %s", p.rulesetId(), publishedBy, p.sha256());
                return p;
            } finally {
                deleteTree(staging.getParent().getParent());
            }
        }
    }

    public List<Publication> publications() {
        return publicationStore.inOrder().stream().map(RuleSetPublicationRecord::view).toList();
    }

    void insert(Publication p, Map<String, String> files, ValidationReport report) {
        try {
            RuleSetPublicationRecord r = new RuleSetPublicationRecord();
            r.rulesetId = p.rulesetId();
            r.benefit = p.benefit();
            r.version = p.version();
            r.sha256 = p.sha256();
            r.draftSha256 = p.draftSha256();
            r.publishedBy = p.publishedBy();
            r.publishedAt = p.publishedAt();
            r.comment = p.comment();
            r.filesJson = CanonicalJson.MAPPER.writeValueAsString(new TreeMap<>(files));
            r.validationReport = CanonicalJson.MAPPER.writeValueAsString(report);
            publicationStore.insert(r);
        } catch (IOException | RuntimeException e) {
            throw new ConflictException("Publikacji " + p.rulesetId() + " nie udało się zapisać (" + e.getMessage()
                    + "); niczego nie opublikowano / The publication of " + p.rulesetId() + " could not be recorded; "
                    + "nothing was published");
        }
    }

    /**
     * Published versions whose folder is missing, still a draft or changed are rebuilt from the recorded content; a
     * dated history whose published states are not all on disk as released is rebuilt from its latest publication.
     * Both are written into the working copy (with their lines in its {@code released.sha256}), so that the working
     * copy – and the release recorded from it – holds what is served; the authored rules are never written.
     */
    RuleSetRegistry restorePublications(RuleSetRegistry r) {
        try {
            List<RuleSetPublicationRecord> all = publicationStore.inOrder();
            Map<String, List<RuleSetPublicationRecord>> histories = new TreeMap<>();
            for (RuleSetPublicationRecord p : all) {
                Map<String, String> files = CanonicalJson.MAPPER.readValue(p.filesJson, new TypeReference<>() { });
                if (files.containsKey(pl.ops.swiadczenia.ruleset.HistoryLoader.MANIFEST)) {
                    histories.computeIfAbsent(p.benefit, b -> new ArrayList<>()).add(p);
                    continue;
                }
                RuleSet current = r.find(p.benefit, p.version).orElse(null);
                if (current != null && current.released() && current.sha256().equals(p.sha256)) {
                    continue;
                }
                Path restored = stage(p.benefit, p.version, files);
                try {
                    RuleSet rsRestored = loader.load(restored);
                    if (!rsRestored.sha256().equals(p.sha256)) {
                        LOG.errorf("Published %s cannot be rebuilt identically (sha256 %s ≠ %s)", p.rulesetId,
                                rsRestored.sha256(), p.sha256);
                        continue;
                    }
                    Path target = root().resolve(p.benefit).resolve(p.version.toString());
                    swapInto(restored, target);
                    r = r.with(rsRestored.withDirectory(target));
                    appendLockIfMissing(p.sha256, p.rulesetId);
                } finally {
                    deleteTree(restored.getParent().getParent());
                }
                String note = "Published " + p.rulesetId + " restored from its publication record: the folder is "
                        + (current == null ? "missing" : current.released() ? "changed" : "still a draft");
                notices.add(note);
                LOG.warn(note);
            }
            for (List<RuleSetPublicationRecord> ps : histories.values()) {
                r = restoreHistory(r, ps);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Publications could not be checked at start-up: " + e.getMessage(), e);
        }
        return r;
    }

    /** A dated history with a published state missing (or not released, or changed) is rebuilt from its latest record. */
    private RuleSetRegistry restoreHistory(RuleSetRegistry r, List<RuleSetPublicationRecord> ps) throws IOException {
        String benefit = ps.get(0).benefit;
        // a correction publishes a state again with another hash (ADR 0018): the latest publication of each date counts
        Map<LocalDate, RuleSetPublicationRecord> latestOfDate = new TreeMap<>();
        ps.forEach(p -> latestOfDate.put(p.version, p));
        RuleSetPublicationRecord last = ps.get(ps.size() - 1);
        ps = ps.stream().filter(p -> latestOfDate.get(p.version) == p || p == last).toList();
        List<String> missing = new ArrayList<>();
        for (RuleSetPublicationRecord p : ps) {
            RuleSet current = r.find(benefit, p.version).orElse(null);
            if (current == null || !current.released() || !current.sha256().equals(p.sha256)) {
                missing.add(p.rulesetId);
            }
        }
        if (missing.isEmpty()) {
            return r;
        }
        RuleSetPublicationRecord latest = ps.get(ps.size() - 1);
        Map<String, String> files = CanonicalJson.MAPPER.readValue(latest.filesJson, new TypeReference<>() { });
        // staged beside the working copy's histories (same file system), with the shared concepts it uses
        Path tmpRoot = root().resolve(".staging").resolve(UUID.randomUUID().toString());
        try {
            writeTree(tmpRoot.resolve(benefit), files);
            Path concepts = root().resolve(pl.ops.swiadczenia.ruleset.HistoryLoader.CONCEPTS_DIR);
            if (Files.isDirectory(concepts)) {
                copyTree(concepts, tmpRoot.resolve(pl.ops.swiadczenia.ruleset.HistoryLoader.CONCEPTS_DIR));
            }
            pl.ops.swiadczenia.ruleset.HistoryLoader.Result res = loader.history().analyse(tmpRoot.resolve(benefit));
            if (!res.ok()) {
                LOG.errorf("Published history of %s cannot be rebuilt: %s", benefit, res.findings());
                return r;
            }
            for (RuleSetPublicationRecord p : ps) {
                boolean same = res.states().stream().anyMatch(s -> s.version().equals(p.version) && s.released()
                        && s.sha256().equals(p.sha256));
                if (!same) {
                    LOG.errorf("Published %s cannot be rebuilt identically from the record of %s", p.rulesetId, latest.rulesetId);
                    return r;
                }
            }
            Path live = root().resolve(benefit);
            replace(tmpRoot.resolve(benefit), live, tmpRoot.resolve(".replaced"));
            for (RuleSetPublicationRecord p : ps) {
                appendLockIfMissing(p.sha256, p.rulesetId);
            }
            String note = "Published " + missing + " restored from the publication record of " + latest.rulesetId
                    + ": the history rules/" + benefit + "/ of the rules directory lacks them as released";
            notices.add(note);
            LOG.warn(note);
            return r.withBenefit(benefit, res.states().stream().map(s -> s.withDirectory(live)).toList());
        } finally {
            deleteTree(tmpRoot);
        }
    }

    // ---------------------------------------------------------------- files

    private Path folder(String benefit, LocalDate version) {
        if (!BENEFIT.matcher(benefit).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("benefit", BENEFIT_MESSAGE)));
        }
        return root().resolve(benefit).resolve(version.toString());
    }

    private static void checkUpload(String benefit, Map<String, String> files) {
        List<FieldError> errors = new ArrayList<>();
        if (!BENEFIT.matcher(benefit).matches()) {
            errors.add(new FieldError("benefit", BENEFIT_MESSAGE));
        }
        if (files == null || files.isEmpty()) {
            errors.add(new FieldError("files", "pole wymagane: mapa „nazwa pliku → treść” (ruleset.yaml, "
                    + "parameters.yaml, *.drl, *.drl.csv)"));
        } else {
            long total = 0;
            if (files.size() > 100) {
                errors.add(new FieldError("files", "za dużo plików: dozwolone najwyżej 100"));
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                String n = f.getKey();
                boolean kind = n.endsWith(".drl") || n.endsWith(".yaml") || n.endsWith(DecisionTables.SUFFIX) || n.endsWith(".md");
                if (!FILE.matcher(n).matches() || n.contains("..") || !kind) {
                    errors.add(new FieldError("files." + n, "niedozwolona nazwa pliku: dozwolona sama nazwa pliku "
                            + "(bez folderów ani „..”) zakończona .drl, .yaml, .drl.csv albo .md"));
                }
                if (f.getValue() == null) {
                    errors.add(new FieldError("files." + n, "wymagana treść pliku"));
                } else {
                    total += f.getValue().length();
                    if (f.getValue().length() > 1_000_000) {
                        errors.add(new FieldError("files." + n, "plik za duży: dozwolone najwyżej 1 000 000 znaków"));
                    }
                }
            }
            if (total > 5_000_000) {
                errors.add(new FieldError("files", "pliki za duże: dozwolone łącznie najwyżej 5 000 000 znaków"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** Writes files to {@code <rules>/.staging/<uuid>/<benefit>/<version>} (same file system: moves are renames). */
    private Path stage(String benefit, LocalDate version, Map<String, String> files) {
        Path dir = root().resolve(".staging").resolve(UUID.randomUUID().toString()).resolve(benefit)
                .resolve(version.toString());
        writeFiles(dir, files);
        return dir;
    }

    private static void writeFiles(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readFiles(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Puts the staged folder at {@code target}: the old folder is renamed away first, then the new one renamed in. */
    static void swapInto(Path staged, Path target) {
        replace(staged, target, staged.getParent().getParent().resolve("replaced"));
    }

    /** Puts {@code staged} at {@code target}, the old folder renamed to {@code aside} first (same file system). */
    private static void replace(Path staged, Path target, Path old) {
        try {
            Files.createDirectories(target.getParent());
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
            throw new UncheckedIOException("Cannot move the version folder into place: " + e.getMessage(), e);
        }
    }

    void appendLock(String sha, String id) {
        Path lockFile = root().resolve("released.sha256");
        try {
            if (Files.isRegularFile(lockFile)) {
                Files.writeString(lockFile, sha + "  " + id + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            LOG.warnf("Could not append %s to %s: %s", id, lockFile, e.getMessage());
        }
    }

    /** Appends the line of a restored publication to the working copy's lock file, unless it holds it already. */
    void appendLockIfMissing(String sha, String id) {
        Path lockFile = root().resolve("released.sha256");
        try {
            if (Files.isRegularFile(lockFile) && !Files.readAllLines(lockFile, StandardCharsets.UTF_8).contains(sha + "  " + id)) {
                appendLock(sha, id);
            }
        } catch (IOException e) {
            LOG.warnf("Could not read %s: %s", lockFile, e.getMessage());
        }
    }

    /** Writes files given by relative paths ({@code parametry/x.yaml}) under {@code dir}. */
    static void writeTree(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path t = dir.resolve(f.getKey()).normalize();
                if (!t.startsWith(dir)) {
                    throw new IllegalArgumentException("path outside " + dir + ": " + f.getKey());
                }
                Files.createDirectories(t.getParent());
                Files.writeString(t, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code dir} (not hidden), relative path with '/' → content. */
    static Map<String, String> readTree(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (!rel.startsWith(".") && !rel.contains("/.")) {
                    out.put(rel, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static void copyTree(Path from, Path to) {
        writeTree(to, readTree(from));
    }

    static void deleteTree(Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
