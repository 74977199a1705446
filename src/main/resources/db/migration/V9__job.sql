-- Issue 13, point 6: impact analyses and batch replays are jobs stored in PostgreSQL. A job is cut into chunks of
-- stored decisions (ranges of (legal_date, id)) when it is created; any instance's workers claim a chunk with
-- FOR UPDATE SKIP LOCKED for a lease, process it, and in one transaction store its per-decision items and its
-- summary and mark it done – only if the chunk is still theirs. A worker that dies leaves a chunk whose lease
-- expires; another claims it again. So a job resumes after a restart, and two instances never do the same chunk
-- twice to completion (an item's key is (job, decision)). docs/adr/0018-durable-jobs-and-corrections.md.
CREATE TABLE job (
    id                     UUID PRIMARY KEY,
    kind                   VARCHAR(16)  NOT NULL,
    benefit                VARCHAR(64)  NOT NULL,
    request_json           TEXT         NOT NULL,
    candidate_ruleset_id   VARCHAR(128),
    candidate_sha256       VARCHAR(64),
    candidate_released     BOOLEAN,
    candidate_release_id   VARCHAR(64),
    created_by             VARCHAR(200) NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    snapshot_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    total                  BIGINT       NOT NULL,
    chunks                 INTEGER      NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    finished_at            TIMESTAMP WITH TIME ZONE,
    error                  TEXT,
    heap_max_mb            BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX job_kind_created_idx ON job (kind, created_at DESC);

CREATE TABLE job_chunk (
    job_id            UUID        NOT NULL REFERENCES job (id),
    chunk_no          INTEGER     NOT NULL,
    first_legal_date  DATE        NOT NULL,
    first_id          UUID        NOT NULL,
    last_legal_date   DATE        NOT NULL,
    last_id           UUID        NOT NULL,
    size              INTEGER     NOT NULL,
    status            VARCHAR(16) NOT NULL DEFAULT 'PENDING',
    claimed_by        VARCHAR(200),
    lease_until       TIMESTAMP WITH TIME ZONE,
    attempts          INTEGER     NOT NULL DEFAULT 0,
    done_by           VARCHAR(200),
    done_at           TIMESTAMP WITH TIME ZONE,
    summary_json      TEXT,
    PRIMARY KEY (job_id, chunk_no)
);
CREATE INDEX job_chunk_open_idx ON job_chunk (job_id, chunk_no) WHERE status <> 'DONE';

-- One row per stored decision a job found changed (impact) or not identical (replay): the list to reopen.
CREATE TABLE job_item (
    job_id          UUID         NOT NULL REFERENCES job (id),
    decision_id     UUID         NOT NULL,
    chunk_no        INTEGER      NOT NULL,
    legal_date      DATE         NOT NULL,
    case_reference  VARCHAR(100),
    kind            VARCHAR(32)  NOT NULL,
    stored_outcome  VARCHAR(16),
    stored_total    NUMERIC(14, 2),
    new_outcome     VARCHAR(16),
    new_total       NUMERIC(14, 2),
    difference      NUMERIC(14, 2),
    note            TEXT,
    PRIMARY KEY (job_id, decision_id)
);
CREATE INDEX job_item_order_idx ON job_item (job_id, legal_date, decision_id);

-- chunks read decisions by (benefit, legal_date, id)
CREATE INDEX decision_benefit_legal_date_id_idx ON decision (benefit, legal_date, id);
