#!/usr/bin/env bash
# test: sets up, builds, and runs every test: a short fuzzing run of every parser of outside
# input (tools/fuzz.sh), native doctest tests of core (ctest), then the browser end-to-end
# tests in headless Chromium (node --test). Exits non-zero if any fails.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash tools/setup.sh || exit 1
bash tools/build.sh all || exit 1

status=0
echo "== fuzzing (libFuzzer, a few seconds per parser)"
bash tools/fuzz.sh || status=1
echo "== native tests (ctest)"
ctest --test-dir build/native --output-on-failure -j2 || status=1
echo "== browser tests (node --test)"
node --test --test-concurrency=1 tests/e2e/ || status=1
exit $status
