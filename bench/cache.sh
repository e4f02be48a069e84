#!/usr/bin/env bash
# The statement cache: `faultline map --db` over the shared corpora (9,560 documents)
# the first time (every document extracted, statements cached), again (all read from the
# cache), with --refresh (all extracted again, cache rewritten), and after ingesting 18
# more documents (only those extracted). Run from anywhere after a build:
#
#   bash bench/cache.sh
#
# Wall and CPU time (user+sys) are both reported: the machine is shared, and CPU time
# is what the code costs. Nothing is written outside $TMP.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FAULTLINE:-$ROOT/build/faultline}"
SHARED="${FAULTLINE_SHARED:-$ROOT/../shared}"
TMP="${TMPDIR:-/tmp}/faultline-bench-cache"

[[ -x "$BIN" ]] || { echo "build faultline first ($BIN missing)" >&2; exit 2; }
[[ -d "$SHARED/corpora" ]] || { echo "no $SHARED/corpora: nothing to measure" >&2; exit 0; }
rm -rf "$TMP" && mkdir -p "$TMP"
DB="$TMP/corpora.db"
CORPORA=("$SHARED/corpora/allsides-intl/articles.jsonl.gz" "$SHARED/corpora/whitehouse/documents.jsonl.gz")

# run LABEL COMMAND...: wall and CPU seconds, and the statement cache's summary line.
run() {
  local label="$1"; shift
  local start end secs cpu summary
  start=$(date +%s.%N)
  cpu=$( { TIMEFORMAT='%U %S'; time "$@" > "$TMP/out" 2> "$TMP/err" || true; } 2>&1 | awk '{ print $1 + $2 }')
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  summary=$(grep -o 'statements of .*' "$TMP/err" | head -1 || true)
  printf "%-28s wall %7.2f s | cpu %7.2f s | %s\n" "$label" "$secs" "$cpu" "${summary:-$(head -c 200 "$TMP/err")}"
}

echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" ingest "${CORPORA[@]}" --db "$DB" > /dev/null 2>&1 || true  # one record has a date it cannot read
ls -l "$DB" | awk '{ printf "database without statements: %.1f MB\n", $5 / 1048576 }'
run "map --db (first run)" "$BIN" map --db "$DB" --format json -o "$TMP/first.json"
ls -l "$DB" | awk '{ printf "database with cached statements: %.1f MB\n", $5 / 1048576 }'
run "map --db (cached)" "$BIN" map --db "$DB" --format json -o "$TMP/cached.json"
cmp -s "$TMP/first.json" "$TMP/cached.json" && echo "same map from the cache" || echo "MAPS DIFFER"
run "map --db --refresh" "$BIN" map --db "$DB" --format json --refresh -o "$TMP/refresh.json"
run "statements --db (cached)" "$BIN" statements --db "$DB"
"$BIN" ingest "$ROOT/examples" --db "$DB" > /dev/null
run "map --db (18 docs added)" "$BIN" map --db "$DB" --format json -o "$TMP/added.json"
"$BIN" corpus --db "$DB" | grep '^statements:'
rm -rf "$TMP"
