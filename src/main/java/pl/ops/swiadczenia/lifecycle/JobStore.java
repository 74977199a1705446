package pl.ops.swiadczenia.lifecycle;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import pl.ops.swiadczenia.audit.DecisionRecordRepository.ForAnalysis;

/**
 * The jobs of impact analyses and batch replays in PostgreSQL (V9__job.sql, docs/adr/0018-durable-jobs-and-corrections.md):
 * a job, its chunks of stored decisions, and the decisions it found changed. Chunks are claimed with
 * {@code FOR UPDATE SKIP LOCKED} for a lease, so several instances share a job and a dead instance's chunk is taken
 * again once its lease has run out; a chunk's result is stored only by the worker that still holds it.
 */
@ApplicationScoped
public class JobStore {
    @Inject
    AgroalDataSource dataSource;

    /** A job as stored. */
    public record JobRow(UUID id, ImpactService.Kind kind, String benefit, String requestJson, String candidateRulesetId,
                         String candidateSha256, Boolean candidateReleased, String candidateReleaseId, String createdBy,
                         Instant createdAt, Instant snapshotAt, long total, int chunks, ImpactService.Status status,
                         Instant finishedAt, String error, long heapMaxMb) {
    }

    /** A chunk held by one worker until {@code leaseUntil}; {@code attempt} tells this claim from a later one. */
    public record Claim(UUID jobId, int chunkNo, LocalDate firstLegalDate, UUID firstId, LocalDate lastLegalDate,
                        UUID lastId, int size, int attempt, String worker) {
    }

    /** One decision a job found changed or not identical. */
    public record Item(String decisionId, LocalDate legalDate, String caseReference, String kind, String storedOutcome,
                       BigDecimal storedTotal, String newOutcome, BigDecimal newTotal, BigDecimal difference,
                       String note) {
    }

    /** Progress: decisions in finished chunks, and the summaries of those chunks in chunk order. */
    public record Progress(long done, List<String> summaries) {
    }

