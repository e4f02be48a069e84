#!/usr/bin/env bash
# Start-up of `faultline serve` on the shared corpora database, and its first answers:
#   1. start-up: wall time from launch until /api/v1/status says ready, and the server's
#      CPU time (user + system, from /proc) at that moment;
#   2. the first /api/v1/map request after ready (nothing cached yet), wall time as curl
#      measures it and the server's CPU time it took; then a first request of the cell
#      evidence grouped by origin.
# Three runs by default (RUNS=...). COLD=1 evicts the database's files from the page cache
# before each run (posix_fadvise DONTNEED on those files only), as after the database was
# written or the machine restarted. The database is built and its statement cache filled
# once (FAULTLINE_BENCH_DB reuses one; `faultline ingest` of ../shared/corpora otherwise).
#   bash bench/serve_startup.sh
#   FAULTLINE_BENCH_DB=corpora.db RUNS=5 bash bench/serve_startup.sh
#   PREPARE=0 RUNS=1 FAULTLINE=old/faultline FAULTLINE_BENCH_DB=corpora.db bash bench/serve_startup.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FAULTLINE:-$ROOT/build/faultline}"
SHARED="${FAULTLINE_SHARED:-$ROOT/../shared}"
TMP="${TMPDIR:-/tmp}/faultline-bench-serve-startup"
RUNS="${RUNS:-3}"
[[ -x "$BIN" ]] || { echo "build faultline first ($BIN missing)" >&2; exit 2; }
mkdir -p "$TMP"
DB="${FAULTLINE_BENCH_DB:-$TMP/corpora.db}"
if [[ ! -f "$DB" ]]; then
  [[ -d "$SHARED/corpora" ]] || { echo "no $SHARED/corpora: nothing to measure" >&2; exit 0; }
  "$BIN" ingest "$SHARED/corpora" --db "$DB" > /dev/null 2>&1 || true  # a few records are refused
fi
# An ingest with nothing new stores what the stories need for a database made by an older
# faultline (docs/stories.md §6); the map fills the statement cache. PREPARE=0 skips both,
# for a database already prepared by the same binary: runs of two binaries can then
# alternate one start at a time without a preparation (which takes minutes) between them.
if [[ "${PREPARE:-1}" != 0 ]]; then
  mkdir -p "$TMP/empty"
  "$BIN" ingest "$TMP/empty" --db "$DB" > /dev/null 2>&1 || true
  "$BIN" map --db "$DB" --format json -o /dev/null 2> "$TMP/fill.txt" || true
else
  echo "(not prepared: PREPARE=0)" > "$TMP/fill.txt"
fi
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(grep -o 'statements of .*' "$TMP/fill.txt" || true)"

TICK=$(getconf CLK_TCK)
cpu_seconds() { awk -v t="$TICK" '{ printf "%.3f", ($14 + $15) / t }' "/proc/$1/stat"; }
now() { date +%s.%N; }

evict() {
  /usr/bin/python3 - "$@" <<'PY'
import os, sys
for path in sys.argv[1:]:
    if os.path.exists(path):
        fd = os.open(path, os.O_RDONLY)
        os.fsync(fd)  # dirty pages are not evicted
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)
PY
}

for run in $(seq 1 "$RUNS"); do
  [[ "${COLD:-0}" == 1 ]] && evict "$DB" "$DB-wal" "$DB-shm"
  start=$(now)
  FAULTLINE_TOKEN=bench-token-0123456789abcdef "$BIN" serve --db "$DB" --port 0 --read-only \
    > "$TMP/serve.out" 2> "$TMP/serve.err" &
  PID=$!
  trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
  PORT=""
  for _ in $(seq 1 1000); do
    PORT=$(grep -o '127.0.0.1:[0-9]*' "$TMP/serve.out" 2>/dev/null | head -1 | cut -d: -f2 || true)
    [[ -n "$PORT" ]] && break
    sleep 0.005
  done
  [[ -n "$PORT" ]] || { echo "serve did not start"; cat "$TMP/serve.err"; exit 1; }
  URL="http://127.0.0.1:$PORT"
  # Not `curl | grep -q`: with pipefail, grep leaving early fails curl (SIGPIPE) and the loop never ends.
  until [[ "$(curl -sf "$URL/api/v1/status" || true)" == *'"state":"ready"'* ]]; do sleep 0.005; done
  ready=$(now)
  cpu_ready=$(cpu_seconds $PID)
  map_wall=$(curl -sf -o "$TMP/map.json" -w '%{time_total}' "$URL/api/v1/map")
  cpu_map=$(cpu_seconds $PID)
  cell_wall=$(curl -sf -o /dev/null -w '%{time_total}' "$URL/api/v1/evidence?actor=USA&issue=sanctions&group=origin")
  cpu_cell=$(cpu_seconds $PID)
  origins=$(grep -o '"origins":[0-9]*' "$TMP/map.json" | head -1 || true)
  awk -v s="$start" -v r="$ready" -v c="$cpu_ready" -v mw="$map_wall" -v cm="$cpu_map" -v cw="$cell_wall" \
      -v cc="$cpu_cell" -v run="$run" -v o="$origins" \
    'BEGIN { printf "run %d: ready in %.2f s wall, %.2f s CPU; first map %.0f ms wall, %.0f ms CPU (%s); first evidence by origin %.0f ms wall, %.0f ms CPU\n", run, r - s, c, mw * 1000, (cm - c) * 1000, o, cw * 1000, (cc - cm) * 1000 }'
  kill $PID
  wait $PID 2>/dev/null || true
  trap - EXIT
done
grep -o 'ready in .*' "$TMP/serve.err" | tail -1 || true
