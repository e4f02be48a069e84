#!/bin/bash
# Main-text extraction on the Zyte article-extraction benchmark (181 news pages,
# ../shared/bench/zyte-article-extraction): faultline's ParseHtmlPage and, for comparison,
# readability-lxml over the same pages. Prints pages/s (CPU time of the extraction on one
# core; wall time beside it) and the benchmark's own evaluate.py scores for both.
#
#   bench/zyte.sh [BUILD_DIR]      (default: build; needs the html_bench target built)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="${1:-$root/build}"
bench="${FAULTLINE_SHARED:-$root/../shared}/bench/zyte-article-extraction"
if [[ ! -d "$bench" ]]; then
  echo "zyte.sh: $bench is absent (set FAULTLINE_SHARED)" >&2
  exit 2
fi
if [[ ! -x "$build/bench/html_bench" ]]; then
  echo "zyte.sh: build html_bench first: cmake --build $build --target html_bench" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/output"
cp "$bench/evaluate.py" "$work/"
ln -s "$bench/ground-truth.json" "$work/ground-truth.json"

echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/bench/html_bench" --zyte "$bench" --out "$work/output/faultline.json" --repeat 3
# Debian's python3-readability lives in the system interpreter.
py=/usr/bin/python3
[[ -x "$py" ]] || py=python3
if "$py" -c "import readability" 2>/dev/null; then
  "$py" "$here/readability_lxml_zyte.py" "$bench" "$work/output/readability_lxml.json"
else
  echo "readability-lxml is not installed (Debian: python3-readability); skipped"
fi
(cd "$work" && "$py" evaluate.py --n-bootstrap 200)
