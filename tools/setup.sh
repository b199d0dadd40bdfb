#!/usr/bin/env bash
# Steady Back setup: installs everything the build and the tests need on Debian 12 (bookworm),
# from Debian's archive and npm only, and builds SDL2 for WebAssembly once into a cache
# outside the repository. Safe to run again: a second run only checks and returns.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE_DIR=${STEADY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/steady-back}

# Pinned versions of the Debian source packages compiled to WebAssembly.
SDL2_SRC_VERSION="2.26.5+dfsg-1"
IMGUI_SRC_VERSION="1.86+ds-1"
QRCODEGEN_SRC_VERSION="1.8.0-1.1"  # Nayuki's QR Code generator (source package qr-code-generator)
# Its upstream tarball, as listed in that version's .dsc: only its C library is compiled.
QRCODEGEN_ORIG_SHA256="2ec0a4d33d6f521c942eeaf473d42d5fe139abcfa57d2beffe10c5cf7d34ae60"

APT_PACKAGES=(
  emscripten cmake ninja-build make g++ clang libclang-rt-14-dev dpkg-dev
  doctest-dev libstb-dev rapidjson-dev
  fonts-inter fonttools python3
  chromium brotli zbar-tools imagemagick librsvg2-bin
)

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

missing_packages() {
  local p out=()
  for p in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      out+=("$p")
    fi
  done
  echo "${out[@]:-}"
}

is_debian() { [ -r /etc/os-release ] && grep -qE '^ID=debian' /etc/os-release; }
is_root() { [ "$(id -u)" = 0 ]; }

manual_help() {
  cat >&2 <<HELP
[setup] This script installs packages with apt-get and needs Debian 12 and root.
[setup] To prepare another machine by hand, install:
[setup]   Debian packages: ${APT_PACKAGES[*]}
[setup]   Debian source packages (apt-get source): libsdl2=${SDL2_SRC_VERSION} imgui=${IMGUI_SRC_VERSION} qr-code-generator=${QRCODEGEN_SRC_VERSION}
[setup]   then run this script again as a normal user to build SDL2 for WebAssembly.
HELP
}

# --- 1. Debian packages ----------------------------------------------------------------
need=$(missing_packages)
if [ -n "$need" ]; then
  if ! is_debian || ! is_root || ! command -v apt-get >/dev/null; then
    say "missing packages: $need"
    manual_help
    exit 1
  fi
  say "installing Debian packages: $need"
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

# --- 2. Debian source packages of SDL2, Dear ImGui and the QR code generator -------------------------------------
mkdir -p "$CACHE_DIR"
SRC_DIR="$CACHE_DIR/src"
SDL2_SRC="$SRC_DIR/libsdl2-$SDL2_SRC_VERSION"
IMGUI_SRC="$SRC_DIR/imgui-$IMGUI_SRC_VERSION"
QRCODEGEN_SRC="$SRC_DIR/qr-code-generator-$QRCODEGEN_SRC_VERSION"

enable_deb_src() {
  local f=/etc/apt/sources.list.d/debian.sources changed=0
  if [ -f "$f" ]; then
    if grep -qE '^Types:' "$f" && grep -E '^Types:' "$f" | grep -vq 'deb-src'; then
      is_root || { manual_help; die "deb-src is not enabled in $f"; }
      sed -i -E '/^Types:/{/deb-src/!s/$/ deb-src/}' "$f"
      say "enabled deb-src in $f (added 'deb-src' to its Types: lines)"
      changed=1
    fi
  elif [ -f /etc/apt/sources.list ] && ! grep -qE '^deb-src ' /etc/apt/sources.list; then
    is_root || { manual_help; die "deb-src is not enabled in /etc/apt/sources.list"; }
    grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' >> /etc/apt/sources.list
    say "enabled deb-src in /etc/apt/sources.list (copied its deb lines as deb-src)"
    changed=1
  fi
  if [ "$changed" = 1 ] || ! apt-cache showsrc libsdl2 2>/dev/null | grep -q "^Version: $SDL2_SRC_VERSION"; then
    apt-get update -qq
  fi
}

