#!/usr/bin/env bash
# `scripts/wasm-opt.sh IN OUT`: the one wasm-opt step of both builds (dist/ and the npm package),
# with the pinned npm binaryen (never Debian's binaryen 108, which breaks the externref table).
# -Os: about 1 kB gz smaller than -Oz on this module when measured (they trade places by a few
# hundred bytes as the code changes).
set -euo pipefail
export PATH="$(cd "$(dirname "$0")/.." && pwd)/node_modules/.bin:$PATH"
wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue --strip-debug --strip-producers \
  "$1" -o "$2"
