-- The change workflow of a benefit written as one dated history (ADR 0014) over the API: every upload of a draft
-- (also one refused by validation), every approval and every publication, with who, when, the hash of the benefit's
-- history content it concerns and the files sent. Approval by a second person is read from here: an approval counts
-- only for the content hash it names, given by someone other than the author of that content. Append-only.
CREATE TABLE ruleset_change (
    id              BIGSERIAL PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    benefit         VARCHAR(64)  NOT NULL,
    version         DATE         NOT NULL,
    action          VARCHAR(20)  NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    content_sha256  VARCHAR(64),
    state_sha256    VARCHAR(64),
    comment         TEXT,
    files_json      TEXT,
    report_json     TEXT
);
CREATE INDEX ruleset_change_benefit_version_idx ON ruleset_change (benefit, version, id);

CREATE TRIGGER ruleset_change_append_only BEFORE UPDATE OR DELETE ON ruleset_change
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER ruleset_change_no_truncate BEFORE TRUNCATE ON ruleset_change
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
