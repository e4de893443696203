// The core's table reader for the playground's unit tests: the explanations module as built
// (dist/commune-charts-explain.wasm, from `make dist`; else cargo's own build of explain/), read
// from disk and handed to www/playground/core.js as the page would get it.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreFrom, useCore } from '../../www/playground/core.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CANDIDATES = [
  join(root, 'dist', 'commune-charts-explain.wasm'),
  join(root, 'target', 'wasm32-unknown-unknown', 'release', 'commune_charts_explain.wasm'),
];

/** Loads the module and makes it the playground's reader; resolves to its `ask`. */
export async function withCore() {
  const file = CANDIDATES.find((f) => existsSync(f));
  if (!file) {
    throw new Error('no explanations module: run `make dist` (or `bash scripts/build-module.sh commune-charts-explain dist/commune-charts-explain.wasm ""`) first');
  }
  const ask = await coreFrom(readFileSync(file), null);
  useCore(ask);
  return ask;
}
