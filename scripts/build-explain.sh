#!/usr/bin/env bash
# `scripts/build-explain.sh OUT.wasm BUILD_ID`: the explanations module (explain/, see
# src/explain.rs), which a page fetches only for an invalid chart or in preview mode. Pure Rust
# with three exports and no imports: no wasm-bindgen step; the same wasm-opt flags as the widget,
# and its release's build id (js/api.js refuses a module from another release).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo build --release --target wasm32-unknown-unknown -p commune-charts-explain
bash scripts/wasm-opt.sh target/wasm32-unknown-unknown/release/commune_charts_explain.wasm "$1"
node scripts/wasm-build-id.mjs "$1" "$2" > /dev/null
