  // ---- classic-script entry (inside the same closure as the wasm-bindgen glue above) ----
  // The only global is `CommuneCharts`. The .wasm file is found next to this script.
  var script = document.currentScript;
  var wasmUrl = new URL('commune-charts_bg.wasm', (script && script.src) || location.href).href;
  window.CommuneCharts = createCommuneCharts(function () {
    return wasm_bindgen({ module_or_path: wasmUrl }).then(function () { return wasm_bindgen; });
  }, VERSION);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { window.CommuneCharts.scan(); }, { once: true });
  } else {
    window.CommuneCharts.scan();
  }
