#!/usr/bin/env bash
# Configures and builds faultline (Release, both cores) into build/. Extra arguments go to
# the configure step after the defaults (scripts/test.sh: -DFAULTLINE_TEST_EXCLUDE=...).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The options are explicit: scripts/demo.sh configures the same build/ without them.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DFAULTLINE_BUILD_TESTS=ON -DFAULTLINE_TEST_EXCLUDE= \
  -DFAULTLINE_BUILD_BENCH=ON -DFAULTLINE_BUILD_PYTHON=ON "$@" >/dev/null
cmake --build build -j"$(nproc)"
