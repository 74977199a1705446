-- Issue 13 (shadow run): for a stored decision of a benefit with a draft approved by a second person (the law that
-- will apply once published), the result of the same request under that draft, recorded beside the decision – not as
-- a decision. Append-only; the shadow report counts how many would differ.
CREATE TABLE shadow_result (
    id                BIGSERIAL PRIMARY KEY,
    decision_id       UUID         NOT NULL REFERENCES decision (id),
    benefit           VARCHAR(64)  NOT NULL,
    candidate_id      VARCHAR(128) NOT NULL,
    candidate_sha256  VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    live_outcome      VARCHAR(16)  NOT NULL,
    live_total        NUMERIC(14, 2) NOT NULL,
    shadow_outcome    VARCHAR(16),
    shadow_total      NUMERIC(14, 2),
    error             TEXT
);
CREATE INDEX shadow_result_candidate_idx ON shadow_result (candidate_id, candidate_sha256, id);

CREATE TRIGGER shadow_result_append_only BEFORE UPDATE OR DELETE ON shadow_result
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER shadow_result_no_truncate BEFORE TRUNCATE ON shadow_result
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
