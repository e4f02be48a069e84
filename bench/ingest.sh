#!/usr/bin/env bash
# Throughput of `faultline extract` and `faultline ingest` on the shared corpora:
# documents/s and MB/s (MB of decompressed input). Run from anywhere after a build:
#
#   bash bench/ingest.sh           # JSONL.gz corpora (~9,500 docs), and the HTML pages
#   bash bench/ingest.sh --x10     # also the corpora replicated ten times (slow: once only)
#
# The HTML figures measure the HTML stage's ParseHtmlPage (ingest/html_page.cpp): they
# are only meaningful once that stage has landed. Nothing is written outside $TMP.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FAULTLINE:-$ROOT/build/faultline}"
SHARED="${FAULTLINE_SHARED:-$ROOT/../shared}"
TMP="${TMPDIR:-/tmp}/faultline-bench-ingest"
X10=0
[[ "${1:-}" == "--x10" ]] && X10=1

[[ -x "$BIN" ]] || { echo "build faultline first ($BIN missing)" >&2; exit 2; }
[[ -d "$SHARED/corpora" ]] || { echo "no $SHARED/corpora: nothing to measure" >&2; exit 0; }
mkdir -p "$TMP"

CORPORA=("$SHARED/corpora/allsides-intl/articles.jsonl.gz" "$SHARED/corpora/whitehouse/documents.jsonl.gz")

# MB of decompressed input.
mb_of() {
  local total=0 f
  for f in "$@"; do
    if [[ -d "$f" ]]; then
      total=$(( total + $(find "$f" -type f -name '*.gz' -exec zcat {} + | wc -c) + \
                        $(find "$f" -type f ! -name '*.gz' -exec cat {} + | wc -c) ))
    elif [[ "$f" == *.gz ]]; then total=$(( total + $(zcat "$f" | wc -c) ))
    else total=$(( total + $(wc -c < "$f") )); fi
  done
  awk -v b="$total" 'BEGIN { printf "%.1f", b / 1048576 }'
}

# run LABEL MB COMMAND...: times the command; documents from its stdout lines (extract)
# or from the ingest summary.
run() {
  local label="$1" mb="$2"; shift 2
  local start end secs docs cpu
  start=$(date +%s.%N)
  # CPU time (user+sys) as well as wall time: the machine is shared, and CPU time is
  # what the code costs.
  cpu=$( { TIMEFORMAT='%U %S'; time "$@" > "$TMP/out" 2> "$TMP/err" || true; } 2>&1 | awk '{ print $1 + $2 }')
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  if grep -q '^.*: read [0-9]* documents' "$TMP/out"; then
    docs=$(sed -n 's/.*: read \([0-9]*\) documents.*/\1/p' "$TMP/out")
  else
    docs=$(wc -l < "$TMP/out")
  fi
  awk -v l="$label" -v d="$docs" -v m="$mb" -v s="$secs" -v c="$cpu" -v e="$(wc -l < "$TMP/err")" \
    'BEGIN { printf "%-34s %6d docs %6.1f MB | wall %6.2f s %6.0f docs/s %5.1f MB/s | cpu %6.2f s %6.0f docs/s %5.1f MB/s | %d stderr lines\n", l, d, m, s, d / s, m / s, c, d / c, m / c, e }'
}

echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), load $(cut -d' ' -f1-3 /proc/loadavg)"
MB=$(mb_of "${CORPORA[@]}")
run "extract jsonl.gz (1x)" "$MB" "$BIN" extract "${CORPORA[@]}"
rm -f "$TMP/x1.db"*
run "ingest jsonl.gz (1x, fresh db)" "$MB" "$BIN" ingest "${CORPORA[@]}" --db "$TMP/x1.db"
run "ingest jsonl.gz again (all dups)" "$MB" "$BIN" ingest "${CORPORA[@]}" --db "$TMP/x1.db"

# HTML pages: Zyte's benchmark (181 .html.gz) and Readability's test pages (source.html).
if [[ -d "$SHARED/bench/zyte-article-extraction/html" ]]; then
  Z="$SHARED/bench/zyte-article-extraction/html"
  run "extract html (zyte, 181 pages)" "$(mb_of "$Z")" "$BIN" extract "$Z"
fi
if [[ -d "$SHARED/bench/readability-pages" ]]; then
  mapfile -t R < <(find "$SHARED/bench/readability-pages" -name source.html | sort)
  run "extract html (readability)" "$(mb_of "${R[@]}")" "$BIN" extract "${R[@]}"
fi

if (( X10 )); then
  # Ten copies whose texts differ (a copy marker and distinct ids), so that ingest
  # stores them all: each copy after the first is a near-duplicate of the first.
  X="$TMP/x10"
  rm -rf "$X" && mkdir -p "$X"
  python3 - "$X" "${CORPORA[@]}" <<'PY'
import gzip, json, sys
out_dir, inputs = sys.argv[1], sys.argv[2:]
for k in range(10):
    with gzip.open(f"{out_dir}/copy{k}.jsonl.gz", "wt", compresslevel=1) as out:
        for path in inputs:
            with gzip.open(path, "rt") as f:
                for n, line in enumerate(f):
                    rec = json.loads(line)
                    rec["id"] = f"c{k}-{rec.get('ID') or rec.get('path') or n}"
                    for field in ("content_original", "text"):
                        if field in rec and rec[field]:
                            rec[field] = f"[copy {k}] " + rec[field]
                    out.write(json.dumps(rec) + "\n")
PY
  MB10=$(mb_of "$X")
  run "extract jsonl.gz (10x)" "$MB10" "$BIN" extract "$X"
  rm -f "$TMP/x10.db"*
  run "ingest jsonl.gz (10x, fresh db)" "$MB10" "$BIN" ingest "$X" --db "$TMP/x10.db"
  ls -l "$TMP/x10.db" | awk '{ printf "x10 database: %.0f MB\n", $5 / 1048576 }'
  rm -rf "$X" "$TMP/x10.db"*
fi
rm -f "$TMP/x1.db"* "$TMP/out" "$TMP/err"
