#!/usr/bin/env bash
# `scripts/wasm-opt.sh IN OUT`: the one wasm-opt step of both builds (dist/ and the npm package),
# with the pinned npm binaryen (never Debian's binaryen 108, which breaks the externref table).
# -Oz until nothing changes (--converge), and --low-memory-unused: Rust puts its stack below 1 MiB
# and its data above, so the low 1 KiB is never used and binaryen may fold constant addresses
# into load/store offsets. Measured on the reader's wasm (issue 18): -Os 83,783 B gz, -Oz 83,626,
# -Oz --converge 83,460, with --low-memory-unused 82,919 (-864 B against -Os).
set -euo pipefail
export PATH="$(cd "$(dirname "$0")/.." && pwd)/node_modules/.bin:$PATH"
wasm-opt -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue --strip-debug --strip-producers \
  "$1" -o "$2"
