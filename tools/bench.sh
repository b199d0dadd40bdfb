#!/usr/bin/env bash
# bench: builds the release site and the bare SDL2 + ImGui hello it is measured against, then
# runs the performance benchmark (tools/bench.mjs) and prints its table with PASS/FAIL per
# budget. Takes about ten minutes; not part of the tests. Extra arguments go to bench.mjs
# (e.g. --only startup,frames). Exits non-zero when a budget is missed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash tools/setup.sh
bash tools/build.sh web

# shellcheck disable=SC1091
source build/deps.env
export NODE_PATH=/usr/share/nodejs  # Emscripten's node must find Debian's JS modules
if [ ! -f build/bench-hello/CMakeCache.txt ]; then
  emcmake cmake -S bench/hello -B build/bench-hello -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSDL2_WASM_PREFIX="$SDL2_WASM_PREFIX" -DIMGUI_SRC_DIR="$IMGUI_SRC_DIR" >/dev/null
fi
cmake --build build/bench-hello

exec node tools/bench.mjs "$@"
