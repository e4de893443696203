// @ts-check
// The core's table reader (src/table/), which the widget uses for a CSV or TSV data-src and the
// command-line program for `render data.csv`: the playground reads pasted tables with it too,
// through the explanations module (dist/commune-charts-explain.wasm beside the widget's script:
// a wasm with no imports, JSON text in and out, see src/explain.rs). Fetched once, when the page
// starts; after that every call is synchronous. `coreFrom(bytes)` is the same for the unit tests
// (Node reads the file).

import { EXPLAIN_ABI, fetchTextModule, moduleUrl, textModuleFrom } from './modules.js';

/** The module's answer to a request (JSON text in and out). @typedef {(request: object) => any} Ask */

/** @type {Ask | null} */
var ready = null;

/**
 * Compiles the module's bytes; `build`: the widget's build id, which the module must carry too
 * (null: not checked). Resolves to a function from a request object to the answer object.
 * @param {BufferSource} bytes
 * @param {string | null} [build]
 * @returns {Promise<Ask>}
 */
export function coreFrom(bytes, build) {
  return textModuleFrom(bytes, build, EXPLAIN_ABI).then(asking);
}

/** A module's text function as the playground asks it: objects in and out. @param {(request: string) => string} call @returns {Ask} */
function asking(call) {
  return function (/** @type {object} */ request) { return JSON.parse(call(JSON.stringify(request))); };
}

/** The module's address: next to the widget's script (dist/ beside the page, or elsewhere). */
export function coreUrl() {
  return moduleUrl('commune-charts-explain.wasm');
}

/** Fetches and compiles the module at `url` (the page's CSP allows it, as for the widget). @param {string} url @returns {Promise<Ask>} */
export function loadCore(url) {
  return fetchTextModule(url, EXPLAIN_ABI).then(asking).then(function (ask) {
    ready = ask;
    return ask;
  });
}

/** Uses `ask` (from coreFrom) from now on: the unit tests' way in. @param {Ask} ask */
export function useCore(ask) {
  ready = ask;
}

/** The core, once loaded (else null). */
export function core() {
  return ready;
}
