#!/usr/bin/env bash
# Builds dist/: commune-charts.js (classic script: wasm-bindgen glue + loader in one closure)
# and commune-charts_bg.wasm (scripts/wasm-opt.sh), then prints their raw and gzip -9 sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '==> %s\n' "$*"; }

# The reader path's wasm is built with a pinned nightly (scripts/release-toolchain) and std rebuilt
# from source with panic=immediate-abort: no panic message, location or core::fmt code is linked
# (none is ever shown: a panic in the page only stops the wasm), measured at -2.5 kB gz (-3.4%).
# Everything else (tests, clippy, the CLI, the npm package, the explanations module) uses stable.
toolchain=$(cat scripts/release-toolchain)
say "Compiling the core to wasm32 with $toolchain (opt-level z, LTO, std built with panic=immediate-abort)"
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none" \
  cargo "+$toolchain" build --release --target wasm32-unknown-unknown --lib --target-dir target/release-wasm \
  -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size
rm -rf target/wasm-bindgen && mkdir -p target/wasm-bindgen dist
wasm-bindgen --target no-modules --no-typescript --out-dir target/wasm-bindgen --out-name commune-charts \
  target/release-wasm/wasm32-unknown-unknown/release/commune_charts.wasm
say "Optimising with wasm-opt $(wasm-opt --version | awk '{print $3}') (-Oz --converge --low-memory-unused: scripts/wasm-opt.sh)"
bash scripts/wasm-opt.sh target/wasm-bindgen/commune-charts_bg.wasm dist/commune-charts_bg.wasm
node scripts/short-imports.mjs dist/commune-charts_bg.wasm target/wasm-bindgen/commune-charts.js
# The build's id in both files (a custom section in the wasm, BUILD in the script): the loader says
# so when a page gets a script and a .wasm from different releases.
build=$(node scripts/wasm-build-id.mjs dist/commune-charts_bg.wasm)
say "Build id $build (wasm custom section commune-charts-build)"
say "The explanations module (explain/: fetched only for invalid charts and preview mode)"
bash scripts/build-module.sh commune-charts-explain dist/commune-charts-explain.wasm "$build"
say "The playground's image module (render/: the command-line program's SVG; only the playground fetches it)"
bash scripts/build-module.sh commune-charts-render dist/commune-charts-render.wasm "$build"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
{
  echo "/*! commune-charts $version | MIT */"
  echo '(function () {'
  echo '  "use strict";'
  echo '  if (typeof window === "undefined") return;'
  # Loaded twice: the first copy's global is marked (releases before the mark: frozen, with scan).
  # Anything else the page put there (a settings stub) is replaced, with a console warning.
  echo '  var PRIOR = window.CommuneCharts;'
  echo '  if (PRIOR && (PRIOR["commune-charts"] || Object.isFrozen(PRIOR) && PRIOR.scan)) return;'
  echo "  var VERSION = '$version', BUILD = '$build';"
  cat target/wasm-bindgen/commune-charts.js
  cat js/json-text.js js/wasm-start.js js/explain-start.js js/refresh.js js/data-src.js js/api.js
  cat js/classic.js
  echo '})();'
} > target/wasm-bindgen/commune-charts.bundle.js
node -e 'new Function(require("fs").readFileSync("target/wasm-bindgen/commune-charts.bundle.js","utf8"))' # syntax check
say "Minifying the script with terser $(terser --version | awk '{print $2}') (pinned in package.json)"
# ES5 output for any CMS page; the licence comment (/*!) is kept.
terser target/wasm-bindgen/commune-charts.bundle.js --compress passes=2 --mangle --ecma 5 \
  --comments '/^!/' --output dist/commune-charts.js

say "dist/ sizes (raw / gzip -9):"
gz() { gzip -9c "$1" | wc -c; }
total=0
for f in dist/commune-charts.js dist/commune-charts_bg.wasm dist/commune-charts-explain.wasm dist/commune-charts-render.wasm; do
  printf '    %-34s %8d B raw  %7d B gz\n' "$f" "$(wc -c < "$f")" "$(gz "$f")"
done
reader=$(( $(gz dist/commune-charts.js) + $(gz dist/commune-charts_bg.wasm) ))
explain=$(gz dist/commune-charts-explain.wasm)
printf '    %-34s %8s        %7d B gz (%d kB)\n' "reader path (the script + .wasm)" "" "$reader" "$((reader / 1024))"
# The image module is the playground's alone (readers never download it): its size is printed
# above and stated in the README, and counts in no budget.

# Size budgets (issues 7 and 15): the build fails above them, so the widget only gets smaller.
# The reader path is what a page of valid charts downloads; the explanations module is fetched
# only by invalid charts and preview mode. Lower a budget when a change saves bytes; never raise
# it without saying why in the commit. Raised in issues 18 and 19 (81,350 -> 95,400 B): what
# readers see on valid charts (highlight, compare, rank, group, members per 1,000: +8.7 kB; the
# search box of long charts: +4.0 kB; live refresh: +1.5 kB; CSV detection: +0.3 kB; -0.9 kB from
# wasm-opt -Oz --converge --low-memory-unused). The explanations module (48,700 -> 68,700 B) now
# also reads CSV/TSV tables (+17.3 kB), fetched only by charts whose data-src is a table.
# +100 (review of issues 17-19): ranks and compare's reference kept by the layout instead of two
# sorts at every readout (+76 B wasm), reading data in its own file (+25 B script).
# Reader path +100 (issue 19): a stacked bar's last value no longer runs into the total drawn
# inside the bar's end ("5" beside "31" read "531" on phones): +71 B.
# Explanations +50 (issue 19): a table pasted without tabs is split on commas, semicolons or
# spaces, whichever splits its rows consistently (a published CSV copied from the browser; +142 B).
# +300: a field the chart needs whose column the table lacks is said by the column to add
# ('dòng 2, cột "Đạt và vượt" (bảng chưa có cột này)' instead of 'dòng 2: thiếu trường'; +275 B).
BUDGET_GZ=${COMMUNE_CHARTS_BUDGET_GZ:-95600}
EXPLAIN_BUDGET_GZ=${COMMUNE_CHARTS_EXPLAIN_BUDGET_GZ:-69050}
if (( reader > BUDGET_GZ )); then
  echo "error: the reader path is $reader B gz, above its size budget of $BUDGET_GZ B (scripts/build-dist.sh)" >&2
  exit 1
fi
if (( explain > EXPLAIN_BUDGET_GZ )); then
  echo "error: the explanations module is $explain B gz, above its size budget of $EXPLAIN_BUDGET_GZ B (scripts/build-dist.sh)" >&2
  exit 1
fi
say "Within the size budgets: reader path $reader B gz of $BUDGET_GZ B; explanations $explain B gz of $EXPLAIN_BUDGET_GZ B"
