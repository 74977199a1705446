-- Issue 12 (stored size): citations and parameter uses are stored once, by content, and referenced from each
-- decision's result (service/StoredForm). key = '#' + 16 hex digits of SHA-256(body). Append-only, like decisions.
CREATE TABLE citation_catalogue (
    key   VARCHAR(17) PRIMARY KEY,
    body  TEXT NOT NULL
);

CREATE FUNCTION citation_catalogue_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'citation_catalogue is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER citation_catalogue_no_update_delete
    BEFORE UPDATE OR DELETE ON citation_catalogue
    FOR EACH ROW EXECUTE FUNCTION citation_catalogue_is_append_only();

CREATE TRIGGER citation_catalogue_no_truncate
    BEFORE TRUNCATE ON citation_catalogue
    FOR EACH STATEMENT EXECUTE FUNCTION citation_catalogue_is_append_only();
