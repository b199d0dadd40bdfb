#!/usr/bin/env bash
# start: sets up, builds the site and serves it at a local URL (Ctrl+C to stop).
# Usage: tools/start.sh [PORT]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$ROOT/tools/setup.sh"
bash "$ROOT/tools/build.sh" web
exec node "$ROOT/tools/serve.mjs" "$ROOT/dist" --port "${1:-8080}"
