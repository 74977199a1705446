package pl.ops.swiadczenia.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jboss.logging.Logger;
import pl.ops.swiadczenia.ruleset.FactModelFingerprint;
import pl.ops.swiadczenia.service.CanonicalJson;

/**
 * Releases in the database (docs/adr/0017-releases-in-the-database.md): every content of the rules directory the
 * service loads is recorded once, content-addressed — each distinct file once (gzip), the release as the list of
 * its paths and file hashes, with who, when and why. A stored decision names its release, and the replay rebuilds
 * that content from here, whatever the rules directory of the running service holds.
 */
@ApplicationScoped
public class Releases implements PanacheRepositoryBase<ReleaseRecord, String> {
    private static final Logger LOG = Logger.getLogger(Releases.class);
    /** Bounds of what a release may hold (a rules directory is a few hundred files, a few MB). */
    static final int MAX_FILES = 20_000;
    static final long MAX_BYTES = 200L * 1024 * 1024;

    @Inject
    Clock clock;

    /** The files of a rules directory: relative path (with '/') → bytes; hidden files and folders left out. */
    public static Map<String, byte[]> read(Path root) {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        long total = 0;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) {
                    continue;
                }
                byte[] b = Files.readAllBytes(f);
                total += b.length;
                if (out.size() >= MAX_FILES || total > MAX_BYTES) {
                    throw new IllegalStateException("rules directory " + root + " is larger than a release may be ("
                            + MAX_FILES + " files, " + MAX_BYTES + " bytes)");
                }
                out.put(rel, b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The id of a release: SHA-256 over the format, the fact-model fingerprint and each path with its file hash. */
    public static String id(Map<String, String> fileHashes, String factModel) {
        MessageDigest md = sha();
        md.update("ops-release/1\n".getBytes(StandardCharsets.UTF_8));
        md.update((factModel + "\n").getBytes(StandardCharsets.UTF_8));
        fileHashes.forEach((p, h) -> md.update((p + " " + h + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Records the content of {@code root} as a release (nothing is written when the same content is already recorded);
     * returns its id. Runs in its own transaction: a release stays recorded whatever happens to the caller's.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String record(Path root, String actor, String reason) {
        Map<String, byte[]> files = read(root);
        Map<String, String> hashes = new TreeMap<>();
        Map<String, byte[]> byHash = new TreeMap<>();
        files.forEach((p, b) -> {
            String h = HexFormat.of().formatHex(sha().digest(b));
            hashes.put(p, h);
            byHash.put(h, b);
        });
        String id = id(hashes, FactModelFingerprint.VALUE);
        if (findByIdOptional(id).isPresent()) {
            activate(id, actor, reason);
            return id;
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        List<String> all = List.copyOf(byHash.keySet());
        for (int from = 0; from < all.size(); from += 1000) {
            present.addAll(getEntityManager().createQuery(
                            "select f.sha256 from ReleaseFile f where f.sha256 in :h", String.class)
                    .setParameter("h", all.subList(from, Math.min(all.size(), from + 1000))).getResultList());
        }
        int added = 0;
        for (Map.Entry<String, byte[]> e : byHash.entrySet()) {
            if (present.contains(e.getKey())) {
                continue;
            }
            // native because of ON CONFLICT: another instance may record the same content at the same time
            getEntityManager().createNativeQuery(
                            "INSERT INTO release_file (sha256, size, content) VALUES (?1, ?2, ?3) ON CONFLICT (sha256) DO NOTHING")
                    .setParameter(1, e.getKey()).setParameter(2, e.getValue().length).setParameter(3, gzip(e.getValue()))
                    .executeUpdate();
            added++;
        }
        getEntityManager().createNativeQuery("INSERT INTO release (id, created_at, created_by, reason, fact_model, "
                        + "file_count, files_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, id).setParameter(2, Instant.now(clock).truncatedTo(ChronoUnit.MICROS))
                .setParameter(3, actor == null ? "system" : actor).setParameter(4, reason)
                .setParameter(5, FactModelFingerprint.VALUE).setParameter(6, hashes.size())
                .setParameter(7, CanonicalJson.write(hashes)).executeUpdate();
        activate(id, actor, reason);
        LOG.infof("Release %s recorded (%d files, %d new) by %s: %s", id, hashes.size(), added, actor, reason);
        return id;
    }

    /** Appends to the activation log that the service took up release {@code id} now. */
    private void activate(String id, String actor, String reason) {
        ReleaseActivation a = new ReleaseActivation();
        a.releaseId = id;
        a.activatedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        a.activatedBy = actor == null ? "system" : actor;
        a.reason = reason;
        getEntityManager().persist(a);
    }

    /**
     * The release the service held at {@code at}: that of the latest activation up to that instant (several
     * instances: the one that changed last); empty before the first.
     */
    @Transactional
    public Optional<String> activeAt(Instant at) {
        return getEntityManager().createQuery("select a.releaseId from ReleaseActivation a where a.activatedAt <= :t "
                        + "order by a.activatedAt desc, a.id desc", String.class)
                .setParameter("t", at).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** A recorded release: what it is, who recorded it, when and why. */
    public record Info(String id, Instant createdAt, String createdBy, String reason, String factModel, int fileCount) {
    }

    @Transactional
    public Optional<Info> info(String id) {
        return findByIdOptional(id).map(Releases::info);
    }

    private static Info info(ReleaseRecord r) {
        return new Info(r.id, r.createdAt, r.createdBy, r.reason, r.factModel, r.fileCount);
    }

    /** One page of the recorded releases, newest first, and how many there are. */
    public record Page(List<Info> items, long total) {
    }

    @Transactional
    public Page list(int page, int size) {
        List<Info> items = findAll(io.quarkus.panache.common.Sort.by("createdAt").descending().and("id"))
                .page(page, size).list().stream().map(Releases::info).toList();
        return new Page(items, count());
    }

    /** The files of a release by path with the SHA-256 of each (without their content); empty when not recorded. */
    @Transactional
    public Optional<Map<String, String>> fileHashes(String id) {
        return findByIdOptional(id).map(r -> CanonicalJson.MAPPER.convertValue(CanonicalJson.tree(r.filesJson),
                new TypeReference<Map<String, String>>() { }));
    }

    /** One file of a release, checked against its hash; empty when the release or the path is not recorded. */
    @Transactional
    public Optional<byte[]> file(String id, String path) {
        Optional<String> sha = fileHashes(id).map(m -> m.get(path));
        if (sha.isEmpty()) {
            return Optional.empty();
        }
        ReleaseFile f = getEntityManager().find(ReleaseFile.class, sha.get());
        if (f == null) {
            throw new IllegalStateException("release " + id + " names file " + path + ", which is not stored");
        }
        return Optional.of(verified(f));
    }

    /** The bytes of a stored file, checked against its hash (a mismatch is an integrity failure of the store). */
    private static byte[] verified(ReleaseFile f) {
        byte[] b = gunzip(f.content);
        if (!HexFormat.of().formatHex(sha().digest(b)).equals(f.sha256)) {
            throw new IllegalStateException("release file " + f.sha256 + " does not match its hash");
        }
        return b;
    }

    /**
     * The files of a release, read back from the database and checked against their hashes; empty when the release
     * is not recorded. A file whose bytes no longer match its hash is an integrity failure of the store.
     */
    @Transactional
    public Optional<Map<String, byte[]>> files(String id) {
        Optional<ReleaseRecord> r = findByIdOptional(id);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> hashes = CanonicalJson.MAPPER.convertValue(CanonicalJson.tree(r.get().filesJson),
                new TypeReference<Map<String, String>>() { });
        Map<String, byte[]> content = new TreeMap<>();
        List<String> wanted = List.copyOf(new java.util.TreeSet<>(hashes.values()));
        for (int from = 0; from < wanted.size(); from += 1000) {
            for (ReleaseFile f : getEntityManager().createQuery("from ReleaseFile f where f.sha256 in :h", ReleaseFile.class)
                    .setParameter("h", wanted.subList(from, Math.min(wanted.size(), from + 1000))).getResultList()) {
                content.put(f.sha256, verified(f));
            }
        }
        Map<String, byte[]> out = new TreeMap<>();
        hashes.forEach((p, h) -> {
            byte[] b = content.get(h);
            if (b == null) {
                throw new IllegalStateException("release " + id + " names file " + p + " (" + h + "), which is not stored");
            }
            out.put(p, b);
        });
        if (!id(hashes, r.get().factModel).equals(id)) {
            throw new IllegalStateException("release " + id + " does not match its content");
        }
        return Optional.of(out);
    }

    /** Writes the files of a release into {@code dir} (created), refusing any path that would leave it. */
    public static void write(Map<String, byte[]> files, Path dir) {
        try {
            Path base = dir.toAbsolutePath().normalize();
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = base.resolve(e.getKey()).normalize();
                if (!target.startsWith(base)) {
                    throw new IllegalStateException("release path leaves its folder: " + e.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length / 3 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] b) {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return z.readNBytes((int) MAX_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
