#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on the shipped example corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
./build/faultline map examples/
