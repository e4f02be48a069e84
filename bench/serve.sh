#!/usr/bin/env bash
# faultline serve on the shared corpora (9,560 documents, statements cached):
#   1. start-up: wall time until /api/v1/status says ready, and the server's CPU time then;
#   2. the map built per request: 40 /api/v1/map requests with filters never asked before
#      (so none is answered from a cache), the server's CPU time per request;
#   3. load: 100 clients (each from its own loopback address), keep-alive, closed loop, for
#      60 s over a mix of views (map, evidence, issue, actor, shifts, camps, outlets, search,
#      an article, the page and its script); no error and p99 < 1 s is the target. The server
#      keeps its per-address rate limit (RATE_LIMIT, default 200/s as `serve` has it); each
#      client is paced to at most half of it (PACE), which it never exceeds even after a
#      stall, so a 429 in this test is a fault of the limiter, not the load client's burst.
#      Unpaced, four clients alone meet the limit within a second (bench/README-serve.md).
# Run after a build (the `serve_load` target too):  bash bench/serve.sh
# Loopback only; stops by itself; nothing is written outside $TMP. SECONDS_LOAD=...,
# CLIENTS=..., RATE_LIMIT=... and PACE=... change the load test; FAULTLINE_BENCH_DB reuses a
# database.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FAULTLINE:-$ROOT/build/faultline}"
LOAD="${SERVE_LOAD:-$ROOT/build/bench/serve_load}"
SHARED="${FAULTLINE_SHARED:-$ROOT/../shared}"
TMP="${TMPDIR:-/tmp}/faultline-bench-serve"
DURATION="${SECONDS_LOAD:-60}"
CLIENTS="${CLIENTS:-100}"
RATE_LIMIT="${RATE_LIMIT:-200}"
PACE="${PACE:-$((RATE_LIMIT / 2))}"

[[ -x "$BIN" && -x "$LOAD" ]] || { echo "build faultline and serve_load first" >&2; exit 2; }
[[ -d "$SHARED/corpora" ]] || { echo "no $SHARED/corpora: nothing to measure" >&2; exit 0; }
mkdir -p "$TMP"
DB="${FAULTLINE_BENCH_DB:-$TMP/corpora.db}"
if [[ ! -f "$DB" ]]; then
  "$BIN" ingest "$SHARED/corpora" --db "$DB" > /dev/null 2>&1 || true  # a few records are refused
fi
"$BIN" map --db "$DB" --format json -o /dev/null 2> "$TMP/fill.txt" || true  # fills the statement cache
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(grep -o 'statements of .*' "$TMP/fill.txt")"

TICK=$(getconf CLK_TCK)
cpu_seconds() { awk -v t="$TICK" '{ printf "%.3f", ($14 + $15) / t }' "/proc/$1/stat"; }
now() { date +%s.%N; }

start=$(now)
FAULTLINE_TOKEN=bench-token-0123456789abcdef "$BIN" serve --db "$DB" --port 0 --rate-limit "$RATE_LIMIT" \
  > "$TMP/serve.out" 2> "$TMP/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
PORT=""
for _ in $(seq 1 500); do
  PORT=$(grep -o '127.0.0.1:[0-9]*' "$TMP/serve.out" 2>/dev/null | head -1 | cut -d: -f2 || true)
  [[ -n "$PORT" ]] && break
  sleep 0.01
done
[[ -n "$PORT" ]] || { echo "serve did not start"; cat "$TMP/serve.err"; exit 1; }
URL="http://127.0.0.1:$PORT"
until curl -sf "$URL/api/v1/status" | grep -q '"state":"ready"'; do sleep 0.01; done
ready=$(now)
printf "start-up: ready in %.2f s wall, %s s CPU (%s)\n" "$(awk -v a="$start" -v b="$ready" 'BEGIN { print b - a }')" \
  "$(cpu_seconds $PID)" "$(grep -o 'ready in .*' "$TMP/serve.err" | cut -d: -f2-)"

# The map per request, no cache: every filter below is asked once.
before=$(cpu_seconds $PID)
t0=$(now)
n=0
for year in 2013 2014 2015 2016 2017 2018 2019 2020 2021 2022; do
  for q in "from=$year" "to=$year" "from=$year&window=quarter" "to=$year&window=year"; do
    curl -sf "$URL/api/v1/map?$q" -o /dev/null
    n=$((n + 1))
  done
done
after=$(cpu_seconds $PID)
t1=$(now)
awk -v a="$before" -v b="$after" -v n="$n" -v w0="$t0" -v w1="$t1" \
  'BEGIN { printf "map per request, never cached (%d requests): %.1f ms CPU of the server, %.1f ms wall (curl included)\n", n, (b - a) * 1000 / n, (w1 - w0) * 1000 / n }'
curl -sf "$URL/api/v1/map" -o "$TMP/map.json"
printf "full map answer: %s bytes\n" "$(stat -c %s "$TMP/map.json")"

DOC=$(curl -sf "$URL/api/v1/statements?q=sanctions&limit=1" | grep -o '"doc_id":"[^"]*"' | head -1 | cut -d'"' -f4)
PATHS=(
  "/api/v1/map" "/api/v1/map?from=2022" "/api/v1/evidence?actor=USA&issue=sanctions"
  "/api/v1/evidence?actor=RUS&issue=talks" "/api/v1/issue?issue=talks" "/api/v1/actor?actor=RUS"
  "/api/v1/shifts" "/api/v1/camps" "/api/v1/outlets" "/api/v1/statements?q=sanctions"
  "/api/v1/cell?actor=USA&issue=arms" "/api/v1/document?id=$DOC" "/" "/app.js"
)
before=$(cpu_seconds $PID)
echo "load: $CLIENTS clients, each at most $PACE requests/s; the server's limit: $RATE_LIMIT/s per address, bursts of $((RATE_LIMIT * 2))"
"$LOAD" "$PORT" "$DURATION" "$CLIENTS" 1000 "$PACE" "${PATHS[@]}" | tee "$TMP/load.txt"
after=$(cpu_seconds $PID)
printf "server CPU during the load test: %.1f s\n" "$(awk -v a="$before" -v b="$after" 'BEGIN { print b - a }')"
grep -q PASS "$TMP/load.txt"
