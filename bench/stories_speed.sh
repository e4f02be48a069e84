#!/usr/bin/env bash
# Speed and memory of story clustering (`faultline stories --no-statements`) on the shared
# corpora, and its growth on the corpora replicated K times (default 1 2 4 10). Each copy
# after the first has its ids changed and every date moved 2 years later per copy, so that a
# copy is a new stretch of coverage rather than a duplicate of the first (copies k and k+1
# never fall in one clustering window); undated documents stay undated, and their copies are
# compared with each other as undated documents always are. CPU time (user+sys) and peak
# resident memory are from /usr/bin/time -v. Texts are read from ../shared at run time.
#
#   bash bench/stories_speed.sh            # x1 x2 x4 x10
#   bash bench/stories_speed.sh 1 2        # only these
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FAULTLINE:-$ROOT/build/faultline}"
SHARED="${FAULTLINE_SHARED:-$ROOT/../shared}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/faultline-bench-stories.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
[[ -x "$BIN" ]] || { echo "build faultline first ($BIN missing)" >&2; exit 2; }
[[ -d "$SHARED/corpora" ]] || { echo "no $SHARED/corpora: nothing to measure" >&2; exit 0; }
FACTORS=("$@")
[[ ${#FACTORS[@]} -gt 0 ]] || FACTORS=(1 2 4 10)
CORPORA=("$SHARED/corpora/allsides-intl/articles.jsonl.gz" "$SHARED/corpora/whitehouse/documents.jsonl.gz")

for k in "${FACTORS[@]}"; do
  dir="$TMP/x$k"
  mkdir -p "$dir"
  /usr/bin/python3 - "$dir" "$k" "${CORPORA[@]}" <<'PY'
import gzip, json, re, sys
out_dir, copies, inputs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def later(date, years):
    m = re.match(r"(\d{4})(.*)", date or "")
    return f"{int(m.group(1)) + years}{m.group(2)}" if m and years else date
for k in range(copies):
    with gzip.open(f"{out_dir}/copy{k}.jsonl.gz", "wt", compresslevel=1) as out:
        for path in inputs:
            with gzip.open(path, "rt") as f:
                for n, line in enumerate(f):
                    rec = json.loads(line)
                    if k:
                        rec["id"] = f"c{k}-{rec.get('ID') or rec.get('path') or n}"
                        if rec.get("date"):
                            rec["date"] = later(rec["date"], 2 * k)
                    out.write(json.dumps(rec) + "\n")
PY
  /usr/bin/time -v "$BIN" stories --no-statements --format json -o "$TMP/out.json" "$dir" 2> "$TMP/time.txt" || true
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u + s}' "$TMP/time.txt")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$TMP/time.txt")
  summary=$(/usr/bin/python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print("%d docs, %d stories (%d with 2+), %d pairs compared" % (s["documents"], s["stories"], s["stories_with_several_documents"], s["comparisons"]))' "$TMP/out.json")
  echo "x$k: $summary; CPU ${cpu} s, peak RSS ${rss} MB"
  rm -rf "$dir"
done
