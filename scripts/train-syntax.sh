#!/usr/bin/env bash
# Retrains the shipped syntax model, data/syntax/en.model, from the UD treebanks in
# ../shared/ud (or $FAULTLINE_SHARED/ud), then scores it on EWT dev and GUM news.
# Deterministic: the same inputs and seed give the same file. docs/syntax.md explains
# the options; the word classes are data/syntax/clusters.tsv (rebuilt by
# `faultline cluster-words`, see its header); pass more `faultline train-syntax` options as arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${FAULTLINE_SHARED:-../shared}"
ud="$shared/ud"
if [ ! -d "$ud/ewt" ]; then
  echo "train-syntax.sh: $ud/ewt not found (set FAULTLINE_SHARED)" >&2
  exit 2
fi
[ -x build/faultline ] || bash scripts/build.sh
build/faultline train-syntax "$ud/ewt/en_ewt-ud-train.conllu.gz" \
  --clusters data/syntax/clusters.tsv --seed 1 --threads 2 --folds 5 \
  -o data/syntax/en.model \
  --dev "$ud/ewt/en_ewt-ud-dev.conllu.gz" "$ud/gum-news/gum-news.conllu.gz" \
  "$@"
