#!/usr/bin/env bash
# README command 2: set up, build everything and run every test through CTest. Any failure
# fails the script. By default (CI) each GoogleTest program is built and run once: those in
# scripts/sanitized-tests.txt (all of them; or FAULTLINE_SANITIZE_TESTS, a regular
# expression) under ASan + UBSan with the fuzz targets (scripts/sanitize.sh), any other in
# the Release build, which also builds the CLI, the Python module and the benchmarks and runs
# the tests that need it (browser, Python module, install, package, graphml readers).
# FAULTLINE_SANITIZE=0 is the quick local run: every test in Release, no sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${FAULTLINE_SANITIZE:-1}" != 0 ]; then
  FAULTLINE_SANITIZE_TESTS="${FAULTLINE_SANITIZE_TESTS:-^($(grep -v '^#' scripts/sanitized-tests.txt | paste -sd'|'))\$}"
  export FAULTLINE_SANITIZE_TESTS
  bash scripts/build.sh -DFAULTLINE_TEST_EXCLUDE="$FAULTLINE_SANITIZE_TESTS"
  (cd build && ctest --output-on-failure -j"$(nproc)" --timeout 900)
  bash scripts/sanitize.sh
else
  bash scripts/build.sh
  (cd build && ctest --output-on-failure -j"$(nproc)" --timeout 900)
fi
