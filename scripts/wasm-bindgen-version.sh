#!/usr/bin/env bash
# The wasm-bindgen version Cargo.lock pins: the CLI must match it exactly.
awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$(dirname "$0")/../Cargo.lock"
