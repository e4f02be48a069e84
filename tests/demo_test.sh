#!/usr/bin/env bash
# README command 1 (scripts/demo.sh) as a newcomer runs it, with cmake, dpkg-query and
# apt-get replaced by stand-ins that record what they were asked: it must install only the
# packages the `faultline` program needs, build only the `faultline` target, and end on the
# issues, most divided first (the part a newcomer came for), not on the outlets.
# Usage: demo_test.sh SOURCE_DIR FAULTLINE_BINARY
set -euo pipefail
source_dir="$1"
binary="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "demo_test: $*" >&2; exit 1; }

# A copy of the scripts beside the shipped examples; the built binary stands in for build/.
mkdir -p "$work/tree/scripts" "$work/tree/build" "$work/bin"
cp "$source_dir/scripts/demo.sh" "$source_dir/scripts/setup.sh" "$work/tree/scripts/"
ln -s "$source_dir/examples" "$work/tree/examples"
ln -s "$binary" "$work/tree/build/faultline"
# Stand-ins: no package is installed; apt-get, sudo and cmake only write down their arguments.
printf '#!/bin/sh\nexit 1\n' > "$work/bin/dpkg-query"
printf '#!/bin/sh\necho "$*" >> "%s/apt.log"\n' "$work" > "$work/bin/apt-get"
printf '#!/bin/sh\nexec "$@"\n' > "$work/bin/sudo"
printf '#!/bin/sh\necho "$*" >> "%s/cmake.log"\n' "$work" > "$work/bin/cmake"
chmod +x "$work/bin/"*

out="$(cd "$work/tree" && PATH="$work/bin:$PATH" bash scripts/demo.sh 2>"$work/stderr")" ||
  fail "demo.sh failed: $(cat "$work/stderr")"

install="$(grep '^install ' "$work/apt.log")" || fail "nothing installed: $(cat "$work/apt.log")"
for p in libicu-dev libigraph-dev libcli11-dev; do
  [[ " $install " == *" $p "* ]] || fail "the demo does not install $p: $install"
done
for p in libgtest-dev libbenchmark-dev chromium python3-selenium pybind11-dev clang-14; do
  [[ " $install " != *" $p "* ]] || fail "the demo installs $p, which only the tests need: $install"
done
grep -q -- '--build build .*--target faultline' "$work/cmake.log" || fail "not only the faultline target: $(cat "$work/cmake.log")"
grep -q -- '-DFAULTLINE_BUILD_TESTS=OFF' "$work/cmake.log" || fail "the tests are configured: $(cat "$work/cmake.log")"

last_section="$(echo "$out" | grep '^== ' | tail -1)"
[[ "$last_section" == "== IN SHORT: the issues, most divided first"* ]] || fail "the demo ends on: $last_section"
echo "$out" | tail -3 | grep -q 'against:' || fail "the demo does not end on who is against: $(echo "$out" | tail -3)"
echo "demo_test: passed"
