// Measurement harness, injected by bench/run.mjs into a contender's page (with data.js) after
// the page has loaded. `window.Bench`: setup(n, geom) draws n communes, rerender() times one
// re-render with the other data variant, hover(k) times one pointer move to a bar, info().
// Every timed operation starts after an animation frame has passed, so each starts from a
// rendered, clean page, as a real update or mouse move would.
(function () {
  'use strict';
  var contender = window.CommuneCharts ? 'ours' : window.Chart ? 'chartjs' : window.FloorChart ? 'floor' : null;
  var host = document.getElementById('host');
  var now = function () { return performance.now(); };
  var S = { variant: 0, moves: 0 };

  function frame() {
    return new Promise(function (resolve) { requestAnimationFrame(function () { setTimeout(resolve, 0); }); });
  }
  // Canvas 2D work is recorded and rasterised later; reading one pixel makes it happen now.
  function flush(canvas) { canvas.getContext('2d').getImageData(0, 0, 1, 1); }
  // commune-charts' row geometry (src/layout.rs: PAD, bar/label/gap heights), also used by the floor.
  function rowGeom(narrow) {
    return narrow ? { top: 12, labelH: 18, barH: 18, rowH: 46 } : { top: 12, labelH: 0, barH: 20, rowH: 28 };
  }
  // Rows whose bar lies wholly inside a canvas `h` CSS px high.
  function rowsIn(h, g, n) { return Math.max(1, Math.min(n, Math.floor((h - g.top - g.labelH - g.barH) / g.rowH) + 1)); }
  function dispatchMove(target, x, y, type) {
    var init = { clientX: x, clientY: y, bubbles: true, cancelable: true, view: window };
    if (type === 'pointermove') { init.pointerType = 'mouse'; init.isPrimary = true; target.dispatchEvent(new PointerEvent(type, init)); }
    else target.dispatchEvent(new MouseEvent(type, init));
  }
  // The widget's nodes are in the open shadow root of its host in #host; the others' in the page.
  function widgetRoot() {
    var h = host.querySelector('[data-commune-chart-root]');
    return (h && h.shadowRoot) || document;
  }
  function tooltipText() {
    var tips = Array.prototype.slice.call(document.querySelectorAll('[role=tooltip]'));
    if (widgetRoot() !== document) tips = tips.concat(Array.prototype.slice.call(widgetRoot().querySelectorAll('[role=tooltip]')));
    for (var i = 0; i < tips.length; i++) if (getComputedStyle(tips[i]).display !== 'none') return tips[i].textContent;
    return '';
  }

  var A = {};
  A.ours = {
    setup: function (n) {
      S.data = [0, 1].map(function (v) { return { communes: BenchData.communes(n, v) }; });
      S.names = S.data[0].communes.map(function (c) { return c.name; });
      return CommuneCharts.render(host, S.data[0], { kind: 'members' }).then(function (chart) { S.chart = chart; });
    },
    canvas: function () { return widgetRoot().querySelector('canvas[role=img]'); },
    rerender: function (v) { return S.chart.update(S.data[v]); },
    geometry: function () {
      var c = A.ours.canvas();
      var dpr = window.devicePixelRatio;
      var w = c.clientWidth, h = c.clientHeight;
      var g = rowGeom(w < 520);
      // Where the bars start: the first pixel of the bar colour on the first bar's middle line.
      var y = Math.round((g.top + g.labelH + g.barH / 2) * dpr);
      var px = c.getContext('2d').getImageData(0, y, c.width, 1).data, x0 = -1;
      for (var x = 0; x < c.width; x++) {
        if (px[4 * x] === 0x1f && px[4 * x + 1] === 0x5f && px[4 * x + 2] === 0xa8) { x0 = x / dpr; break; }
      }
      var stage = c.parentElement.parentElement.getBoundingClientRect().height;
      return { w: w, h: h, stage: stage, backing: [c.width, c.height], dpr: dpr, narrow: w < 520, rows: rowsIn(h, g, S.names.length), g: g, barX0: x0 };
    },
    point: function (i) {
      var G = S.geom, r = A.ours.canvas().getBoundingClientRect();
      return { x: r.left + G.barX0 + 3, y: r.top + G.g.top + G.g.rowH * i + G.g.labelH + G.g.barH / 2 };
    },
    move: function (p) { dispatchMove(A.ours.canvas(), p.x, p.y, 'pointermove'); return null; },
    text: tooltipText,
    heapExtra: function () { return null; },
  };

  A.chartjs = {
    setup: function (n, geom) {
      var pending = null;
      S.probe = function (p) { pending = p; };
      Chart.register({
        id: 'benchProbe',
        beforeEvent: function (chart, args) { if (pending && args.event.type === 'mousemove') pending.start = now(); },
        afterEvent: function (chart, args) {
          var p = pending;
          if (!p || !p.start || args.event.type !== 'mousemove') return;
          pending = null;
          // afterEvent comes before the redraw Chart.js does for a changed tooltip; a microtask
          // runs once the whole handler (redraw included) has returned.
          queueMicrotask(function () { p.end = now(); p.resolve(); });
        },
      });
      S.labels = [0, 1].map(function (v) { return BenchData.communes(n, v).map(function (c) { return c.name; }); });
      S.values = [0, 1].map(function (v) { return BenchData.communes(n, v).map(function (c) { return c.members; }); });
      S.names = S.labels[0];
      var canvas = document.createElement('canvas');
      host.appendChild(canvas);
      S.chart = window.makeBenchChart(canvas, S.labels[0], S.values[0], { w: geom.w, h: geom.h, rows: geom.rows, narrow: geom.narrow });
      return Promise.resolve();
    },
    canvas: function () { return S.chart.canvas; },
    rerender: function (v) { window.updateBenchChart(S.chart, S.labels[v], S.values[v]); return Promise.resolve(); },
    geometry: function () {
      var c = S.chart.canvas;
      return { w: parseFloat(c.style.width), h: parseFloat(c.style.height), backing: [c.width, c.height], dpr: window.devicePixelRatio, chartArea: S.chart.chartArea };
    },
    point: function (i) {
      var bar = S.chart.getDatasetMeta(0).data[i], r = S.chart.canvas.getBoundingClientRect();
      return { x: r.left + bar.base + 3, y: r.top + bar.y };
    },
    // Chart.js handles DOM events on the next animation frame (it throttles them); the time
    // reported is its handler's (start of its event processing to the end of the redraw).
    move: function (p) {
      return new Promise(function (resolve) {
        var probe = { resolve: function () { resolve(probe); } };
        S.probe(probe);
        dispatchMove(S.chart.canvas, p.x, p.y, 'mousemove');
      });
    },
    text: function () {
      var t = S.chart.tooltip;
      if (!t || !t.opacity) return '';
      return (t.title || []).join(' ') + ' ' + (t.body || []).map(function (b) { return b.lines.join(' '); }).join(' ');
    },
  };

  A.floor = {
    setup: function (n, geom) {
      S.names = BenchData.communes(n, 0).map(function (c) { return c.name; });
      S.values = [0, 1].map(function (v) { return BenchData.communes(n, v).map(function (c) { return c.members; }); });
      S.chart = new FloorChart(host, geom.w, geom.h);
      S.chart.draw(S.names, S.values[0]);
      return Promise.resolve();
    },
    canvas: function () { return S.chart.canvas; },
    // A real update hands over new arrays; the names are the same strings, as in the others.
    rerender: function (v) { S.chart.draw(S.names.slice(), S.values[v]); return Promise.resolve(); },
    geometry: function () {
      var c = S.chart.canvas;
      return { w: parseFloat(c.style.width), h: parseFloat(c.style.height), backing: [c.width, c.height], dpr: window.devicePixelRatio };
    },
    point: function (i) {
      var R = S.chart.rows, r = S.chart.canvas.getBoundingClientRect();
      return { x: r.left + R.x0 + 3, y: r.top + 12 + R.rowH * i + R.labelH + R.barH / 2 };
    },
    move: function (p) { dispatchMove(S.chart.canvas, p.x, p.y, 'pointermove'); return null; },
    text: tooltipText,
  };

  var a = A[contender];
  window.Bench = {
    contender: contender,
    setup: function (n, geom) {
      var t0 = now();
      return a.setup(n, geom || {}).then(function () {
        var first = now() - t0;
        return frame().then(frame).then(function () {
          S.geom = a.geometry();
          S.geom.firstRenderMs = first;
          // Hover targets: the rows commune-charts shows in its canvas (the driver passes them on).
          S.rows = contender === 'ours' ? S.geom.rows : geom.rows;
          return S.geom;
        });
      });
    },
    // One re-render with the other data variant: the library call, then a forced style/layout
    // (commune-charts rebuilds DOM nodes) and the canvas raster flushed. ms: {js, total}.
    rerender: function () {
      return frame().then(function () {
        S.variant = 1 - S.variant;
        var t0 = now();
        var done = a.rerender(S.variant);
        var t1 = now();
        void document.body.offsetHeight;
        flush(a.canvas());
        var t2 = now();
        return done.then(function () { return { js: t1 - t0, total: t2 - t0 }; });
      });
    },
    // `count` pointer moves, each to another fully visible bar, one per frame. Returns
    // [{ms, e2e}] and how many tooltips did not name the bar's commune (should be 0).
    hover: function (count) {
      var rows = S.rows;
      var out = [], wrong = 0, k = 0;
      function one() {
        if (k >= count) return Promise.resolve({ times: out, wrong: wrong, last: a.text() });
        var i = (S.moves++ * 37 + 1) % rows;
        k++;
        return frame().then(function () {
          var p = a.point(i);
          var t0 = now();
          var r = a.move(p);
          return Promise.resolve(r).then(function (probe) {
            var t1 = now();
            var ms = probe ? probe.end - probe.start : t1 - t0;
            out.push({ ms: ms, e2e: probe ? probe.end - t0 : ms });
            if (a.text().indexOf(S.names[i]) < 0) wrong++;
            return one();
          });
        });
      }
      return one();
    },
    heap: function () {
      var mems = window.__wasmMemories || [];
      var wasm = 0;
      for (var i = 0; i < mems.length; i++) wasm += mems[i].buffer.byteLength;
      return { usedJSHeapSize: performance.memory ? performance.memory.usedJSHeapSize : null, wasmBytes: wasm, wasmInstances: mems.length };
    },
    stringifyMs: function () {
      if (contender !== 'ours') return null;
      var t0 = now();
      JSON.stringify(S.data[0]);
      return now() - t0;
    },
  };
})();
