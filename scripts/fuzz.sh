#!/usr/bin/env bash
# Runs every libFuzzer target longer than CI does: scripts/fuzz.sh [SECONDS] [TARGET...]
# (default 600 seconds each, every target). Builds build-asan/ first (scripts/sanitize.sh
# does the same build). The corpus grows in build-asan/fuzz-corpus/<target>; a crash
# leaves crash-* here and fails the script: copy it to fuzz/regressions/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_documents codebook actor_file sidecar statements)
bash scripts/setup.sh
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DFAULTLINE_FUZZ=ON -DFAULTLINE_BUILD_BENCH=OFF -DFAULTLINE_BUILD_PYTHON=OFF >/dev/null
cmake --build build-asan -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}")
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
declare -A seeds=([read_documents]="examples fuzz/seeds/read_documents fuzz/regressions/read_documents"
                  [codebook]="data/codebooks fuzz/regressions/codebook"
                  [actor_file]="tests/data/kb fuzz/regressions/actor_file"
                  [sidecar]="examples fuzz/regressions/sidecar"
                  [statements]="examples fuzz/regressions/statements")
for t in "${targets[@]}"; do
  corpus="build-asan/fuzz-corpus/$t"
  mkdir -p "$corpus"
  echo "== fuzz_$t for ${seconds}s"
  # shellcheck disable=SC2086
  "build-asan/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
    -jobs=1 "$corpus" ${seeds[$t]}
done
