#!/usr/bin/env bash
# Statement scores on the blind set (bench/blind/README.md): 60 articles of the shared corpora
# that no rule was written on, coded by the guidelines before the system was run on them.
# Builds the articles from ../shared/corpora into a temporary folder (the repository holds only
# their ids and the gold statements' offsets), then runs `faultline evaluate` (and, with
# --by-issue, the shared score.py per issue).
#   bash bench/blind.sh [--by-issue] [--errors]
#   FAULTLINE=other/faultline bash bench/blind.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FAULTLINE:-$ROOT/build/faultline}"
SHARED="${FAULTLINE_SHARED:-$ROOT/../shared}"
[[ -x "$BIN" ]] || { echo "build faultline first ($BIN missing)" >&2; exit 2; }
[[ -d "$SHARED/corpora" ]] || { echo "no $SHARED/corpora: the blind set cannot be built, nothing to score" >&2; exit 0; }
TMP="$(mktemp -d "${TMPDIR:-/tmp}/faultline-blind.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

/usr/bin/python3 "$ROOT/bench/blind/build.py" "$SHARED/corpora" "$ROOT/bench/blind" "$TMP"
"$BIN" statements "$TMP/docs" --format jsonl -o "$TMP/system.jsonl" 2> "$TMP/statements.err" ||
  { cat "$TMP/statements.err" >&2; exit 1; }
"$BIN" evaluate "$TMP/gold.jsonl" "$TMP/docs" 2> /dev/null | grep -E '^(gold|precision|F1)' || true
# the coders' doubtful triples: a system statement that matches one is neither right nor wrong
/usr/bin/python3 - "$TMP" <<'PY'
import json, os, sys
tmp = sys.argv[1]
def triples(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                out.add((os.path.basename(o["doc"]), o["actor"], o["issue"], int(o["stance"])))
    return out
gold, system = triples(f"{tmp}/gold.jsonl"), triples(f"{tmp}/system.jsonl")
doubtful = triples(f"{tmp}/doubtful.jsonl") - gold
undecided = system & doubtful
rest = system - undecided
tp = len(rest & gold)
print(f"doubtful: {len(undecided)} of {len(system)} system statements match a triple the coders left undecided;"
      f" precision without them {tp / len(rest) if rest else 0:.3f}")
PY
if [[ " $* " == *" --by-issue "* || " $* " == *" --errors "* ]]; then
  [[ -f "$SHARED/gold/score.py" ]] || { echo "no $SHARED/gold/score.py" >&2; exit 0; }
  args=()
  [[ " $* " == *" --by-issue "* ]] && args+=(--by-issue)
  [[ " $* " == *" --errors "* ]] && args+=(--errors)
  /usr/bin/python3 "$SHARED/gold/score.py" "$TMP/gold.jsonl" "$TMP/system.jsonl" "${args[@]}"
fi
