#!/usr/bin/env bash
# The sanitizer build (clang-14, AddressSanitizer + UndefinedBehaviorSanitizer) in
# build-sanitize/, then through CTest: the test programs about input (readers, store,
# configuration loaders, hostile input; FAULTLINE_SANITIZE_TESTS, a regular expression
# over the test programs' names, "." for the whole suite) and each libFuzzer target for
# FAULTLINE_FUZZ_SECONDS (default 30) plus the inputs that once crashed it. A memory
# error, undefined behaviour, a failing test or a fuzzer crash fails the script.
# (The whole suite under the sanitizers does not fit CI's 30 minutes on 2 cores next to
# the normal build: docs/security.md.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
tests="${FAULTLINE_SANITIZE_TESTS:-^(ingest_|hostile_|store_|codebook_|kb_loader_|warc_|archive_|html_encoding_|report_csv_|statement_cache_|stories_store_|map_statement_jsonl_)}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DFAULTLINE_FUZZ=ON -DFAULTLINE_BUILD_BENCH=OFF -DFAULTLINE_BUILD_PYTHON=OFF \
  -DFAULTLINE_FUZZ_SECONDS="${FAULTLINE_FUZZ_SECONDS:-30}" >/dev/null
# The test programs whose names match, the CLI they run, and the fuzz targets.
programs=$(cd tests && ls ./*_test.cpp | sed 's|^\./||; s|\.cpp$||' | grep -E "$tests" || true)
cmake --build build-sanitize -j"$(nproc)" --target faultline $programs \
  fuzz_read_documents fuzz_codebook fuzz_actor_file fuzz_sidecar fuzz_statements
cd build-sanitize
ctest --output-on-failure -j"$(nproc)" --timeout 1800 -L "^(fuzz|$(tr ' \n' '||' <<<"$programs" | sed 's/|*$//'))$"
