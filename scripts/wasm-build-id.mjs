// `node scripts/wasm-build-id.mjs FILE.wasm`: gives the (optimised) wasm its build id and prints
// it: a custom section `commune-charts-build` whose payload is the first 12 hex digits of the
// file's SHA-256, appended at the end (after wasm-opt, which would strip it). The builds put the
// same id into the script, whose loader refuses a .wasm from another release. Run twice on the
// same file, it prints the id already there. `node scripts/wasm-build-id.mjs FILE.wasm ID` gives
// the file that id instead (the explanations module carries its release's id).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { leb, name } from './wasm-binary.mjs';

const NAME = 'commune-charts-build';
const [file, given] = process.argv.slice(2);
const bytes = readFileSync(file);
const [present] = WebAssembly.Module.customSections(new WebAssembly.Module(bytes), NAME);
if (present) {
  console.log(Buffer.from(present).toString('latin1'));
} else {
  const id = given || createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const body = Buffer.concat([name(NAME), Buffer.from(id)]);
  writeFileSync(file, Buffer.concat([bytes, Buffer.from([0]), leb(body.length), body]));
  if (WebAssembly.Module.customSections(new WebAssembly.Module(readFileSync(file)), NAME).length !== 1) throw new Error('section not readable');
  console.log(id);
}
