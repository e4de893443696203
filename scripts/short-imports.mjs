// Shortens the wasm's import names and the glue's matching keys (`node scripts/short-imports.mjs
// WASM GLUE_JS`, both rewritten in place). wasm-bindgen names each import after its JS function
// plus a 16-digit hash (`__wbg_setProperty_0a1b2c3d4e5f6a7b`): about 150 of them, written twice
// (the wasm's import section and the glue's import object), random hex that gzip cannot shrink.
// Each becomes a short name (`a`, `b`, ... `aa`): -2.3 kB gz with no change in behaviour. The
// names are opaque to everything but this pair of files, built together.
import { readFileSync, writeFileSync } from 'node:fs';
import { leb, name as str, readLeb } from './wasm-binary.mjs';

const [wasmPath, gluePath] = process.argv.slice(2);
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

const shortName = (n) => { let s = ''; n++; while (n > 0) { n--; s = String.fromCharCode(97 + (n % 26)) + s; n = Math.floor(n / 26); } return s; };

if (wasm.readUInt32BE(0) !== 0x0061736d) throw new Error(`${wasmPath} is not a wasm module`);
let at = 8;
const parts = [wasm.subarray(0, 8)];
const renamed = new Map();
while (at < wasm.length) {
  const id = wasm[at];
  const [size, bodyAt] = readLeb(wasm, at + 1);
  const end = bodyAt + size;
  if (id !== 2) { parts.push(wasm.subarray(at, end)); at = end; continue; }
  let [count, p] = readLeb(wasm, bodyAt);
  const entries = [leb(count)];
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = readLeb(wasm, p); const module = wasm.subarray(p, p + len).toString('utf8'); p += len;
    [len, p] = readLeb(wasm, p); const field = wasm.subarray(p, p + len).toString('utf8'); p += len;
    const descStart = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = readLeb(wasm, p); // function: type index
    else if (kind === 1) { p++; const flags = wasm[p++]; [, p] = readLeb(wasm, p); if (flags & 1) [, p] = readLeb(wasm, p); } // table
    else if (kind === 2) { const flags = wasm[p++]; [, p] = readLeb(wasm, p); if (flags & 1) [, p] = readLeb(wasm, p); } // memory
    else if (kind === 3) p += 2; // global: type, mutability
    else throw new Error(`unknown import kind ${kind}`);
    let name = field;
    if (kind === 0 && /^__wb(g|indgen)_\w+$/.test(field) && glue.includes(field)) {
      if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
      name = renamed.get(field);
    }
    entries.push(str(module), str(name), wasm.subarray(descStart, p));
  }
  const body = Buffer.concat(entries);
  parts.push(Buffer.from([2]), leb(body.length), body);
  at = end;
}
// Replace whole keys only (`name:` in the import object), longest first so no name is a prefix.
for (const [from, to] of [...renamed].sort((a, b) => b[0].length - a[0].length)) {
  const key = new RegExp(`\\b${from}(?=\\s*:)`, 'g');
  const hits = glue.match(key)?.length ?? 0;
  if (hits !== 1) throw new Error(`import ${from}: expected one key in the glue, found ${hits}`);
  glue = glue.replace(key, to);
}
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`    ${renamed.size} import names shortened`);
