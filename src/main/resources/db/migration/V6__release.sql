-- Issue 13 (releases): every content of the rules the service decided or could decide with is kept here,
-- content-addressed, so that a decision is replayed from the database under exactly the rules it recorded, whatever
-- the rules directory of the running service holds (docs/adr/0017-releases-in-the-database.md).
--
-- release_file: one row per distinct file content (SHA-256 of the bytes), stored gzip-compressed; shared by every
-- release that contains it. release: one row per distinct content of the rules directory: its id is the SHA-256 of
-- the list "<path> <file sha256>" and of the fact-model fingerprint (the Java the rules may call); who recorded it,
-- when and why. Both append-only.
CREATE TABLE release_file (
    sha256   VARCHAR(64) PRIMARY KEY,
    size     INTEGER     NOT NULL,
    content  BYTEA       NOT NULL
);

CREATE TABLE release (
    id           VARCHAR(64)  PRIMARY KEY,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    reason       TEXT         NOT NULL,
    fact_model   VARCHAR(64)  NOT NULL,
    file_count   INTEGER      NOT NULL,
    files_json   TEXT         NOT NULL
);

CREATE TRIGGER release_file_append_only BEFORE UPDATE OR DELETE ON release_file
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER release_file_no_truncate BEFORE TRUNCATE ON release_file
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER release_append_only BEFORE UPDATE OR DELETE ON release
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER release_no_truncate BEFORE TRUNCATE ON release
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();

-- the release a decision was made under (null for decisions stored before releases were recorded)
ALTER TABLE decision ADD COLUMN release_id VARCHAR(64) REFERENCES release (id);
