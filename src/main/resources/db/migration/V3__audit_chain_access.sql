-- Issue 6: tamper evidence, ownership, personal data and the access log. All new tables are append-only.

-- Who asked for the decision (the token's subject); part of the chained content.
ALTER TABLE decision ADD COLUMN requested_by VARCHAR(200);

-- The hash chain: one entry per decision, in insertion order. content_sha256 covers every stored field of the
-- decision; chain_hash = SHA-256(previous chain_hash || content_sha256). Changing, removing or inserting a decision
-- behind the service's back breaks the chain from that record on.
CREATE TABLE decision_chain (
    seq             BIGINT PRIMARY KEY,
    decision_id     UUID NOT NULL UNIQUE REFERENCES decision (id),
    content_sha256  VARCHAR(64) NOT NULL,
    previous_hash   VARCHAR(64) NOT NULL,
    chain_hash      VARCHAR(64) NOT NULL,
    chained_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- PESEL numbers are not stored in clear: a keyed hash (HMAC-SHA-256) per family member, for search.
CREATE TABLE decision_person (
    decision_id  UUID NOT NULL REFERENCES decision (id),
    member_id    VARCHAR(100) NOT NULL,
    pesel_hmac   VARCHAR(64) NOT NULL
);
CREATE INDEX decision_person_pesel_idx ON decision_person (pesel_hmac);

-- Who read or replayed which decision.
CREATE TABLE access_log (
    id           BIGSERIAL PRIMARY KEY,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    subject      VARCHAR(200) NOT NULL,
    roles        VARCHAR(200) NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    decision_id  UUID,
    detail       TEXT
);
CREATE INDEX access_log_decision_idx ON access_log (decision_id);
CREATE INDEX access_log_subject_at_idx ON access_log (subject, at);

CREATE FUNCTION audit_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER decision_chain_append_only BEFORE UPDATE OR DELETE ON decision_chain
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER decision_chain_no_truncate BEFORE TRUNCATE ON decision_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER decision_person_append_only BEFORE UPDATE OR DELETE ON decision_person
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER decision_person_no_truncate BEFORE TRUNCATE ON decision_person
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
