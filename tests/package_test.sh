#!/usr/bin/env bash
# The Debian package as a user gets it: cpack builds it from the built tree, its control
# fields name the shared libraries it needs (found by dpkg-shlibdeps, so `apt install ./x.deb`
# pulls them in), it holds the program, data, man pages, completion, Python module and
# copyright file, and the program unpacked from it runs the demo with the packaged data only.
# (Installing it with apt needs root and a clean system: docs/install.md records that run.)
# Usage: package_test.sh BUILD_DIR. Exit 77 (skipped) without cpack or dpkg-deb.
set -euo pipefail
build="$1"
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "package_test: skipped, $tool is not installed"; exit 77; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

cpack -G DEB -B "$work/out" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb="$(ls "$work"/out/faultline_*.deb 2>/dev/null | head -1)"
[ -n "$deb" ] || fail "cpack wrote no faultline_*.deb"

# Control fields: the libraries the binary links, as Debian package names.
[ "$(dpkg-deb -f "$deb" Package)" = faultline ] || fail "package name is not faultline"
depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libicu libsqlite3 libhyperscan libre2 libyaml-cpp libgumbo libigraph libarchive libpsl; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done

# Contents.
contents="$(dpkg-deb -c "$deb" | awk '{ print $6 }')"
for path in ./usr/bin/faultline ./usr/share/faultline/cues/en.yaml ./usr/share/faultline/syntax/en.model \
            ./usr/share/faultline/kb/states.yaml ./usr/share/bash-completion/completions/faultline \
            ./usr/share/doc/faultline/copyright ./usr/share/doc/faultline/README.md; do
  grep -qxF "$path" <<<"$contents" || fail "the package lacks $path"
done
if command -v help2man >/dev/null; then
  grep -qxF ./usr/share/man/man1/faultline-map.1 <<<"$contents" || fail "the package lacks the man pages"
fi
if [ -d "$build/python/faultline" ]; then
  grep -q '^./usr/lib/python3[^/]*/dist-packages/faultline/__init__.py$' <<<"$contents" ||
    fail "the package lacks the Python module"
fi

# The unpacked program finds the data beside it (prefix-relative), not the source tree's.
dpkg-deb -x "$deb" "$work/root"
cd "$work"
out="$(env -u FAULTLINE_DATA "$work/root/usr/bin/faultline" map "$work/root/usr/share/doc/faultline/examples")"
grep -q "statements in" <<<"$out" || fail "the packaged program printed no map: $out"
echo "package_test: $(basename "$deb"), $(wc -l <<<"$contents") entries, runs the demo"
