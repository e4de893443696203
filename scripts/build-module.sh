#!/usr/bin/env bash
# `scripts/build-module.sh PACKAGE OUT.wasm BUILD_ID`: a module a page fetches only when it needs
# it, built the one way for each: `commune-charts-explain` (explain/: what an invalid chart says,
# CSV/TSV tables; fetched for an invalid chart, a table data-src or in preview mode) and
# `commune-charts-render` (render/: the command-line program's SVG for the playground's images;
# not on the reader path and in no budget). Pure Rust with the ABI of `text_module_abi!` (three
# exports, no imports): no wasm-bindgen step; built on stable, the same wasm-opt flags as the
# widget, and its release's build id (a page refuses a module from another release).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo build --release --target wasm32-unknown-unknown -p "$1"
bash scripts/wasm-opt.sh "target/wasm32-unknown-unknown/release/${1//-/_}.wasm" "$2"
node scripts/wasm-build-id.mjs "$2" "$3" > /dev/null
