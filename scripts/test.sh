#!/usr/bin/env bash
# README command 2: set up, build, run every test through CTest; with FAULTLINE_SANITIZE=1
# also the input-handling tests and the fuzz targets in the sanitizer build
# (scripts/sanitize.sh). Any failure fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 900)
if [ "${FAULTLINE_SANITIZE:-0}" = 1 ]; then
  bash scripts/sanitize.sh
fi
