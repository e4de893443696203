// @ts-check
// ---- commune-charts public API (shared by the classic script and the npm ES module) ----
// `createCommuneCharts(wasmUrl, build, init, version)` returns { render, scan, get, version }.
// Built after js/json-text.js (toJsonText), js/wasm-start.js (startWasm, startFailureBox) and
// js/explain-start.js (explainerOf, explanationRequest, tableSource, unexplained), js/refresh.js
// (refresher, dataTime) and js/data-src.js (readData, within, timeoutOf).
// The .wasm at `wasmUrl` is fetched and compiled (startWasm), once, when the first chart is
// about to be drawn; `init(module)` instantiates the compiled module and returns a promise of the
// wasm-bindgen exports (`mount`, `mount_failed`). An invalid chart (or preview mode) gets its words
// from the explanations module (`explainer`), fetched only then. Plain ES5 so it runs in any CMS
// page.

/* eslint-disable no-var */

// Its types (Chart, Source, Rec…) are in js/types.js: comments only, read by tsc, not built.

/**
 * @param {string} wasmUrl
 * @param {string} build
 * @param {(module: WebAssembly.Module) => PromiseLike<Wasm>} init
 * @param {string} version
 * @returns {CommuneChartsApi}
 */
function createCommuneCharts(wasmUrl, build, init, version) {
  // element -> its record: {pending} (scanned, not drawn yet), {chart} (mounted), or {host} (the
  // box of a failure the wasm could not show). `scanned` records are found again by scan() when
  // their element comes back; `retry` ones (the wasm did not start, data-src failed) are redone
  // by the next scan().
  /** @type {WeakMap<Node, Rec>} */
  var records = new WeakMap();
  /** @type {HTMLElement[]} */
  var watched = []; // elements with a record, checked when nodes leave a document
  /** @type {WeakMap<Node, Rec>} */
  var parked = new WeakMap(); // element that left its document -> how it comes back
  var parkedCount = 0;
  /** @type {WeakMap<Document, MutationObserver>} */
  var observed = new WeakMap(); // document -> its MutationObserver
  /** @type {Promise<Wasm> | null} */
  var ready = null;
  var EXPLAIN_URL = new URL('commune-charts-explain.wasm', wasmUrl).href;
  /** @type {() => Promise<(text: string) => string>} */
  var explainer = explainerOf(EXPLAIN_URL, build);
  var NEAR_VIEWPORT = '300px 0px'; // start drawing a little before a chart scrolls into view
  var lazy = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(onIntersect, { rootMargin: NEAR_VIEWPORT })
    : null;
  var printHooked = false;

  /** @returns {Promise<Wasm>} */
  function load() {
    if (!ready) {
      ready = startWasm(wasmUrl, build, init).then(null, function (e) {
        ready = null; // the next render() or scan() tries again
        throw e;
      });
    }
    return ready;
  }

  // What `handle` asks for (`req`: Chart.explain_request) about `src` drawn as `kind`, from the
  // explanations module (js/explain-start.js) within the element's data-timeout; resolves to the
  // answer, or without the module to a box that says the explanation is missing.
  /** @param {HTMLElement} el @param {ExplainRequest} req @param {Source} src @param {string} kind @returns {Promise<string>} */
  function explain(el, req, src, kind) {
    return within(explainer(), timeoutOf(el) * 1000, function () { throw new Error('no answer'); }).then(function (ex) {
      return ex(explanationRequest(req, src, kind)) || Promise.reject(new Error('no answer'));
    }).then(null, function (e) {
      if (!req.error) return '{"warn":true,"items":[]}';
      console.error(e);
      return unexplained(req, EXPLAIN_URL, e);
    });
  }

  // The wasm exports, within the element's data-timeout (a stalled .wasm download is a failure).
  /** @param {HTMLElement} el @returns {Promise<Wasm>} */
  function start(el) {
    return within(load(), timeoutOf(el) * 1000, function () {
      return Promise.reject({ why: 'network', url: wasmUrl, message: 'no answer' });
    });
  }

  /** @param {HTMLElement} el @param {string} message */
  function emitError(el, message) {
    var detail = { message: message, problems: [] };
    el.dispatchEvent(new CustomEvent('commune-chart:error', { bubbles: true, detail: detail }));
  }

  // The wasm did not start (or something unexpected broke this chart): say it from here, as
  // text, in the page's language, in a box in an open shadow root like the wasm's own nodes.
  // `again` is how the chart comes back (its record for the lifecycle). Returns the Error to reject with.
  /** @param {HTMLElement} el @param {Cause | null | undefined} cause @param {Rec} again @returns {ChartFailure} */
  function showFailure(el, cause, again) {
    var why = (cause && cause.why) || 'other';
    release(el);
    var text = startFailureBox(el, why, cause, again);
    el.setAttribute('data-state', 'error');
    again.retry = true;
    register(el, again);
    emitError(el, text);
    console.error(cause);
    /** @type {ChartFailure} */
    var err = new Error(text);
    err.chart = null;
    err.problems = [];
    err.cause = cause;
    return err;
  }

  // Drawn, or valid and waiting for a width (a hidden tab, display:none): it draws, and says
  // `commune-chart:ready` (or, if the layout finds nothing to draw, `commune-chart:error`),
  // when it gets one. Only data that cannot be drawn at all rejects.
  /** @param {WasmChart} handle */
  function settled(handle) {
    return handle.is_ready() || !handle.error_message();
  }

  /** @param {WasmChart} handle @param {Chart} chart */
  function failure(handle, chart) {
    /** @type {ChartFailure} */
    var err = new Error(handle.error_message() || 'commune-charts: invalid data');
    err.chart = chart;
    err.problems = handle.problems();
    return err;
  }

  // `fn()`'s result as a promise that never throws synchronously; anything unexpected (not one
  // of our failures, which carry `problems`) also ends in a box on the chart.
  /**
   * @template T
   * @param {HTMLElement} el
   * @param {() => T | PromiseLike<T>} fn
   * @param {Rec} [again]
   * @returns {Promise<T>}
   */
  function attempt(el, fn, again) {
    return new Promise(function (resolve) { resolve(fn()); }).then(null, function (e) {
      throw e && e.problems ? e : showFailure(el, e, again || { scanned: false });
    });
  }

  // Mounts `src` ({text}, {failure} from readData, or {path, why} from toJsonText) into `el` as
  // a chart whose object stays valid across update() and the element leaving and coming back.
  /**
   * @param {Wasm} w
   * @param {HTMLElement} el
   * @param {Source} src
   * @param {RenderOptions | null | undefined} options
   * @param {boolean} scanned
   * @returns {Chart | Promise<Chart>}
   */
  function mountWith(w, el, src, options, scanned) {
    release(el);
    var kind = options && options.kind != null ? String(options.kind) : el.getAttribute('data-commune-chart') || '';
    /** @type {WasmChart | null} */
    var handle = null;
    var stub = false; // the handle shows a fetch or input failure: new data mounts a real chart
    /** @type {ChartRec} */
    var rec = { scanned: scanned, src: src, kind: kind };
    /** @param {Source} s @param {string} k */
    function set(s, k) {
      off();
      rec.src = s;
      rec.kind = kind = k;
      rec.retry = !!s.failure;
      stub = s.text == null;
      handle = s.text == null ? w.mount_failed(el) : w.mount(el, s.text, k, /** @type {{ at?: number }} */ (s).at); // (no text: a failure, or a table with errors)
    }
    function off() {
      var h = handle;
      handle = null;
      if (h) h.destroy();
    }
    // The chart, or a rejection with its problems; invalid data (and preview mode) first gets
    // its words from the explanations module.
    /** @returns {Chart | Promise<Chart>} */
    function outcome() {
      var h = /** @type {WasmChart} */ (handle); // (set() made it)
      var req = h.explain_request();
      if (!req) return check();
      return explain(el, req, rec.src, kind).then(function (answer) {
        if (handle !== h) return chart; // new data came meanwhile: its own outcome says
        h.explain(answer, /** @type {ExplainRequest} */ (req).serial);
        return check();
      });
    }
    function check() {
      if (!settled(/** @type {WasmChart} */ (handle))) throw failure(/** @type {WasmChart} */ (handle), chart);
      return chart;
    }
    /** @type {Chart} */
    var chart = {
      element: el,
      update: function (data, opts) {
        return attempt(el, function () {
          if (rec.gone) {
            /** @type {ChartFailure} */
            var gone = new Error('commune-charts: this chart was destroyed');
            gone.problems = [];
            throw gone;
          }
          if (live) live.stop(); // the page's script took over: no more refreshes
          live = null;
          var next = opts && opts.kind != null ? String(opts.kind) : kind;
          var s = /** @type {Source} */ (toJsonText(data));
          if (rec.away) { // the element is out of the document: drawn when it comes back
            rec.src = s;
            rec.kind = kind = next;
            return chart;
          }
          if (s.text != null && next === kind && !stub && handle) {
            rec.src = s; // what an explanation is asked about
            handle.update(s.text, undefined, false);
          } else {
            set(s, next);
          }
          return outcome();
        }, rec);
      },
      destroy: function () {
        rec.gone = true;
        if (live) live.stop();
        live = null;
        off();
        if (records.get(el) === rec) forget(el);
        if (parked.get(el) === rec) parked['delete'](el);
      }
    };
    rec.chart = chart;
    rec.off = function () { // released (the element left, or another chart took it)
      if (live) live.stop();
      off();
    };
    rec.restyle = function () { if (handle) handle.restyle(); };
    rec.back = function () { // the element came back: the same chart object draws again
      rec.away = false;
      register(el, rec);
      return attempt(el, function () {
        return start(el).then(function (w2) {
          w = w2;
          if (records.get(el) !== rec) return chart;
          set(rec.src, rec.kind);
          if (live) live.start();
          return outcome();
        });
      }, rec);
    };
    set(src, kind);
    register(el, rec);
    // Live refresh (js/refresh.js) of a scanned data-src chart: new text goes in as update() puts
    // it, except that invalid data over a drawn chart is refused (the chart stays as it was).
    // Returns why a refresh failed, '' when it did not.
    var live = scanned ? refresher(el, function () { return readData(el, explainer, true); }, function (s) {
      if (s.text == null) return s.failure ? (s.failure.why === 'status' ? 'HTTP ' + s.failure.status : s.failure.why) : 'invalid';
      if (s.text === rec.src.text) return ''; // unchanged
      if (stub || !handle) set(s, kind);
      else if (handle.update(s.text, /** @type {{ at?: number }} */ (s).at, handle.is_ready())) rec.src = s;
      else return 'invalid';
      attempt(el, outcome, rec).then(null, function () {});
      return '';
    }) : null;
    if (live) live.start();
    return outcome();
  }

  // ---- lifecycle: one MutationObserver per document; an element that leaves releases its
  // chart (after the task: a move within the same task keeps it) and gets it back when it returns.
  /** @param {HTMLElement} el @param {Rec} rec */
  function register(el, rec) {
    records.set(el, rec);
    if (el.isConnected) rec.seen = true;
    if (watched.indexOf(el) < 0) watched.push(el);
    var doc = el.ownerDocument;
    if (typeof MutationObserver === 'function' && !observed.get(doc)) {
      var mo = new MutationObserver(onMutations);
      // Attributes too: a page's theme switch (`class`, `style`, `data-bs-theme` on <html> or
      // <body>, a <meta name=color-scheme>'s content) or a chart's `data-theme` restyles charts.
      mo.observe(doc, { childList: true, subtree: true, attributes: true,
        attributeFilter: ['class', 'style', 'content', 'data-theme', 'data-bs-theme'] });
      observed.set(doc, mo);
    }
  }

  /** @param {HTMLElement} el */
  function forget(el) {
    records['delete'](el);
    var i = watched.indexOf(el);
    if (i >= 0) watched.splice(i, 1);
    // No chart left in that document (and none away): its observer goes too.
    var doc = el.ownerDocument;
    var mo = observed.get(doc);
    if (mo && !parkedCount && !watched.some(function (e) { return e.ownerDocument === doc; })) {
      mo.disconnect();
      observed['delete'](doc);
    }
  }

  /** @param {MutationRecord[]} list */
  function onMutations(list) {
    /** @type {Node[]} */
    var added = [];
    var restyle = false;
    for (var j = 0; j < list.length; j++) {
      // (An element and its document where they are read: only for an attribute's record.)
      var t = /** @type {Element} */ (list[j].target), d = /** @type {Document} */ (t.ownerDocument);
      if (list[j].type === 'attributes' && (t === d.documentElement || t === d.body || t.localName === 'meta' || records.get(t))) restyle = true;
    }
    for (var i = 0; parkedCount && i < list.length; i++) added.push.apply(added, /** @type {Node[]} */ (/** @type {ArrayLike<Node>} */ (list[i].addedNodes)));
    watched.slice().forEach(function (el) {
      var rec = records.get(el);
      if (!rec) return forget(el);
      if (el.isConnected) rec.seen = true;
      else if (rec.seen) park(el, rec);
      if (restyle && rec.restyle) rec.restyle();
    });
    added.forEach(function (node) {
      if (node.nodeType !== 1 || !node.isConnected) return;
      var all = /** @type {HTMLElement[]} */ ([node].concat(Array.prototype.slice.call(/** @type {Element} */ (node).getElementsByTagName('*'))));
      all.forEach(function (el) {
        var rec = parked.get(el);
        if (!rec) return;
        unpark(el);
        if (rec.scanned) scan(el);
        else (rec.back ? rec.back() : render(el, /** @type {CommuneChartData | string} */ (rec.data), rec.options)).then(null, function () {});
      });
    });
  }

  // A new render() or scan() of an element that left the page replaces what would have come back.
  /** @param {HTMLElement} el */
  function unpark(el) {
    if (parked['delete'](el)) parkedCount--;
  }

  /** @param {HTMLElement} el @param {Rec} rec */
  function park(el, rec) {
    rec.away = true; // (a pending entry's promise settles now, even if its data is on the way)
    parked.set(el, rec);
    parkedCount++; // (first: the document's observer must stay to see it come back)
    release(el);
    el.removeAttribute('data-state');
  }

  // Forgets whatever the element had: a chart is destroyed, a pending one unobserved and its
  // promise settled (a started one settles when its data arrives), a failure box removed.
  /** @param {HTMLElement} el */
  function release(el) {
    var previous = records.get(el);
    if (!previous) return;
    forget(el);
    if (previous.pending) {
      previous.cancelled = true;
      if (lazy) lazy.unobserve(el);
      if (!previous.started || previous.away) /** @type {(chart: null) => void} */ (previous.resolve)(null);
    } else if (previous.off) {
      previous.off();
    }
    if (previous.host && previous.host.parentNode) previous.host.parentNode.removeChild(previous.host);
  }

  /** @param {HTMLElement} element @param {CommuneChartData | string} data @param {RenderOptions} [options] @returns {Promise<Chart>} */
  function render(element, data, options) {
    if (!element || element.nodeType !== 1) {
      return Promise.reject(new TypeError('CommuneCharts.render: an element is required'));
    }
    /** @type {Rec} */
    var again = { scanned: false, data: data, options: options }; // how it comes back after a failure
    return attempt(element, function () {
      var src = /** @type {Source} */ (toJsonText(data));
      unpark(element);
      release(element);
      element.setAttribute('data-state', 'loading');
      return start(element).then(function (w) {
        return mountWith(w, element, src, options, false);
      }, function (e) {
        throw showFailure(element, e, again);
      });
    }, again);
  }

  // Draws a scanned element now: asks for the wasm first (so the .wasm is requested before any
  // data-src), reads its data (inline or data-src) and mounts it.
  /** @param {HTMLElement} el @param {Rec} entry */
  function draw(el, entry) {
    if (entry.started || entry.cancelled) return;
    entry.started = true;
    if (lazy) lazy.unobserve(el);
    var wasm = start(el);
    Promise.all([wasm, readData(el, explainer)]).then(function (r) {
      if (records.get(el) !== entry) return null;
      return mountWith(r[0], el, r[1], null, true);
    }).then(entry.resolve, function (e) {
      if (!(e && e.chart) && records.get(el) === entry) showFailure(el, e, { scanned: true });
      /** @type {(chart: null) => void} */ (entry.resolve)(null);
    });
  }

  /** @param {IntersectionObserverEntry[]} entries */
  function onIntersect(entries) {
    for (var i = 0; i < entries.length; i++) {
      if (!entries[i].isIntersecting) continue;
      var el = /** @type {HTMLElement} */ (entries[i].target);
      var entry = records.get(el);
      if (entry && entry.pending) draw(el, entry);
    }
  }

  // A chart already on screen starts now rather than at the IntersectionObserver's first
  // callback (a frame later): one layout read, which the first paint needs anyway.
  /** @param {HTMLElement} el */
  function nearViewport(el) {
    var view = el.ownerDocument.defaultView;
    if (!view || !el.getBoundingClientRect) return false;
    var r = el.getBoundingClientRect();
    var h = view.innerHeight || el.ownerDocument.documentElement.clientHeight;
    return r.bottom >= -300 && r.top <= h + 300 && (r.width > 0 || r.height > 0);
  }

  // Printing shows every chart, including those never scrolled near.
  function hookPrint() {
    if (printHooked || typeof window === 'undefined') return;
    printHooked = true;
    window.addEventListener('beforeprint', function () {
      var all = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-commune-chart]'));
      for (var i = 0; i < all.length; i++) {
        var entry = records.get(all[i]);
        if (entry && entry.pending) draw(all[i], entry);
      }
    });
  }

  // Finds [data-commune-chart] elements not yet handled under `root` (default: the document);
  // those whose wasm or data-src failed are tried again. Charts near the viewport are drawn now,
  // the rest when they scroll near (or before printing); `{ lazy: false }` draws all now.
  // Resolves with the charts drawn, once all are.
  /** @param {ParentNode} [root] @param {ScanOptions} [options] @returns {Promise<Chart[]>} */
  function scan(root, options) {
    return new Promise(function (resolve) { resolve(scanNow(root, options)); });
  }

  /** @param {ParentNode} [root] @param {ScanOptions} [options] @returns {Promise<Chart[]>} */
  function scanNow(root, options) {
    var scope = /** @type {ParentNode & Partial<HTMLElement>} */ (root || document);
    var eager = !lazy || (options && options.lazy === false);
    var found = scope.querySelectorAll ? scope.querySelectorAll('[data-commune-chart]') : [];
    var list = /** @type {HTMLElement[]} */ (Array.prototype.slice.call(found));
    if (scope.matches && scope.matches('[data-commune-chart]')) list.unshift(/** @type {HTMLElement} */ (scope));
    hookPrint();
    /** @type {Promise<Chart | null>[]} */
    var jobs = [];
    // Every position is read before anything is written: one layout, however many charts.
    var near = list.map(function (el) {
      var known = records.get(el);
      return !eager && (!known || !!known.retry) && nearViewport(el);
    });
    list.forEach(function (el, i) {
      /** @type {Rec | null | undefined} */
      var existing = records.get(el);
      if (existing && existing.retry) {
        release(el); // the wasm or the data failed before: try again
        existing = null;
      }
      if (existing) {
        if (existing.pending && eager) draw(el, existing);
        return;
      }
      /** @type {Rec} */
      var entry = { pending: true, started: false, cancelled: false, scanned: true };
      jobs.push(new Promise(function (resolve) { entry.resolve = resolve; }));
      unpark(el);
      release(el);
      register(el, entry);
      el.setAttribute('data-state', 'loading');
      if (eager || near[i] || el.getAttribute('data-lazy') === 'false') draw(el, entry);
      else /** @type {IntersectionObserver} */ (lazy).observe(el); // (not eager: there is one)
    });
    return Promise.all(jobs).then(function (all) { return /** @type {Chart[]} */ (all.filter(Boolean)); });
  }

  // The chart drawn in an element, if any (like Chart.js's Chart.getChart).
  /** @param {Element} element */
  function get(element) {
    var rec = element && records.get(element);
    return (rec && rec.chart) || null;
  }

  var api = { render: render, scan: scan, get: get, version: version };
  // Our mark, so that a second copy of the script knows the global is already ours.
  Object.defineProperty(api, 'commune-charts', { value: build || version });
  return Object.freeze(api);
}
