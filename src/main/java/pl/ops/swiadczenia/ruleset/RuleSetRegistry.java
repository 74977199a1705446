package pl.ops.swiadczenia.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * All ruleset versions found under the rules directory, each compiled once. Selects the version in force on a
 * case's legal date: the released version with the latest {@code effective_from} not after the date, unless that
 * version has an {@code effective_to} before the date. Drafts are listed but never selected.
 */
public class RuleSetRegistry {
    private static final Logger LOG = Logger.getLogger(RuleSetRegistry.class);

    private final Path root;
    private final Map<String, NavigableMap<LocalDate, RuleSet>> byBenefit = new TreeMap<>();
    private final Map<String, String> failures = new TreeMap<>();
    /** Hashes of version folders of the retired representation (rules/retired.sha256): hash → benefit/version. */
    private final Map<String, String> retired = new TreeMap<>();

    private RuleSetRegistry(Path root) {
        this.root = root;
    }

    /** A registry with nothing loaded yet (tests and tools add legal states with {@link #with(RuleSet)}). */
    public static RuleSetRegistry empty(Path root) {
        return new RuleSetRegistry(root.toAbsolutePath().normalize());
    }

    /** Loads and compiles every {@code <benefit>/<version>/} folder under {@code root}. */
    public static RuleSetRegistry load(Path root, RuleSetLoader loader) {
        return load(root, loader, benefit -> true);
    }