fetch_source() { # package version destination
  local pkg=$1 ver=$2 dest=$3 tmp
  [ -f "$dest/.complete" ] && return 0
  enable_deb_src
  tmp=$(mktemp -d)
  chmod 755 "$tmp"
  say "fetching Debian source package $pkg=$ver"
  (cd "$tmp" && apt-get source -qq --download-only "$pkg=$ver" >/dev/null 2>&1) \
    || die "apt-get source $pkg=$ver failed (is deb-src enabled and the version still in the archive?)"
  (cd "$tmp" && dpkg-source --no-check -x ./*.dsc unpacked >/dev/null)
  rm -rf "$dest"; mkdir -p "$(dirname "$dest")"
  mv "$tmp/unpacked" "$dest"
  touch "$dest/.complete"
  rm -rf "$tmp"
}

# The upstream sources of a Debian source package, checked against the .dsc's SHA-256. Used
# where the upstream code is compiled as it is and the Debian diff only packages it (the
# archive has been seen to miss a diff file that its index still lists).
fetch_orig_source() { # package version sha256 destination
  local pkg=$1 ver=$2 sum=$3 dest=$4 tmp orig
  [ -f "$dest/.complete" ] && return 0
  enable_deb_src
  tmp=$(mktemp -d)
  chmod 755 "$tmp"
  say "fetching the upstream sources of Debian source package $pkg=$ver"
  (cd "$tmp" && apt-get source -qq --download-only "$pkg=$ver" >/dev/null 2>&1) || true
  orig=$(ls "$tmp"/*.orig.tar.* 2>/dev/null | head -n 1)
  [ -n "$orig" ] || die "apt-get source $pkg=$ver brought no upstream tarball (is deb-src enabled?)"
  echo "$sum  $orig" | sha256sum -c --quiet - >/dev/null 2>&1 || die "$orig does not match its pinned SHA-256"
  mkdir -p "$tmp/unpacked"
  tar -xf "$orig" -C "$tmp/unpacked" --strip-components=1
  rm -rf "$dest"; mkdir -p "$(dirname "$dest")"
  mv "$tmp/unpacked" "$dest"
  touch "$dest/.complete"
  rm -rf "$tmp"
}

fetch_source libsdl2 "$SDL2_SRC_VERSION" "$SDL2_SRC"
fetch_source imgui "$IMGUI_SRC_VERSION" "$IMGUI_SRC"
fetch_orig_source qr-code-generator "$QRCODEGEN_SRC_VERSION" "$QRCODEGEN_ORIG_SHA256" "$QRCODEGEN_SRC"

# --- 3. SDL2 built for WebAssembly, cached by version ------------------------------------
export NODE_PATH=/usr/share/nodejs
# Only what a WebGL canvas app needs: video, events, timers and threads. Audio (the app uses
# Web Audio directly), rendering, joysticks, haptics, sensors, power, locale, file system and
# the dummy/offscreen drivers are left out, which keeps about 15 kB (gzip) out of the wasm.
SDL2_OPTIONS=(
  -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF
  -DSDL_AUDIO=OFF -DSDL_RENDER=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF
  -DSDL_POWER=OFF -DSDL_SENSOR=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_FILESYSTEM=OFF
  -DSDL_OFFSCREEN=OFF -DSDL_DUMMYVIDEO=OFF -DSDL_DISKAUDIO=OFF -DSDL_DUMMYAUDIO=OFF
)
SDL2_PREFIX="$CACHE_DIR/sdl2-wasm-$SDL2_SRC_VERSION-lean"
if [ ! -f "$SDL2_PREFIX/.complete" ]; then
  say "building SDL2 $SDL2_SRC_VERSION for WebAssembly (a few minutes, once per machine)"
  bdir=$(mktemp -d)
  rm -rf "$SDL2_PREFIX.tmp"
  emcmake cmake -S "$SDL2_SRC" -B "$bdir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "${SDL2_OPTIONS[@]}" \
    -DCMAKE_INSTALL_PREFIX="$SDL2_PREFIX.tmp" > "$CACHE_DIR/sdl2-configure.log" 2>&1 \
    || die "SDL2 configure failed; see $CACHE_DIR/sdl2-configure.log"
  cmake --build "$bdir" > "$CACHE_DIR/sdl2-build.log" 2>&1 \
    || die "SDL2 build failed; see $CACHE_DIR/sdl2-build.log"
  cmake --install "$bdir" > /dev/null
  rm -rf "$bdir" "$SDL2_PREFIX"
  mv "$SDL2_PREFIX.tmp" "$SDL2_PREFIX"
  touch "$SDL2_PREFIX/.complete"
fi

# --- 4. npm packages, pinned by package-lock.json ---------------------------------------
lock="$ROOT/package-lock.json"
stamp="$ROOT/node_modules/.steady-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$lock" "$stamp"; then
  say "installing npm packages from package-lock.json"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$lock" "$stamp"
fi

# --- 5. Tell the build where things are --------------------------------------------------
mkdir -p "$ROOT/build"
cat > "$ROOT/build/deps.env" <<ENV
SDL2_WASM_PREFIX=$SDL2_PREFIX
IMGUI_SRC_DIR=$IMGUI_SRC
QRCODEGEN_SRC_DIR=$QRCODEGEN_SRC
ENV
say "ready (cache: $CACHE_DIR)"
