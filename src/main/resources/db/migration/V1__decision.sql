-- Stored decisions: append-only. The exact request and result JSON are kept with the ruleset id and hash,
-- the engine version and the legal date, so that any decision can be replayed years later.
CREATE TABLE decision (
    id               UUID PRIMARY KEY,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    benefit          VARCHAR(64)  NOT NULL,
    ruleset_id       VARCHAR(128) NOT NULL,
    ruleset_version  DATE         NOT NULL,
    ruleset_sha256   VARCHAR(64)  NOT NULL,
    engine_version   VARCHAR(200) NOT NULL,
    legal_date       DATE         NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    total_amount     NUMERIC(14, 2) NOT NULL,
    case_reference   VARCHAR(100),
    request_json     TEXT NOT NULL,
    result_json      TEXT NOT NULL
);

CREATE INDEX decision_benefit_legal_date_idx ON decision (benefit, legal_date);
CREATE INDEX decision_created_at_idx ON decision (created_at DESC);

COMMENT ON TABLE decision IS 'Append-only store of decisions; UPDATE, DELETE and TRUNCATE are refused by triggers.';

-- The database itself refuses to change or remove a stored decision.
CREATE FUNCTION decision_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'decision is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER decision_no_update_delete
    BEFORE UPDATE OR DELETE ON decision
    FOR EACH ROW EXECUTE FUNCTION decision_is_append_only();

CREATE TRIGGER decision_no_truncate
    BEFORE TRUNCATE ON decision
    FOR EACH STATEMENT EXECUTE FUNCTION decision_is_append_only();
