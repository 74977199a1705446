-- Every publication of a ruleset version: who, when, the hash, and the full content of the released folder, so that
-- a published version can always be rebuilt (and a later change of its folder detected). Append-only.
CREATE TABLE ruleset_publication (
    id                BIGSERIAL PRIMARY KEY,
    ruleset_id        VARCHAR(128) NOT NULL UNIQUE,
    benefit           VARCHAR(64)  NOT NULL,
    version           DATE         NOT NULL,
    sha256            VARCHAR(64)  NOT NULL,
    draft_sha256      VARCHAR(64)  NOT NULL,
    published_by      VARCHAR(200) NOT NULL,
    published_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    comment           TEXT,
    files_json        TEXT NOT NULL,
    validation_report TEXT NOT NULL
);

CREATE FUNCTION ruleset_publication_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'ruleset_publication is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER ruleset_publication_no_update_delete
    BEFORE UPDATE OR DELETE ON ruleset_publication
    FOR EACH ROW EXECUTE FUNCTION ruleset_publication_is_append_only();

CREATE TRIGGER ruleset_publication_no_truncate
    BEFORE TRUNCATE ON ruleset_publication
    FOR EACH STATEMENT EXECUTE FUNCTION ruleset_publication_is_append_only();
