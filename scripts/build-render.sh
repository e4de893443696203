#!/usr/bin/env bash
# `scripts/build-render.sh OUT.wasm BUILD_ID`: the playground's image module (render/, see
# src/image.rs): the command-line program's SVG, drawn in the browser for the playground's "Tải ảnh
# SVG" / "Tải ảnh PNG" / social card. Only the playground fetches it, when a journalist downloads
# an image: not on the reader path and not in its budget. Like the explanations module: pure Rust,
# three exports and no imports, built on stable, the same wasm-opt flags, its release's build id.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo build --release --target wasm32-unknown-unknown -p commune-charts-render
bash scripts/wasm-opt.sh target/wasm32-unknown-unknown/release/commune_charts_render.wasm "$1"
node scripts/wasm-build-id.mjs "$1" "$2" > /dev/null