    /** Loads only the benefits (and modules) the filter accepts: the terminal tools need one benefit, not all. */
    public static RuleSetRegistry load(Path root, RuleSetLoader loader, java.util.function.Predicate<String> benefits) {
        RuleSetRegistry r = new RuleSetRegistry(root.toAbsolutePath().normalize());
        if (!Files.isDirectory(root)) {
            throw new RuleSetException("Rules directory not found: " + r.root);
        }
        r.retired.putAll(readRetired(root.resolve(RETIRED_FILE)));
        // versions compile independently: use the available cores, then register in a fixed order
        List<Path> dirs = versionDirs(root).stream()
                .filter(d -> benefits.test(d.getParent().getFileName().toString())).toList();
        int threads = Math.max(1, Math.min(Math.max(dirs.size(), 2),
                Integer.getInteger("rules.compile.threads", Runtime.getRuntime().availableProcessors())));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Object>> results = new ArrayList<>();
            for (Path versionDir : dirs) {
                results.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        RuleSet rs = loader.load(versionDir);
                        LOG.infof("Ruleset %s (%s) compiled in %d ms, sha256 %s", rs.id(), rs.manifest().status(),
                                (System.nanoTime() - t0) / 1_000_000, rs.sha256());
                        return rs;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (int i = 0; i < dirs.size(); i++) {
                try {
                    outcomes.add(results.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RuleSetException("Interrupted while compiling " + dirs.get(i), e);
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            // benefits written as one dated history: each derives its legal states (logic compiled once per unit)
            List<Path> histories = historyDirs(root).stream()
                    .filter(d -> benefits.test(d.getFileName().toString())).toList();
            List<java.util.concurrent.Future<HistoryLoader.Result>> hs = new ArrayList<>();
            for (Path h : histories) {
                hs.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    HistoryLoader.Result res = loader.history().analyse(h);
                    LOG.infof("Benefit %s (dated history): %d legal states in %d ms", res.benefit(), res.states().size(),
                            (System.nanoTime() - t0) / 1_000_000);
                    return res;
                }));
            }
            List<HistoryLoader.Result> historyResults = new ArrayList<>();
            for (int i = 0; i < histories.size(); i++) {
                try {
                    historyResults.add(hs.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RuleSetException("Interrupted while compiling " + histories.get(i), e);
                } catch (java.util.concurrent.ExecutionException e) {
                    historyResults.add(new HistoryLoader.Result(histories.get(i).getFileName().toString(),
                            List.of(Finding.error("compile", null, null, String.valueOf(e.getCause()))), List.of()));
                }
            }
            for (int i = 0; i < histories.size(); i++) {
                HistoryLoader.Result res = historyResults.get(i);
                if (!res.ok() && res.findings().stream().anyMatch(x -> x.isError() && "compile".equals(x.check()))) {
                    // as for version folders: concurrent Drools builds have shown rare internal errors ("I am not a
                    // child of my parent"); a benefit whose logic failed to compile in parallel is built once more alone
                    LOG.warnf("Benefit %s failed to build in parallel; building it again alone", res.benefit());
                    res = loader.history().analyse(histories.get(i));
                }
                if (!res.ok()) {
                    String msg = String.join("\n", res.findings().stream().filter(Finding::isError).map(Finding::format).toList());
                    r.failures.put(res.benefit(), msg);
                    LOG.errorf("Benefit %s is invalid and will not be used: %s", res.benefit(), msg);
                    continue;
                }
                for (RuleSet rs : res.states()) {
                    r.byBenefit.computeIfAbsent(rs.benefit(), b -> new TreeMap<>()).put(rs.version(), rs);
                }
            }
            for (int i = 0; i < dirs.size(); i++) {
                Path versionDir = dirs.get(i);
                String id = versionDir.getParent().getFileName() + "/" + versionDir.getFileName();
                Object o = outcomes.get(i);
                if (o instanceof RuntimeException e) {
                    // concurrent Drools builds have shown rare internal errors (e.g. IndexOutOfBounds in the
                    // executable-model build); every failed folder is built once more alone, after the pool is
                    // done, so only a folder that fails on its own is reported invalid
                    LOG.warnf("Ruleset %s failed to build in parallel (%s); building it again alone", id, e.toString());
                    try {
                        o = loader.load(versionDir);
                    } catch (RuntimeException again) {
                        o = again;
                    }
                }
                if (o instanceof RuleSet rs) {
                    r.byBenefit.computeIfAbsent(rs.benefit(), b -> new TreeMap<>()).put(rs.version(), rs);
                } else {
                    String msg = o instanceof Throwable t ? String.valueOf(t.getMessage()) : String.valueOf(o);
                    r.failures.put(id, msg);
                    LOG.errorf("Ruleset %s is invalid and will not be used: %s", id, msg);
                }
            }
        } finally {
            pool.shutdown();
        }
        return r;
    }

    /**
     * A new registry with {@code rs} added (or replacing the same version); this registry is unchanged. Used for
     * what-if selection with a candidate and for publication, which swaps the whole registry atomically.
     */
    public RuleSetRegistry with(RuleSet rs) {
        RuleSetRegistry r = new RuleSetRegistry(root);
        byBenefit.forEach((b, v) -> r.byBenefit.put(b, new TreeMap<>(v)));
        r.failures.putAll(failures);
        r.retired.putAll(retired);
        r.failures.remove(rs.id());
        r.byBenefit.computeIfAbsent(rs.benefit(), b -> new TreeMap<>()).put(rs.version(), rs);
        return r;
    }

    /**
     * A new registry in which the legal states of {@code benefit} are exactly {@code states} (a dated history reloaded,
     * changed by a draft or published); this registry is unchanged.
     */
    public RuleSetRegistry withBenefit(String benefit, List<RuleSet> states) {
        RuleSetRegistry r = new RuleSetRegistry(root);
        byBenefit.forEach((b, v) -> r.byBenefit.put(b, new TreeMap<>(v)));
        r.failures.putAll(failures);
        r.retired.putAll(retired);
        r.failures.remove(benefit);
        NavigableMap<LocalDate, RuleSet> v = new TreeMap<>();
        states.forEach(s -> v.put(s.version(), s));
        r.byBenefit.put(benefit, v);
        return r;
    }

    /** A new registry that also records a folder that failed to load (the working versions stay). */
    public RuleSetRegistry withFailure(String id, String message) {
        RuleSetRegistry r = new RuleSetRegistry(root);
        byBenefit.forEach((b, v) -> r.byBenefit.put(b, new TreeMap<>(v)));
        r.failures.putAll(failures);
        r.retired.putAll(retired);
        r.failures.put(id, message);
        return r;
    }

    /** The versions of one benefit (or module), oldest first; empty when unknown. */
    public List<RuleSet> versions(String benefit) {
        NavigableMap<LocalDate, RuleSet> v = byBenefit.get(benefit);
        return v == null ? List.of() : List.copyOf(v.values());
    }

    /** Version folders: two levels below root, the second named as an ISO date. */
    public static List<Path> versionDirs(Path root) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> benefits = Files.list(root)) {
            for (Path b : benefits.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList()) {
                try (Stream<Path> versions = Files.list(b)) {
                    versions.filter(Files::isDirectory)
                            .filter(v -> v.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}"))
                            .sorted().forEach(out::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Benefit folders written as one dated history ({@code benefit.yaml}); {@code wspolne/} holds concepts. */
    public static List<Path> historyDirs(Path root) {
        try (Stream<Path> benefits = Files.list(root)) {
            return benefits.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> !d.getFileName().toString().equals(HistoryLoader.CONCEPTS_DIR))
                    .filter(HistoryLoader::isHistory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list of retired version-folder hashes, one "hash  benefit/version" per line. */
    public static final String RETIRED_FILE = "retired.sha256";

    static Map<String, String> readRetired(Path file) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] p = line.trim().split("\\s+");
                    out.put(p[0], p.length > 1 ? p[1] : "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The id of the retired version folder with this hash, when a decision was made under the representation before
     * the dated histories (docs/adr/0014-law-as-data.md); empty otherwise.
     */
    public Optional<String> retiredFolder(String sha256) {
        return Optional.ofNullable(sha256 == null ? null : retired.get(sha256));
    }

    /** The released version in force on {@code legalDate}. */
    public RuleSet select(String benefit, LocalDate legalDate) {
        NavigableMap<LocalDate, RuleSet> versions = byBenefit.get(benefit);
        if (versions == null) {
            throw new NoRuleSetException(benefit, legalDate, "Unknown benefit '" + benefit + "'. Known: " + benefits());
        }
        Map.Entry<LocalDate, RuleSet> e = released(versions).floorEntry(legalDate);
        if (e == null || !e.getValue().covers(legalDate)) {
            throw new NoRuleSetException(benefit, legalDate, "No released ruleset of '" + benefit
                    + "' is in force on " + legalDate + ". Released versions: " + released(versions).keySet());
        }
        return e.getValue();
    }

    private static NavigableMap<LocalDate, RuleSet> released(NavigableMap<LocalDate, RuleSet> versions) {
        NavigableMap<LocalDate, RuleSet> out = new TreeMap<>();
        versions.forEach((d, rs) -> {
            if (rs.released()) {
                out.put(d, rs);
            }
        });
        return out;
    }

    /** A version by id, draft or released. */
    public Optional<RuleSet> find(String benefit, LocalDate version) {
        NavigableMap<LocalDate, RuleSet> versions = byBenefit.get(benefit);
        return Optional.ofNullable(versions == null ? null : versions.get(version));
    }

    public List<String> benefits() {
        return List.copyOf(byBenefit.keySet());
    }

    /** Every loaded version, by benefit then version. */
    public List<RuleSet> all() {
        List<RuleSet> out = new ArrayList<>();
        byBenefit.values().forEach(v -> out.addAll(v.values()));
        return out;
    }

    /** Version folders that failed to load, with the reason. */
    public Map<String, String> failures() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    public Path root() {
        return root;
    }
}
