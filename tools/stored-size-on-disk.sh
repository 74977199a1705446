#!/usr/bin/env bash
# Bytes the database keeps for the stored result of the benchmark family (zasiłek rodzinny, family of five):
# the JSON text as the service stores it (StoredSizeProbe → target/family5-stored.json) in a TEXT column like
# decision.result_json, measured with pg_column_size (PostgreSQL compresses long values: TOAST, pglz by default).
# Usage: tools/stored-size-on-disk.sh [psql connection args]   (default: -h 127.0.0.1 -U postgres -d test)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/family5-stored.json ] || ./mvnw -q test -Dtest=StoredSizeProbe -Dprobe=true -Dsurefire.failIfNoSpecifiedTests=false
args=("$@"); [ ${#args[@]} -gt 0 ] || args=(-h 127.0.0.1 -U postgres -d test)
json=$(cat target/family5-stored.json)
psql "${args[@]}" -v ON_ERROR_STOP=1 -q <<SQL
create temp table stored_size_probe(result_json text);
insert into stored_size_probe values (\$J\$${json}\$J\$);
select octet_length(result_json) as json_bytes, pg_column_size(result_json) as bytes_on_disk,
       current_setting('default_toast_compression') as compression from stored_size_probe;
SQL
