  // ---- classic-script entry (inside the same closure as the wasm-bindgen glue above) ----
  // The only global is `CommuneCharts`. The .wasm file is found next to this script. PRIOR is
  // what window.CommuneCharts was before (the closure returned early if it is ours already).
  var script = document.currentScript;
  var api = createCommuneCharts(
    new URL('commune-charts_bg.wasm', (script && script.src) || location.href).href,
    BUILD,
    function (module) { return wasm_bindgen({ module_or_path: module }).then(function () { return wasm_bindgen; }); },
    VERSION
  );
  if (PRIOR !== undefined) {
    console.warn('commune-charts: window.CommuneCharts was already set by the page; the widget replaces it (give the page\'s own object another name)');
  }
  try {
    window.CommuneCharts = api;
  } catch (e) { /* a read-only property: the page's charts are still drawn */ }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { api.scan(); }, { once: true });
  } else {
    api.scan();
  }
