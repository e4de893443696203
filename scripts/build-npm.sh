#!/usr/bin/env bash
# Builds the npm package with wasm-pack (--target web: an ES module that fetches the .wasm
# next to itself through `new URL(..., import.meta.url)`, which browsers, Vite, webpack 5,
# Rollup and esbuild all understand; --target bundler would need the bundler's wasm support).
# wasm-pack's own output (the low-level bindings) gets our API on top: index.js, index.d.ts,
# data.d.ts and the npm README; then `npm pack --offline` writes the tarball to target/npm/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '==> %s\n' "$*"; }

say "wasm-pack build --target web (wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt from npm binaryen)"
rm -rf pkg
wasm-pack --quiet build --release --target web --out-dir pkg --out-name commune_charts
# wasm-pack's wasm-opt step would look for its own download; ours is the pinned npm one.
bash scripts/wasm-opt.sh pkg/commune_charts_bg.wasm pkg/commune_charts_bg.wasm
build=$(node scripts/wasm-build-id.mjs pkg/commune_charts_bg.wasm) # as in build-dist.sh
# The explanations module next to it (fetched only for invalid charts and preview mode).
bash scripts/build-module.sh commune-charts-explain pkg/commune-charts-explain.wasm "$build"

version=$(node -p 'require("./pkg/package.json").version')
node - "$version" "$build" <<'JS'
const fs = require('fs');
const [version, build] = process.argv.slice(2);
const api = ['js/json-text.js', 'js/wasm-start.js', 'js/explain-start.js', 'js/refresh.js', 'js/data-src.js', 'js/api.js'].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
const index = fs.readFileSync('npm/index.js.in', 'utf8')
  .replace('/*@API@*/', api)
  .replace('/*@VERSION@*/', JSON.stringify(version))
  .replace('/*@BUILD@*/', JSON.stringify(build));
fs.writeFileSync('pkg/index.js', index);
fs.copyFileSync('npm/index.d.ts', 'pkg/index.d.ts');
fs.copyFileSync('types/data.d.ts', 'pkg/data.d.ts');
fs.copyFileSync('schema/commune-charts.schema.json', 'pkg/commune-charts.schema.json');
fs.copyFileSync('npm/README.md', 'pkg/README.md');
const pkg = JSON.parse(fs.readFileSync('pkg/package.json', 'utf8'));
Object.assign(pkg, {
  main: 'index.js',
  module: 'index.js',
  types: 'index.d.ts',
  exports: {
    '.': { types: './index.d.ts', default: './index.js' },
    './commune_charts_bg.wasm': './commune_charts_bg.wasm',
    './commune-charts-explain.wasm': './commune-charts-explain.wasm',
    './commune-charts.schema.json': './commune-charts.schema.json',
    './package.json': './package.json',
  },
  sideEffects: false,
  keywords: ['chart', 'bar-chart', 'wasm', 'canvas', 'accessibility', 'vietnamese', 'newsroom'],
});
pkg.files = Array.from(new Set([...(pkg.files || []), 'index.js', 'index.d.ts', 'data.d.ts', 'commune-charts.schema.json', 'commune-charts-explain.wasm']));
fs.writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
JS
node --check pkg/index.js 2>/dev/null || node --input-type=module --check < pkg/index.js

mkdir -p target/npm
rm -f target/npm/*.tgz
tarball=$(cd pkg && npm pack --offline --silent --pack-destination ../target/npm)
say "npm package: target/npm/$tarball ($(wc -c < "target/npm/$tarball") B); contents:"
tar -tzf "target/npm/$tarball" | sed 's/^/    /'
