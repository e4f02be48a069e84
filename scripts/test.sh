#!/usr/bin/env bash
# README command 2: set up, build everything and run every test through CTest. Any failure
# fails the script. By default (CI) the GoogleTest programs are built and run once, under
# ASan + UBSan (scripts/sanitize.sh, with the fuzz targets), and the Release build in build/
# builds the CLI, the Python module and the benchmarks and runs the tests that need it (the
# browser, the Python module, the install, the graphml readers). FAULTLINE_SANITIZE=0 is the
# quick local run: everything in Release, no sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${FAULTLINE_SANITIZE:-1}" != 0 ]; then
  bash scripts/build.sh -DFAULTLINE_TEST_PROGRAMS=OFF
  (cd build && ctest --output-on-failure -j"$(nproc)" --timeout 900)
  bash scripts/sanitize.sh
else
  bash scripts/build.sh
  (cd build && ctest --output-on-failure -j"$(nproc)" --timeout 900)
fi
