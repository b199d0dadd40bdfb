#!/usr/bin/env bash
# build: configures and builds the native tests (build/native) and the web site (dist/).
# Usage: tools/build.sh [native|web|all]   (run tools/setup.sh first)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
what=${1:-all}
[ -f "$ROOT/build/deps.env" ] || { echo "[build] run tools/setup.sh first" >&2; exit 1; }
# shellcheck disable=SC1091
set -a; source "$ROOT/build/deps.env"; set +a
export NODE_PATH=/usr/share/nodejs  # Emscripten's node must find Debian's JS modules

if [ "$what" = native ] || [ "$what" = all ]; then
  if [ ! -f "$ROOT/build/native/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$ROOT/build/native" -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
  fi
  cmake --build "$ROOT/build/native"
fi

if [ "$what" = web ] || [ "$what" = all ]; then
  # Configure again when setup.sh pointed the build at other SDL2 or ImGui sources.
  if [ ! -f "$ROOT/build/web/CMakeCache.txt" ] || [ "$ROOT/build/deps.env" -nt "$ROOT/build/web/CMakeCache.txt" ]; then
    emcmake cmake -S "$ROOT" -B "$ROOT/build/web" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DSDL2_WASM_PREFIX="$SDL2_WASM_PREFIX" -DIMGUI_SRC_DIR="$IMGUI_SRC_DIR" >/dev/null
  fi
  cmake --build "$ROOT/build/web"
fi
