// ---- commune-charts public API (shared by the classic script and the npm ES module) ----
// `createCommuneCharts(loadWasm)` returns { render, scan, get, version }. `loadWasm()` must
// return a promise of the wasm-bindgen exports (`mount`, `mount_fetch_error`), and is called
// once, when the first chart is about to be drawn. Plain ES5 so it runs in any CMS page.

/* eslint-disable no-var */
function createCommuneCharts(loadWasm, version) {
  var charts = new WeakMap(); // element -> chart, or a pending entry {pending: true, ...}
  var ready = null;
  var FETCH_TIMEOUT_S = 15;
  var NEAR_VIEWPORT = '300px 0px'; // start drawing a little before a chart scrolls into view
  var lazy = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(onIntersect, { rootMargin: NEAR_VIEWPORT })
    : null;
  var printHooked = false;

  function load() {
    if (!ready) {
      ready = Promise.resolve().then(loadWasm).then(null, function (e) {
        ready = null; // the next render() or scan() tries again
        var err = new Error('commune-charts: the widget could not start (' + (e && e.message || e) + ')');
        err.cause = e;
        err.startFailure = true;
        throw err;
      });
    }
    return ready;
  }

  // The wasm file did not load (404, blocked by CSP, old browser): the Rust code that shows
  // errors is not there, so say it from here, as text, in the page's language.
  function showStartFailure(el, err) {
    release(el);
    var vi = !/^en\b/i.test((el.closest && el.closest('[lang]') || document.documentElement).lang || '');
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-commune-chart-start-failure', '');
    var styles = [['display', 'block'], ['box-sizing', 'border-box'], ['margin', '0'], ['padding', '12px 14px'],
      ['border-left', '4px solid #b3261e'], ['background', '#fdecea'], ['color', '#410e0b'],
      ['font', '14px/1.45 system-ui, sans-serif'], ['text-align', 'left']];
    for (var i = 0; i < styles.length; i++) box.style.setProperty(styles[i][0], styles[i][1], 'important');
    box.textContent = vi
      ? 'Không vẽ được biểu đồ: không tải được tệp commune-charts_bg.wasm (đặt nó cạnh commune-charts.js và cho phép \'wasm-unsafe-eval\' trong Content-Security-Policy).'
      : 'The chart cannot be drawn: commune-charts_bg.wasm did not load (put it next to commune-charts.js and allow \'wasm-unsafe-eval\' in the Content-Security-Policy).';
    el.appendChild(box);
    charts.set(el, { startFailure: box, destroy: function () { if (box.parentNode) box.parentNode.removeChild(box); } });
    el.setAttribute('data-state', 'error');
    var detail = { message: box.textContent, problems: [] };
    var event;
    try {
      event = new CustomEvent('commune-chart:error', { bubbles: true, detail: detail });
    } catch (e) {
      event = document.createEvent('CustomEvent');
      event.initCustomEvent('commune-chart:error', true, false, detail);
    }
    el.dispatchEvent(event);
    console.error(err);
  }

  function toText(data) {
    return typeof data === 'string' ? data : JSON.stringify(data);
  }

  function kindOf(el, options) {
    if (options && options.kind != null) return String(options.kind);
    return el.getAttribute('data-commune-chart') || '';
  }

  function timeoutOf(el) {
    var s = parseFloat(el.getAttribute('data-timeout'));
    return s > 0 ? s : FETCH_TIMEOUT_S;
  }

  // Inline JSON, or the body of data-src. Resolves to {text} or {failure: {url, why, status}}.
  function readData(el) {
    var src = el.getAttribute('data-src');
    if (!src) {
      var inline = el.querySelector('script[type="application/json"]');
      return Promise.resolve({ text: inline ? inline.textContent : '' });
    }
    var url;
    try {
      url = new URL(src, document.baseURI).href;
    } catch (e) {
      return Promise.resolve({ failure: { url: src, why: 'network', status: 0 } });
    }
    var seconds = timeoutOf(el);
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timedOut = false;
    var timer = setTimeout(function () {
      timedOut = true;
      if (controller) controller.abort();
    }, seconds * 1000);
    var fail = function (why, status) { return { failure: { url: src, why: why, status: status } }; };
    var request = fetch(url, { credentials: 'same-origin', signal: controller ? controller.signal : undefined })
      .then(function (r) {
        if (!r.ok) return fail('status', r.status);
        var type = (r.headers.get('content-type') || '').toLowerCase();
        return r.text().then(function (text) {
          var start = text.replace(/^[\s\ufeff]+/, '').charAt(0);
          if (!start) return fail('empty', r.status);
          if (type.indexOf('html') >= 0 || start === '<') return fail('html', r.status);
          return { text: text };
        });
      }, function () { return timedOut ? fail('timeout', Math.round(seconds)) : fail('network', 0); });
    var deadline = new Promise(function (resolve) {
      // Without AbortController the request cannot be stopped; stop waiting for it instead.
      setTimeout(function () { resolve(fail('timeout', Math.round(seconds))); }, seconds * 1000 + 50);
    });
    return Promise.race([request, deadline]).then(function (result) {
      clearTimeout(timer);
      return result;
    });
  }

  // Drawn, or valid and waiting for a width (a hidden tab, display:none): it draws, and says
  // `commune-chart:ready` (or, if the layout finds nothing to draw, `commune-chart:error`),
  // when it gets one. Only data that cannot be drawn at all rejects.
  function settled(handle) {
    return handle.is_ready() || !handle.error_message();
  }

  function failure(handle, chart) {
    var err = new Error(handle.error_message() || 'commune-charts: invalid data');
    err.chart = chart;
    err.problems = handle.problems();
    return err;
  }

  // The chart object handed to users. `update(data, {kind})` with another kind re-mounts in
  // place, so the same object stays valid.
  function wrap(w, el, handle, kind) {
    var chart = {
      element: el,
      update: function (data, options) {
        if (!handle) return Promise.reject(new Error('commune-charts: this chart was destroyed'));
        var next = options && options.kind != null ? String(options.kind) : kind;
        if (next !== kind) {
          handle.destroy();
          handle = w.mount(el, toText(data), next);
          kind = next;
        } else if (!handle.update(toText(data))) {
          return Promise.reject(failure(handle, chart));
        }
        return settled(handle) ? Promise.resolve(chart) : Promise.reject(failure(handle, chart));
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

  // Forgets whatever the element had: a drawn chart is destroyed, a pending one unobserved.
  function release(el) {
    var previous = charts.get(el);
    if (!previous) return;
    if (previous.pending) {
      previous.cancelled = true;
      if (lazy) lazy.unobserve(el);
      if (!previous.started && previous.resolve) previous.resolve(null);
    } else if (previous.destroy) {
      previous.destroy();
    }
    charts.delete(el);
  }

  function mountWith(w, el, data, options) {
    release(el);
    var kind = kindOf(el, options);
    var handle = data.failure
      ? w.mount_fetch_error(el, data.failure.url, data.failure.why, data.failure.status)
      : w.mount(el, data.text, kind);
    var chart = wrap(w, el, handle, kind);
    charts.set(el, chart);
    return settled(handle) ? chart : Promise.reject(failure(handle, chart));
  }

  function render(element, data, options) {
    if (!element || element.nodeType !== 1) {
      return Promise.reject(new TypeError('CommuneCharts.render: an element is required'));
    }
    release(element);
    element.setAttribute('data-state', 'loading');
    return load().then(function (w) { return mountWith(w, element, { text: toText(data) }, options); }, function (err) {
      showStartFailure(element, err);
      throw err;
    });
  }

  // Draws a scanned element now: reads its data (inline or data-src) and mounts it.
  function draw(el, entry) {
    if (entry.started || entry.cancelled) return;
    entry.started = true;
    if (lazy) lazy.unobserve(el);
    Promise.all([readData(el), load()]).then(function (r) {
      if (entry.cancelled || charts.get(el) !== entry) return null;
      return mountWith(r[1], el, r[0]);
    }).then(entry.resolve, function (e) {
      if (e && e.startFailure && charts.get(el) === entry) showStartFailure(el, e);
      else if (!(e && e.chart)) console.error('commune-charts:', e);
      entry.resolve(null);
    });
  }

  function onIntersect(entries) {
    for (var i = 0; i < entries.length; i++) {
      if (!entries[i].isIntersecting) continue;
      var el = entries[i].target;
      var entry = charts.get(el);
      if (entry && entry.pending) draw(el, entry);
    }
  }

  // A chart already on screen starts now rather than at the IntersectionObserver's first
  // callback (a frame later): one layout read, which the first paint needs anyway.
  function nearViewport(el) {
    if (typeof window === 'undefined' || !el.getBoundingClientRect) return false;
    var r = el.getBoundingClientRect();
    var h = window.innerHeight || document.documentElement.clientHeight;
    return r.bottom >= -300 && r.top <= h + 300 && (r.width > 0 || r.height > 0);
  }

  // Printing shows every chart, including those never scrolled near.
  function hookPrint() {
    if (printHooked || typeof window === 'undefined') return;
    printHooked = true;
    window.addEventListener('beforeprint', function () {
      var all = document.querySelectorAll('[data-commune-chart]');
      for (var i = 0; i < all.length; i++) {
        var entry = charts.get(all[i]);
        if (entry && entry.pending) draw(all[i], entry);
      }
    });
  }

  // Finds [data-commune-chart] elements not yet handled under `root` (default: the document).
  // Charts near the viewport are drawn now, the rest when they scroll near (or before
  // printing); `{ lazy: false }` draws all now. Resolves with the charts drawn, once all are.
  function scan(root, options) {
    var scope = root || document;
    var eager = !lazy || (options && options.lazy === false);
    var found = scope.querySelectorAll ? scope.querySelectorAll('[data-commune-chart]') : [];
    var list = Array.prototype.slice.call(found);
    if (scope.matches && scope.matches('[data-commune-chart]')) list.unshift(scope);
    hookPrint();
    var jobs = [];
    // Every position is read before anything is written: one layout, however many charts.
    var near = list.map(function (el) {
      var known = charts.get(el);
      return !eager && (!known || !!known.startFailure) && nearViewport(el);
    });
    list.forEach(function (el, i) {
      var existing = charts.get(el);
      if (existing && existing.startFailure) {
        release(el); // the wasm failed to load before: try again
        existing = null;
      }
      if (existing) {
        if (existing.pending && eager) draw(el, existing);
        return;
      }
      var entry = { pending: true, started: false, cancelled: false };
      jobs.push(new Promise(function (resolve) { entry.resolve = resolve; }));
      charts.set(el, entry);
      el.setAttribute('data-state', 'loading');
      if (eager || near[i] || el.getAttribute('data-lazy') === 'false') draw(el, entry);
      else lazy.observe(el);
    });
    return Promise.all(jobs).then(function (all) { return all.filter(Boolean); });
  }

  // The chart drawn in an element, if any (like Chart.js's Chart.getChart).
  function get(element) {
    var c = element && charts.get(element);
    return c && !c.pending && !c.startFailure ? c : null;
  }

  return Object.freeze({ render: render, scan: scan, get: get, version: version });
}
