// @ts-check
// The core's on-demand modules beside the widget's script (dist/commune-charts-explain.wasm: the
// table reader and the explanations; dist/commune-charts-render.wasm: the command-line program's
// SVG), as the playground loads them. Both have the ABI of `text_module_abi!` (src/lib.rs): no
// imports, a request written into `alloc(len)`, `call()`, `len()` bytes of the answer; both carry
// the release's build id, which must be the widget's. (The widget's own loader of the
// explanations module, in its classic script, is js/explain-start.js.)

/** A module's three exports, by name: explain/ `ex_*`, render/ `im_*`. @typedef {{ alloc: string, call: string, len: string }} Abi */
/** The explanations module's exports (explain/src/lib.rs). @type {Abi} */
export const EXPLAIN_ABI = { alloc: 'ex_alloc', call: 'ex_explain', len: 'ex_len' };
/** The image module's exports (render/src/lib.rs). @type {Abi} */
export const RENDER_ABI = { alloc: 'im_alloc', call: 'im_render', len: 'im_len' };

/** `file`'s address: next to the widget's script (dist/ beside the page, or elsewhere). @param {string} file */
export function moduleUrl(file) {
  var script = document.querySelector('script[src$="commune-charts.js"]');
  var base = script instanceof HTMLScriptElement && script.src ? script.src : new URL('dist/commune-charts.js', document.baseURI).href;
  return new URL(file, base).href;
}

/** The widget's build id (its API's mark), if the widget loaded. */
export function widgetBuild() {
  var api = window.CommuneCharts;
  var mark = api && Object.getOwnPropertyDescriptor(api, 'commune-charts');
  return mark && typeof mark.value === 'string' && /^[0-9a-f]{12}$/.test(mark.value) ? mark.value : null;
}

/**
 * Compiles a module's bytes; `build`: the id it must carry (null: not checked). Resolves to a
 * function from request text to answer text.
 * @param {BufferSource} bytes
 * @param {string | null | undefined} build
 * @param {Abi} abi
 * @returns {Promise<(request: string) => string>}
 */
export function textModuleFrom(bytes, build, abi) {
  return WebAssembly.instantiate(bytes, {}).then(function (m) {
    var id = WebAssembly.Module.customSections(m.module, 'commune-charts-build')[0];
    if (build && (!id || String.fromCharCode.apply(null, Array.from(new Uint8Array(id))) !== build)) {
      throw new Error('another release than commune-charts.js');
    }
    var x = /** @type {Record<string, any>} */ (m.instance.exports);
    var memory = /** @type {WebAssembly.Memory} */ (x.memory);
    return function (/** @type {string} */ text) {
      var bytes = new TextEncoder().encode(text);
      var at = x[abi.alloc](bytes.length); // may grow the memory: its buffer is read after
      new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
      at = x[abi.call]();
      return new TextDecoder().decode(new Uint8Array(memory.buffer, at, x[abi.len]()));
    };
  });
}

/**
 * Fetches and compiles the module at `url` (the page's CSP allows it, as for the widget),
 * checked against the widget's build.
 * @param {string} url @param {Abi} abi
 * @returns {Promise<(request: string) => string>}
 */
export function fetchTextModule(url, abi) {
  return fetch(url).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  }).then(function (bytes) { return textModuleFrom(bytes, widgetBuild(), abi); });
}
