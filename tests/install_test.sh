#!/usr/bin/env bash
# cmake --install of the built tree into a fresh prefix, then the demo from there: the
# installed binary must find its data under the prefix (not in the source tree), and the
# man pages and bash completion must be in place. Usage: install_test.sh BUILD_DIR
set -euo pipefail
build="$1"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null

fail() { echo "install_test: $*" >&2; exit 1; }
[ -x "$prefix/bin/faultline" ] || fail "no bin/faultline"
[ -f "$prefix/share/faultline/cues/en.yaml" ] || fail "no data in share/faultline"
[ -f "$prefix/share/bash-completion/completions/faultline" ] || fail "no bash completion"
if command -v help2man >/dev/null; then
  [ -f "$prefix/share/man/man1/faultline.1" ] || fail "no faultline.1"
  [ -f "$prefix/share/man/man1/faultline-map.1" ] || fail "no faultline-map.1"
  grep -q 'fB\\-\\-statements' "$prefix/share/man/man1/faultline-map.1" || fail "faultline-map.1 lacks the options"
  # A page for every command the program lists, so a new command cannot ship without one.
  for cmd in $("$prefix/bin/faultline" --help | sed -n '/^Subcommands:/,$p' | awk '/^  [a-z]/ { print $1 }'); do
    [ -f "$prefix/share/man/man1/faultline-$cmd.1" ] || fail "no man page for the command $cmd"
  done
fi

# The demo, run from an unrelated directory with nothing but the prefix.
cd "$prefix"
out="$(env -u FAULTLINE_DATA "$prefix/bin/faultline" map "$prefix/share/doc/faultline/examples")"
# A here-string, not `echo | grep -q`: grep -q quits at the first match, and under pipefail
# the echo killed by SIGPIPE (a pipe can shrink to one page when the user has many) fails the test.
grep -q "statements in" <<<"$out" || fail "the installed demo printed no map: $out"

# It reads the installed data: without the prefix's cue lexicon it fails.
mv "$prefix/share/faultline/cues" "$prefix/share/faultline/cues.away"
if env -u FAULTLINE_DATA "$prefix/bin/faultline" map "$prefix/share/doc/faultline/examples" >/dev/null 2>&1; then
  fail "the installed binary ran without its installed data (it read another data directory)"
fi
mv "$prefix/share/faultline/cues.away" "$prefix/share/faultline/cues"
# ... and FAULTLINE_DATA overrides the prefix.
msg="$(FAULTLINE_DATA="$prefix/nowhere" "$prefix/bin/faultline" map "$prefix/share/doc/faultline/examples" 2>&1 || true)"
case "$msg" in *"$prefix/nowhere"*) ;; *) fail "FAULTLINE_DATA was not used: $msg" ;; esac

# The Python module, when built: importable from the prefix, reading the prefix's data.
pydir="$(ls -d "$prefix"/lib/python3*/dist-packages 2>/dev/null | head -1 || true)"
if [ -n "$pydir" ] && [ -d "$pydir/faultline" ]; then
  got="$(cd / && env -u FAULTLINE_DATA PYTHONPATH="$pydir" /usr/bin/python3 -c 'import faultline; print(faultline.data_dir())')"
  [ "$(realpath "$got")" = "$(realpath "$prefix/share/faultline")" ] || fail "the installed module reads $got"
  n="$(cd / && env -u FAULTLINE_DATA PYTHONPATH="$pydir" /usr/bin/python3 -c "import faultline; print(len(faultline.Engine().statements(faultline.read('$prefix/share/doc/faultline/examples'))))")"
  [ "$n" -gt 50 ] || fail "the installed module found $n statements in the demo"
fi

# The completion script loads and completes commands.
completed="$(bash -c "source '$prefix/share/bash-completion/completions/faultline'; COMP_WORDS=('$prefix/bin/faultline' 'ma'); COMP_CWORD=1; _faultline; printf '%s\n' \"\${COMPREPLY[@]}\"")"
[ "$completed" = map ] || fail "bash completion completes 'ma' to '$completed', not map"
echo "install_test: ok ($prefix)"
