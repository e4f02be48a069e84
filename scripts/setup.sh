#!/usr/bin/env bash
# Installs every Debian package faultline needs to build, test and benchmark.
# Idempotent: packages already present are skipped, `apt-get update` runs only when
# something is missing. Must run as root (or through sudo) on Debian 12.
# `setup.sh --demo` installs only what building the `faultline` program needs (README
# command 1); without it, also what the tests, benchmarks and Python module need.
set -euo pipefail

# What the `faultline` program needs to build.
PACKAGES=(
  build-essential cmake pkg-config
  libicu-dev            # Unicode, encodings, sentence/word segmentation
  libhyperscan-dev      # compiled multi-pattern matching of actor aliases
  libre2-dev            # safe regular expressions (furniture, dates)
  libsqlite3-dev        # embedded corpus store
  libigraph-dev         # camps: community detection
  libyaml-cpp-dev       # knowledge base and codebooks
  libcli11-dev          # command line
  libgumbo-dev          # HTML5 parser
  zlib1g-dev            # gzip, WARC members
  nlohmann-json3-dev    # JSON in and out
  libcld2-dev           # language identification when a page declares none
  libarchive-dev        # .xz, .bz2, .zst inputs and .zip/.tar/.7z archives
  libpsl-dev publicsuffix  # registrable domains: edition.cnn.com and cnn.com are one outlet
  libssl-dev            # SHA-256 of DNA coder passwords (the .dna writer)
  libcpp-httplib-dev    # faultline serve: HTTP server
)
# What the tests, benchmarks, Python module and packaging need besides.
MORE_PACKAGES=(
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14              # libFuzzer targets and the ASan + UBSan build (scripts/sanitize.sh)
  libclang-rt-14-dev    # their runtimes (libFuzzer, ASan, UBSan): not pulled in without recommends
  lld                   # LLVM's linker: the test programs link in a quarter of GNU ld's time
  help2man              # man pages from each command's --help (cmake --install)
  dpkg-dev              # dpkg-shlibdeps: the .deb's dependencies (cpack)
  file                  # cpack finds the binaries to hand dpkg-shlibdeps with it (absent from debian:12-slim)
  libxml2-utils         # xmllint: GraphML schema validation in tests
  python3               # gold/score.py and the Zyte evaluate.py
  python3-dev pybind11-dev  # the Python module (import faultline)
  python3-pandas python3-pytest  # its DataFrames and its tests
  python3-distributed   # faultline.cluster: the statement stage on Dask
  python3-readability   # readability-lxml, the peer timed beside faultline in bench/
  chromium              # headless rendering test of the HTML report
  chromium-driver python3-selenium  # faultline serve's browser test (through /usr/bin/python3)
  python3-igraph python3-networkx  # GraphML read by real readers (tests/graphml)
)

if [ "${1:-}" != "--demo" ]; then PACKAGES+=("${MORE_PACKAGES[@]}"); fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all packages present" >&2
fi
