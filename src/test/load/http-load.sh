#!/usr/bin/env bash
# HTTP load benchmark (issue 7): starts the packaged service against PostgreSQL, drives POST /api/v1/decisions from
# a second JVM on loopback with varied households, reports throughput and p50/p99/p99.9 latency, checks that every
# acknowledged decision is stored; then measures batch replay and impact analysis over 1 000 000 stored decisions,
# and the start-up time and RSS with every ruleset version loaded (cold, then from the compile cache).
#
#   src/test/load/http-load.sh [seconds=60] [threads=16] [batch=1000000]
#
# Needs: a PostgreSQL server (default: the local one, 127.0.0.1:5432, user postgres, trust auth; override with
# PGHOST/PGPORT/PGUSER). A database ops_load is dropped and created. Results: target/load/*.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."
SECONDS_RUN=${1:-60}
THREADS=${2:-16}
BATCH=${3:-1000000}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=ops_load
PORT=18090
OUT=target/load
mkdir -p "$OUT"
export PGHOST PGPORT PGUSER

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp package -DskipTests
./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$OUT/cp.txt")"

psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
JDBC="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
CACHE=$(mktemp -d)

start_service() { # $1 = log file; prints ready ms and RSS
  QUARKUS_DATASOURCE_JDBC_URL=$JDBC QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=x \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION=src/test/resources/jwt/test-public.pem RULES_CACHE_DIR=$CACHE \
  PESEL_HMAC_KEY=${PESEL_HMAC_KEY:-load-test-key-0123456789abcdef0123456789} \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
    java -XX:+ExitOnOutOfMemoryError ${SERVICE_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$1" 2>&1 &
  PID=$!
  local t0; t0=$(date +%s%N)
  until curl -sf --noproxy '*' "localhost:$PORT/q/health/ready" >/dev/null; do
    kill -0 $PID 2>/dev/null || { echo "service died, see $1"; exit 1; }
    sleep 0.05
  done
  echo "ready_ms=$(( ($(date +%s%N) - t0) / 1000000 )) rss_mb=$(( $(ps -o rss= -p $PID) / 1024 ))"
}
stop_service() { kill $PID; wait $PID 2>/dev/null || true; }

echo "== start-up (cold: compiles every version; then from the compile cache)" | tee "$OUT/startup.txt"
start_service "$OUT/service-cold.log" > "$OUT/.ready"; sed 's/^/cold:   /' "$OUT/.ready" | tee -a "$OUT/startup.txt"; stop_service
start_service "$OUT/service.log" > "$OUT/.ready"; sed 's/^/cached: /' "$OUT/.ready" | tee -a "$OUT/startup.txt"

echo "== HTTP: $THREADS client threads, $SECONDS_RUN s (after 10 s warm-up)" | tee "$OUT/http.txt"
java -cp "$CP" pl.ops.swiadczenia.bench.HttpLoadGenerator "http://localhost:$PORT" "$SECONDS_RUN" "$THREADS" 10 \
  "$JDBC" "$PGUSER" src/test/resources/jwt/test-private.pem | tee -a "$OUT/http.txt"
echo "service RSS after load: $(( $(ps -o rss= -p $PID) / 1024 )) MB" | tee -a "$OUT/http.txt"

echo "== batch: $BATCH stored decisions" | tee "$OUT/batch.txt"
have=$(psql -tA -d $DB -c "SELECT count(*) FROM decision")
need=$(( BATCH - have ))
if [ $need -gt 0 ]; then
  psql -q -d $DB -c "INSERT INTO decision (id, created_at, benefit, ruleset_id, ruleset_version, ruleset_sha256, engine_version, legal_date, outcome, total_amount, case_reference, request_json, result_json, requested_by) SELECT gen_random_uuid(), d.created_at, d.benefit, d.ruleset_id, d.ruleset_version, d.ruleset_sha256, d.engine_version, d.legal_date, d.outcome, d.total_amount, d.case_reference, d.request_json, d.result_json, d.requested_by FROM (SELECT * FROM decision ORDER BY id LIMIT $have) d CROSS JOIN generate_series(1, ($need / $have) + 1) LIMIT $need"
fi
psql -tA -d $DB -c "SELECT 'stored decisions: ' || count(*) FROM decision" | tee -a "$OUT/batch.txt"
java -cp "$CP" pl.ops.swiadczenia.bench.BatchJobBenchmark "http://localhost:$PORT" src/test/resources/jwt/test-private.pem \
  | tee -a "$OUT/batch.txt"
stop_service
rm -rf "$CACHE"
echo "Results in $OUT/{startup,http,batch}.txt"
