#!/usr/bin/env bash
# README command 1: install what the program needs, build only the `faultline` program,
# and map the shipped example corpus. The report ends on its summary: the issues, most
# divided first, with who is for and who against. (scripts/test.sh builds the rest.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --demo
# The tests, benchmarks and Python module are left out of this configuration (their
# packages may not be installed yet); scripts/build.sh turns them back on.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DFAULTLINE_BUILD_TESTS=OFF -DFAULTLINE_BUILD_BENCH=OFF \
  -DFAULTLINE_BUILD_PYTHON=OFF >/dev/null
cmake --build build -j"$(nproc)" --target faultline
./build/faultline map examples/
