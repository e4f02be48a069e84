#!/usr/bin/env bash
# Throughput of `faultline statements` as a whole process (reading, actor recognition,
# statements, and now the parse of the sentences that reach a holder) on the 7,413 AllSides
# articles of ../shared, for this build and a previous binary side by side, run one after
# the other, each REPEAT times. Sentences per CPU second (user+sys from /usr/bin/time, all
# threads) is sentences per core. SENTENCES is the corpus's sentence count (354,000: ICU
# sentences of the AllSides subset, as issue 11 gives it); both binaries get the same count.
#
#   bash bench/statements_speed.sh                         # previous: ../main/build/faultline
#   PREVIOUS=/path/to/old/faultline REPEAT=3 bash bench/statements_speed.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FAULTLINE:-$ROOT/build/faultline}"
PREVIOUS="${PREVIOUS:-$ROOT/../main/build/faultline}"
SHARED="${FAULTLINE_SHARED:-$ROOT/../shared}"
REPEAT="${REPEAT:-1}"
SENTENCES="${SENTENCES:-354000}"
CORPUS="$SHARED/corpora/allsides-intl/articles.jsonl.gz"
[[ -x "$BIN" ]] || { echo "build faultline first ($BIN missing)" >&2; exit 2; }
[[ -f "$CORPUS" ]] || { echo "no $CORPUS: nothing to measure" >&2; exit 0; }
TMP="$(mktemp -d "${TMPDIR:-/tmp}/faultline-bench-statements.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

run() {  # name binary
  local name="$1" bin="$2"
  for ((i = 1; i <= REPEAT; i++)); do
    # exit status 1: some records had problems (dates it cannot read), named on stderr
    /usr/bin/time -f "%U %S %e" -o "$TMP/time" "$bin" statements "$CORPUS" > "$TMP/$name.jsonl" \
      2> "$TMP/$name.err" || [[ $? -eq 1 ]]
    read -r user sys wall < <(tail -n 1 "$TMP/time")  # after "Command exited with non-zero status 1"
    awk -v n="$name" -v u="$user" -v s="$sys" -v w="$wall" -v k="$SENTENCES" \
        -v st="$(wc -l < "$TMP/$name.jsonl")" \
        'BEGIN { printf "%-9s cpu %7.2f s  wall %7.2f s  %8.0f sentences/s per core  %6d statements\n", n, u + s, w, k / (u + s), st }'
  done
}

echo "corpus: $CORPUS ($SENTENCES sentences); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -x "$PREVIOUS" ]]; then run previous "$PREVIOUS"; else echo "no previous binary at $PREVIOUS: skipped"; fi
run current "$BIN"
