#!/usr/bin/env bash
# The sanitizer build (clang-14, AddressSanitizer + UndefinedBehaviorSanitizer, -O1) in
# build-asan/, then through CTest: the GoogleTest programs in scripts/sanitized-tests.txt
# (all; FAULTLINE_SANITIZE_TESTS, a regular expression over the programs' names, overrides
# it: '^html_' while working) and each libFuzzer target for
# FAULTLINE_FUZZ_SECONDS (default 20) from its seeds, plus the inputs that once crashed it. A memory error, undefined behaviour, a failing test or a
# fuzzer finding fails the script. scripts/test.sh (CI) runs it; its cost is in
# docs/security.md. The tests that are not GoogleTest programs (browser, install, graphml
# readers) run in the Release tree only.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
tests="${FAULTLINE_SANITIZE_TESTS:-^($(grep -v '^#' scripts/sanitized-tests.txt | paste -sd'|'))\$}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# The test programs whose names match run here; the others are not built in this tree.
all_programs=$(cd tests && ls ./*_test.cpp | sed 's|^\./||; s|\.cpp$||')
programs=$(grep -E "$tests" <<<"$all_programs" || true)
others=$(grep -vE "$tests" <<<"$all_programs" | paste -sd'|' || true)
# -O1 with line tables: fast enough to fuzz, cheap to compile, stack traces with lines.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DFAULTLINE_FUZZ=ON -DFAULTLINE_BUILD_TESTS=ON -DFAULTLINE_TEST_EXCLUDE="${others:+^($others)\$}" \
  -DFAULTLINE_BUILD_BENCH=OFF -DFAULTLINE_BUILD_PYTHON=OFF -DFAULTLINE_MAN_PAGES=OFF \
  -DFAULTLINE_FUZZ_SECONDS="${FAULTLINE_FUZZ_SECONDS:-20}" >/dev/null
# One build of everything configured (library, CLI, those programs, the fuzz targets): make
# runs targets named on its command line one after another (CMake's top-level Makefile is
# .NOTPARALLEL), which left a core idle for every one-file test program.
cmake --build build-asan -j"$(nproc)"
cd build-asan
# Selected by label (each program's name, and "fuzz"): the script tests stay in Release.
ctest --output-on-failure -j"$(nproc)" --timeout 1800 -L "^(fuzz|$(tr ' \n' '||' <<<"$programs" | sed 's/|*$//'))$"