    /**
     * Creates a job and its chunks: the stored decisions of the benefit in the legal-date range that existed at
     * {@code snapshotAt}, by (legal date, id), cut every {@code chunkSize}. All in one transaction.
     */
    @Transactional
    public JobRow create(JobRow job, LocalDate from, LocalDate to, int chunkSize) {
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> bounds = new ArrayList<>();
            long total = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT legal_date, id, rn, n FROM (
                        SELECT legal_date, id, row_number() OVER (ORDER BY legal_date, id) AS rn, count(*) OVER () AS n
                        FROM decision WHERE benefit = ? AND legal_date BETWEEN ? AND ? AND created_at <= ?) t
                    WHERE rn % ? = 1 OR rn % ? = 0 OR rn = n ORDER BY rn""")) {
                ps.setString(1, job.benefit());
                ps.setObject(2, from);
                ps.setObject(3, to);
                ps.setTimestamp(4, Timestamp.from(job.snapshotAt()));
                ps.setInt(5, chunkSize);
                ps.setInt(6, chunkSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bounds.add(new Object[] {rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class), rs.getLong(3)});
                        total = rs.getLong(4);
                    }
                }
            }
            List<Object[]> chunks = new ArrayList<>(); // first date, first id, last date, last id, size
            Object[] open = null;
            for (Object[] b : bounds) {
                long rn = (Long) b[2];
                if (chunkSize == 1 || (rn - 1) % chunkSize == 0) {
                    open = new Object[] {b[0], b[1], b[0], b[1], 1};
                    chunks.add(open);
                }
                if (open != null) {
                    open[2] = b[0];
                    open[3] = b[1];
                    open[4] = (int) (rn - ((rn - 1) / chunkSize) * chunkSize);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job (id, kind, benefit, request_json, "
                    + "candidate_ruleset_id, candidate_sha256, candidate_released, candidate_release_id, created_by, "
                    + "created_at, snapshot_at, total, chunks, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setObject(1, job.id());
                ps.setString(2, job.kind().name());
                ps.setString(3, job.benefit());
                ps.setString(4, job.requestJson());
                ps.setString(5, job.candidateRulesetId());
                ps.setString(6, job.candidateSha256());
                ps.setObject(7, job.candidateReleased());
                ps.setString(8, job.candidateReleaseId());
                ps.setString(9, job.createdBy());
                ps.setTimestamp(10, Timestamp.from(job.createdAt()));
                ps.setTimestamp(11, Timestamp.from(job.snapshotAt()));
                ps.setLong(12, total);
                ps.setInt(13, chunks.size());
                ps.setString(14, chunks.isEmpty() ? ImpactService.Status.COMPLETED.name() : ImpactService.Status.RUNNING.name());
                ps.executeUpdate();
            }
            if (chunks.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE job SET finished_at = created_at WHERE id = ?")) {
                    ps.setObject(1, job.id());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_chunk (job_id, chunk_no, first_legal_date, "
                    + "first_id, last_legal_date, last_id, size) VALUES (?,?,?,?,?,?,?)")) {
                for (int i = 0; i < chunks.size(); i++) {
                    Object[] ch = chunks.get(i);
                    ps.setObject(1, job.id());
                    ps.setInt(2, i);
                    ps.setObject(3, ch[0]);
                    ps.setObject(4, ch[1]);
                    ps.setObject(5, ch[2]);
                    ps.setObject(6, ch[3]);
                    ps.setInt(7, (Integer) ch[4]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return get(c, job.id()).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("The job could not be stored: " + e.getMessage(), e);
        }
    }

    /**
     * Claims the first open chunk of any running job – never claimed, or claimed by a worker whose lease has run out –
     * for {@code worker} until now + {@code lease}. Chunks locked by another transaction are skipped.
     */
    @Transactional
    public Optional<Claim> claim(String worker, Duration lease) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE job_chunk k SET status = 'RUNNING', claimed_by = ?, attempts = k.attempts + 1,
                            lease_until = clock_timestamp() + make_interval(secs => ?)
                     WHERE (k.job_id, k.chunk_no) = (
                         SELECT c.job_id, c.chunk_no FROM job_chunk c JOIN job j ON j.id = c.job_id
                         WHERE j.status = 'RUNNING' AND (c.status = 'PENDING'
                               OR (c.status = 'RUNNING' AND c.lease_until < clock_timestamp()))
                         ORDER BY j.created_at, c.chunk_no LIMIT 1 FOR UPDATE OF c SKIP LOCKED)
                     RETURNING k.job_id, k.chunk_no, k.first_legal_date, k.first_id, k.last_legal_date, k.last_id,
                               k.size, k.attempts""")) {
            ps.setString(1, worker);
            ps.setDouble(2, lease.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claim(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, LocalDate.class), rs.getObject(6, UUID.class),
                        rs.getInt(7), rs.getInt(8), worker));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("No chunk could be claimed: " + e.getMessage(), e);
        }
    }

    /** Extends the lease of a chunk still held by this claim; false when it is no longer held. */
    @Transactional
    public boolean renew(Claim claim, Duration lease) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE job_chunk SET lease_until = clock_timestamp() + "
                     + "make_interval(secs => ?) WHERE job_id = ? AND chunk_no = ? AND status = 'RUNNING' "
                     + "AND claimed_by = ? AND attempts = ?")) {
            ps.setDouble(1, lease.toMillis() / 1000.0);
            ps.setObject(2, claim.jobId());
            ps.setInt(3, claim.chunkNo());
            ps.setString(4, claim.worker());
            ps.setInt(5, claim.attempt());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The stored decisions of a chunk, by (legal date, id), as they were when the job was created. */
    @Transactional
    public List<ForAnalysis> rows(JobRow job, Claim claim, boolean withResult, List<String> caseReferences) {
        String sql = "SELECT id, legal_date, outcome, total_amount, request_json, ruleset_version, ruleset_id, "
                + "ruleset_sha256, " + (withResult ? "result_json, release_id" : "NULL, NULL") + ", case_reference "
                + "FROM decision WHERE benefit = ? AND (legal_date, id) >= (?, ?) AND (legal_date, id) <= (?, ?) "
                + "AND created_at <= ? ORDER BY legal_date, id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, job.benefit());
            ps.setObject(2, claim.firstLegalDate());
            ps.setObject(3, claim.firstId());
            ps.setObject(4, claim.lastLegalDate());
            ps.setObject(5, claim.lastId());
            ps.setTimestamp(6, Timestamp.from(job.snapshotAt()));
            List<ForAnalysis> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ForAnalysis(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                            rs.getBigDecimal(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10)));
                    caseReferences.add(rs.getString(11));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Stores the result of a chunk – its items and summary – and marks it done, only if this claim still holds it
     * (otherwise nothing is stored and false is returned: another worker took it over). The caller then calls
     * {@link #finishIfDone}.
     */
    @Transactional
    public boolean complete(Claim claim, String summaryJson, List<Item> items, long heapMb) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE job_chunk SET status = 'DONE', summary_json = ?, "
                    + "done_by = claimed_by, done_at = clock_timestamp(), lease_until = NULL WHERE job_id = ? AND "
                    + "chunk_no = ? AND status = 'RUNNING' AND claimed_by = ? AND attempts = ?")) {
                ps.setString(1, summaryJson);
                ps.setObject(2, claim.jobId());
                ps.setInt(3, claim.chunkNo());
                ps.setString(4, claim.worker());
                ps.setInt(5, claim.attempt());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            if (!items.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_item (job_id, decision_id, chunk_no, "
                        + "legal_date, case_reference, kind, stored_outcome, stored_total, new_outcome, new_total, "
                        + "difference, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    for (Item i : items) {
                        ps.setObject(1, claim.jobId());
                        ps.setObject(2, UUID.fromString(i.decisionId()));
                        ps.setInt(3, claim.chunkNo());
                        ps.setObject(4, i.legalDate());
                        ps.setString(5, i.caseReference());
                        ps.setString(6, i.kind());
                        ps.setString(7, i.storedOutcome());
                        ps.setBigDecimal(8, i.storedTotal());
                        ps.setString(9, i.newOutcome());
                        ps.setBigDecimal(10, i.newTotal());
                        ps.setBigDecimal(11, i.difference());
                        ps.setString(12, i.note() == null ? null : i.note().substring(0, Math.min(i.note().length(), 2000)));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE job SET heap_max_mb = GREATEST(heap_max_mb, ?) "
                    + "WHERE id = ?")) {
                ps.setLong(1, heapMb);
                ps.setObject(2, claim.jobId());
                ps.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("The result of a chunk could not be stored: " + e.getMessage(), e);
        }
    }

    /**
     * Marks a running job completed when none of its chunks is open. Called after a chunk's transaction has committed
     * (never inside it): two workers finishing the last two chunks at once would each, inside their own transaction,
     * still see the other's chunk open; after committing, the later of them sees both done.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean finishIfDone(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE job SET status = 'COMPLETED', finished_at = "
                     + "clock_timestamp() WHERE id = ? AND status = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM job_chunk "
                     + "WHERE job_id = ? AND status <> 'DONE')")) {
            ps.setObject(1, id);
            ps.setObject(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Ends a running job as cancelled or failed; false when it was no longer running. */
    @Transactional
    public boolean end(UUID id, ImpactService.Status status, String error) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE job SET status = ?, error = ?, finished_at = "
                     + "clock_timestamp() WHERE id = ? AND status = 'RUNNING'")) {
            ps.setString(1, status.name());
            ps.setString(2, error);
            ps.setObject(3, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Transactional
    public Optional<JobRow> get(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            return get(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static final String JOB_COLUMNS = "id, kind, benefit, request_json, candidate_ruleset_id, candidate_sha256, "
            + "candidate_released, candidate_release_id, created_by, created_at, snapshot_at, total, chunks, status, "
            + "finished_at, error, heap_max_mb";

    private static Optional<JobRow> get(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM job WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        }
    }

    private static JobRow job(ResultSet rs) throws SQLException {
        Timestamp fin = rs.getTimestamp(15);
        return new JobRow(rs.getObject(1, UUID.class), ImpactService.Kind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), (Boolean) rs.getObject(7), rs.getString(8),
                rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(), rs.getLong(12),
                rs.getInt(13), ImpactService.Status.valueOf(rs.getString(14)), fin == null ? null : fin.toInstant(),
                rs.getString(16), rs.getLong(17));
    }

    /** The most recent impact job of a candidate content (a correction's hash). */
    @Transactional
    public Optional<JobRow> latestForCandidate(String candidateSha256) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM job WHERE kind = 'IMPACT' AND "
                     + "candidate_sha256 = ? ORDER BY created_at DESC LIMIT 1")) {
            ps.setString(1, candidateSha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The most recent jobs of a kind. */
    @Transactional
    public List<JobRow> recent(ImpactService.Kind kind, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM job WHERE kind = ? "
                     + "ORDER BY created_at DESC LIMIT ?")) {
            ps.setString(1, kind.name());
            ps.setInt(2, limit);
            List<JobRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(job(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Decisions in finished chunks and their summaries, in chunk order. */
    @Transactional
    public Progress progress(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT size, summary_json FROM job_chunk WHERE job_id = ? "
                     + "AND status = 'DONE' ORDER BY chunk_no")) {
            ps.setObject(1, id);
            long done = 0;
            List<String> summaries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    done += rs.getInt(1);
                    summaries.add(rs.getString(2));
                }
            }
            return new Progress(done, summaries);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The decisions a job found changed, by legal date and id; {@code kind} null = all; a page. */
    @Transactional
    public List<Item> items(UUID id, String kind, int offset, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT decision_id, legal_date, case_reference, kind, "
                     + "stored_outcome, stored_total, new_outcome, new_total, difference, note FROM job_item "
                     + "WHERE job_id = ? AND (? IS NULL OR kind = ?) ORDER BY legal_date, decision_id OFFSET ? LIMIT ?")) {
            ps.setObject(1, id);
            ps.setString(2, kind);
            ps.setString(3, kind);
            ps.setInt(4, offset);
            ps.setInt(5, limit);
            List<Item> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8),
                            rs.getBigDecimal(9), rs.getString(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** How many items a job has ({@code kind} null = all). */
    @Transactional
    public long countItems(UUID id, String kind) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM job_item WHERE job_id = ? "
                     + "AND (? IS NULL OR kind = ?)")) {
            ps.setObject(1, id);
            ps.setString(2, kind);
            ps.setString(3, kind);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Per chunk: who finished it and how many times it was claimed (for audits of the job and its tests). */
    public record ChunkState(int chunkNo, String status, String doneBy, int attempts) {
    }

    @Transactional
    public List<ChunkState> chunks(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT chunk_no, status, done_by, attempts FROM job_chunk "
                     + "WHERE job_id = ? ORDER BY chunk_no")) {
            ps.setObject(1, id);
            List<ChunkState> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChunkState(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
