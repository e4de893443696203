// @ts-check
// The core's table reader (src/table/), which the widget uses for a CSV or TSV data-src and the
// command-line program for `render data.csv`: the playground reads pasted tables with it too,
// through the explanations module (dist/commune-charts-explain.wasm beside the widget's script:
// a wasm with no imports, JSON text in and out, see src/explain.rs). Fetched once, when the page
// starts; after that every call is synchronous. `coreFrom(bytes)` is the same for the unit tests
// (Node reads the file).

/** The module's answer to a request (JSON text in and out). @typedef {(request: object) => any} Ask */

/**
 * The module's exports (explain/src/lib.rs).
 * @typedef {{ memory: WebAssembly.Memory, ex_alloc: (n: number) => number, ex_explain: () => number, ex_len: () => number }} Exports
 */

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
  return WebAssembly.instantiate(bytes, {}).then(function (m) {
    var id = WebAssembly.Module.customSections(m.module, 'commune-charts-build')[0];
    if (build && (!id || String.fromCharCode.apply(null, Array.from(new Uint8Array(id))) !== build)) {
      throw new Error('another release than commune-charts.js');
    }
    var x = /** @type {Exports} */ (/** @type {unknown} */ (m.instance.exports));
    return function (/** @type {object} */ request) {
      var bytes = new TextEncoder().encode(JSON.stringify(request));
      var at = x.ex_alloc(bytes.length); // may grow the memory: its buffer is read after
      new Uint8Array(x.memory.buffer, at, bytes.length).set(bytes);
      at = x.ex_explain();
      return JSON.parse(new TextDecoder().decode(new Uint8Array(x.memory.buffer, at, x.ex_len())));
    };
  });
}

/** The module's address: next to the widget's script (dist/ beside the page, or elsewhere). */
export function coreUrl() {
  var script = document.querySelector('script[src$="commune-charts.js"]');
  var base = script instanceof HTMLScriptElement && script.src ? script.src : new URL('dist/commune-charts.js', document.baseURI).href;
  return new URL('commune-charts-explain.wasm', base).href;
}

/** The widget's build id (its API's mark), if the widget loaded. */
function widgetBuild() {
  var api = window.CommuneCharts;
  var mark = api && Object.getOwnPropertyDescriptor(api, 'commune-charts');
  return mark && typeof mark.value === 'string' && /^[0-9a-f]{12}$/.test(mark.value) ? mark.value : null;
}

/** Fetches and compiles the module at `url` (the page's CSP allows it, as for the widget). @param {string} url @returns {Promise<Ask>} */
export function loadCore(url) {
  return fetch(url).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  }).then(function (bytes) { return coreFrom(bytes, widgetBuild()); }).then(function (ask) {
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
