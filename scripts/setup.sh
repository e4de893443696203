#!/usr/bin/env bash
# Installs what the build and tests need, idempotently, on a fresh Debian machine with only
# rustup and node: the wasm32 target, wasm-bindgen-cli at the version Cargo.lock pins,
# wasm-opt (npm `binaryen`, pinned), playwright-core (pinned), and with --browser Debian's
# Chromium, ChromeDriver and DejaVu fonts, and with --npm wasm-pack (pinned). Never Debian's binaryen: its 108 corrupts the
# externref table export.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '==> %s\n' "$*"; }
want_browser=0
want_npm=0
rust_only=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    --npm) want_npm=1 ;;
    --rust-only) rust_only=1 ;;
  esac
done
WASM_PACK_VERSION=0.15.0
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target (rustup)"
  rustup target add wasm32-unknown-unknown
fi
if ! cargo clippy --version >/dev/null 2>&1; then
  say "Adding clippy (rustup)"
  rustup component add clippy
fi
if ! cargo fmt --version >/dev/null 2>&1; then
  say "Adding rustfmt (rustup)"
  rustup component add rustfmt
fi
# `make check` needs only the Rust toolchain.
[ "$rust_only" = 1 ] && exit 0

[ -f Cargo.lock ] || cargo generate-lockfile
# The release wasm of dist/ is built with a pinned nightly (scripts/build-dist.sh says why): std
# rebuilt from its source, so only rust-src is needed, not a wasm32 std.
release_toolchain=$(cat scripts/release-toolchain)
if ! rustup run "$release_toolchain" rustc --version >/dev/null 2>&1 || ! rustup component list --installed --toolchain "$release_toolchain" | grep -q '^rust-src'; then
  say "Installing the pinned $release_toolchain with rust-src (rustup; the release wasm's std is built from it)"
  rustup toolchain install "$release_toolchain" --profile minimal --component rust-src
fi
version=$(scripts/wasm-bindgen-version.sh)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  say "Installing wasm-bindgen-cli $version (matches Cargo.lock; takes about 3 minutes once)"
  cargo install wasm-bindgen-cli --version "=$version" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/terser ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing pinned npm tools (binaryen for wasm-opt, terser, playwright-core, test and bench tools) with npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want_npm" = 1 ] && [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  say "Installing wasm-pack $WASM_PACK_VERSION (builds the npm package; about 2 minutes once)"
  cargo install wasm-pack --version "=$WASM_PACK_VERSION" --force
fi

if [ "$want_browser" = 1 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]} from Debian (headless browser tests; DejaVu covers Vietnamese)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
