#!/usr/bin/env bash
# README command 2: set up, build, run every test through CTest, then the sanitizer build
# (scripts/sanitize.sh: the input-handling tests under ASan + UBSan and each fuzz target
# for a bounded time). Any failure fails the script. FAULTLINE_SANITIZE=0 leaves the
# sanitizer part out (a quick local run); CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 900)
if [ "${FAULTLINE_SANITIZE:-1}" != 0 ]; then
  bash scripts/sanitize.sh
fi
