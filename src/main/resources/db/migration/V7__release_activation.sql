-- Issue 13 (two time axes): when the service took up which release. A row each time the rules are loaded or changed
-- (start-up, draft uploaded, publication, scan), also when the content is a release recorded before: the release a
-- service held at an instant is the one of the latest activation up to that instant (asKnownAt). Append-only.
CREATE TABLE release_activation (
    id            BIGSERIAL PRIMARY KEY,
    release_id    VARCHAR(64)  NOT NULL REFERENCES release (id),
    activated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_by  VARCHAR(200) NOT NULL,
    reason        TEXT         NOT NULL
);
CREATE INDEX release_activation_at_idx ON release_activation (activated_at, id);

CREATE TRIGGER release_activation_append_only BEFORE UPDATE OR DELETE ON release_activation
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER release_activation_no_truncate BEFORE TRUNCATE ON release_activation
    FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();
