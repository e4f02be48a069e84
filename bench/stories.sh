#!/usr/bin/env bash
# The story pair score against our hand-rated pairs (bench/stories/README.md): Pearson and
# Spearman on the dev pairs (fitted on) and the test pairs (not), with titles given three
# ways, and the plain TF-IDF cosine baseline. Texts are read from ../shared at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${FAULTLINE:-build/faultline}
SHARED=${FAULTLINE_SHARED:-../shared}
if [ ! -d "$SHARED/corpora" ]; then echo "bench/stories.sh: $SHARED/corpora is absent" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for set in dev test; do
  rated=bench/stories/pairs_$set.tsv
  for titles in field text none; do
    /usr/bin/python3 bench/stories/pairs_jsonl.py "$rated" --shared "$SHARED" --titles "$titles" > "$tmp/pairs.jsonl"
    "$BIN" stories --score-pairs "$tmp/pairs.jsonl" > "$tmp/scores.jsonl"
    echo "== $set pairs, titles $titles"
    /usr/bin/python3 bench/stories/pearson.py "$rated" "$tmp/scores.jsonl" --by-kind
  done
  echo "== $set pairs, baseline"
  /usr/bin/python3 bench/stories/tfidf_baseline.py "$rated"
done
