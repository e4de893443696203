  // ---- commune-charts loader (runs inside the same closure as the wasm-bindgen glue above) ----
  // The only global is `CommuneCharts`. The .wasm file is found next to this script.
  var script = document.currentScript;
  var base = (script && script.src) || location.href;
  var wasmUrl = new URL('commune-charts_bg.wasm', base).href;
  var charts = new WeakMap(); // element -> chart wrapper (or a pending marker)
  var ready = null;

  function load() {
    if (!ready) {
      ready = wasm_bindgen({ module_or_path: wasmUrl }).then(function () { return wasm_bindgen; });
    }
    return ready;
  }

  function toText(data) {
    return typeof data === 'string' ? data : JSON.stringify(data);
  }

  function kindOf(el, options) {
    if (options && options.kind) return String(options.kind);
    return el.getAttribute('data-commune-chart') || '';
  }

  // Inline JSON, or the body of data-src. Resolves to {text} or {fetchError: {url, status}}.
  function readData(el) {
    var src = el.getAttribute('data-src');
    if (src) {
      var url = new URL(src, document.baseURI).href;
      return fetch(url, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) return { fetchError: { url: src, status: r.status } };
        return r.text().then(function (text) { return { text: text }; });
      }, function () { return { fetchError: { url: src, status: 0 } }; });
    }
    var inline = el.querySelector('script[type="application/json"]');
    return Promise.resolve({ text: inline ? inline.textContent : '' });
  }

  function wrap(el, handle) {
    var chart = {
      element: el,
      update: function (data) {
        if (!handle) return Promise.reject(new Error('chart destroyed'));
        return handle.update(toText(data)) ? Promise.resolve(chart) : Promise.reject(failure(handle, chart));
      },
      destroy: function () {
        if (!handle) return;
        handle.destroy();
        handle = null;
        if (charts.get(el) === chart) charts.delete(el);
      }
    };
    return chart;
  }

  function failure(handle, chart) {
    var err = new Error(handle.error_message() || 'commune-charts: invalid data');
    err.chart = chart;
    return err;
  }

  function mountWith(w, el, data, options) {
    var previous = charts.get(el);
    if (previous && previous.destroy) previous.destroy();
    var handle = data.fetchError
      ? w.mount_fetch_error(el, data.fetchError.url, data.fetchError.status)
      : w.mount(el, data.text, kindOf(el, options));
    var chart = wrap(el, handle);
    charts.set(el, chart);
    return handle.is_ready() ? chart : Promise.reject(failure(handle, chart));
  }

  function render(element, data, options) {
    if (!element || element.nodeType !== 1) return Promise.reject(new TypeError('CommuneCharts.render: element required'));
    element.setAttribute('data-state', 'loading');
    return load().then(function (w) { return mountWith(w, element, { text: toText(data) }, options); });
  }

  function scan(root) {
    var scope = root || document;
    var found = scope.querySelectorAll ? scope.querySelectorAll('[data-commune-chart]') : [];
    var list = Array.prototype.slice.call(found);
    if (scope.matches && scope.matches('[data-commune-chart]')) list.unshift(scope);
    var jobs = list.filter(function (el) { return !charts.has(el); }).map(function (el) {
      charts.set(el, {}); // pending: a second scan() skips it
      el.setAttribute('data-state', 'loading');
      return Promise.all([readData(el), load()]).then(function (r) {
        return mountWith(r[1], el, r[0]);
      }).catch(function (e) {
        if (!(e && e.chart)) console.error('commune-charts:', e);
        return null;
      });
    });
    return Promise.all(jobs).then(function (all) { return all.filter(Boolean); });
  }

  window.CommuneCharts = Object.freeze({ render: render, scan: scan, version: '0.1.0' });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { scan(); }, { once: true });
  } else {
    scan();
  }
