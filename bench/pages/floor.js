// The "floor": what drawing this chart costs with no library at all. One canvas sized by
// devicePixelRatio, a plain loop of fillRect/fillText (bars, commune names at the left or, below
// 520 px, above each bar, and value labels at the bar ends in vi format via ONE
// Intl.NumberFormat), and a hover readout found by binary search over the bar bands. It copies
// commune-charts' row geometry (rows from y = 12, 20 px bars in 28 px rows; 18 px names + 18 px
// bars in 46 px rows when narrow) and, like it, draws only the rows inside its canvas (the
// driver gives a tall chart the same viewport-high window commune-charts uses). No axis, ticks,
// grid, truncation, accessibility or theming: it is a lower bound, not a product.
(function () {
  'use strict';
  var FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, DejaVu Sans, Arial, sans-serif';
  var BAR = '#1f5fa8';
  var TEXT = '#1a1a1a';
  var fmt = new Intl.NumberFormat('vi');

  function FloorChart(host, width, height) {
    this.w = width;
    this.h = height;
    var wrap = document.createElement('div');
    wrap.style.position = 'relative';
    wrap.style.width = width + 'px';
    wrap.style.height = height + 'px';
    this.canvas = document.createElement('canvas');
    this.overlay = document.createElement('canvas');
    this.overlay.style.position = 'absolute';
    this.overlay.style.left = '0';
    this.overlay.style.top = '0';
    this.overlay.style.pointerEvents = 'none';
    this.canvas.style.display = 'block';
    wrap.appendChild(this.canvas);
    wrap.appendChild(this.overlay);
    host.appendChild(wrap);
    this.tip = document.createElement('div');
    this.tip.setAttribute('role', 'tooltip');
    this.tip.style.cssText = 'position:fixed;display:none;pointer-events:none;padding:7px 10px;border:1px solid #595959;' +
      'background:#fff;color:#1a1a1a;font:13px/1.4 ' + FONT + ';max-width:320px;border-radius:4px';
    this.tipTitle = document.createElement('strong');
    this.tipTitle.style.display = 'block';
    this.tipLine = document.createElement('div');
    this.tip.appendChild(this.tipTitle);
    this.tip.appendChild(this.tipLine);
    document.body.appendChild(this.tip);
    var self = this;
    this.canvas.addEventListener('pointermove', function (e) { self.move(e.clientX, e.clientY); });
    this.canvas.addEventListener('pointerleave', function () { self.hide(); });
  }

  FloorChart.prototype.draw = function (names, values) {
    var w = this.w, h = this.h, n = values.length;
    var dpr = window.devicePixelRatio || 1;
    var c = this.canvas, o = this.overlay;
    c.width = o.width = Math.round(w * dpr);
    c.height = o.height = Math.round(h * dpr);
    c.style.width = o.style.width = w + 'px';
    c.style.height = o.style.height = h + 'px';
    var ctx = c.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);

    var narrow = w < 520, pad = 12, inner = w - 2 * pad;
    var max = 0, i;
    for (i = 0; i < n; i++) if (values[i] > max) max = values[i];
    var namesW = 0;
    if (!narrow) {
      ctx.font = '13px ' + FONT;
      var widest = 0;
      for (i = 0; i < n; i++) widest = Math.max(widest, ctx.measureText(names[i]).width);
      namesW = Math.min(widest + 12, inner * 0.38);
    }
    ctx.font = 'bold 12px ' + FONT;
    var endW = Math.min(ctx.measureText(fmt.format(max)).width, inner * 0.45) + 8;
    var x0 = pad + namesW, x1 = pad + inner - endW, scale = max > 0 ? (x1 - x0) / max : 0;
    var labelH = narrow ? 18 : 0, barH = narrow ? 18 : 20, gap = narrow ? 10 : 8, rowH = labelH + barH + gap;
    var last = Math.min(n, Math.ceil((h - pad) / rowH)); // rows that reach into the canvas

    ctx.fillStyle = BAR;
    for (i = 0; i < last; i++) ctx.fillRect(x0, pad + rowH * i + labelH, Math.round(values[i] * scale), barH);
    ctx.fillStyle = TEXT;
    ctx.textBaseline = 'middle';
    ctx.font = '13px ' + FONT;
    ctx.textAlign = narrow ? 'left' : 'right';
    for (i = 0; i < last; i++) {
      var top = pad + rowH * i;
      if (narrow) ctx.fillText(names[i], pad, top + labelH / 2 - 1);
      else ctx.fillText(names[i], x0 - 8, top + barH / 2);
    }
    ctx.font = 'bold 12px ' + FONT;
    ctx.textAlign = 'left';
    for (i = 0; i < last; i++) ctx.fillText(fmt.format(values[i]), x0 + Math.round(values[i] * scale) + 5, pad + rowH * i + labelH + barH / 2);

    // Bands for hit-testing: each row's band includes half the gap on either side.
    var y0 = new Float64Array(n), y1 = new Float64Array(n);
    for (i = 0; i < n; i++) {
      y0[i] = pad + rowH * i - (i === 0 ? 0 : gap / 2);
      y1[i] = pad + rowH * i + labelH + barH + gap / 2;
    }
    this.rows = { y0: y0, y1: y1, x0: x0, scale: scale, labelH: labelH, barH: barH, rowH: rowH, last: last };
    this.names = names;
    this.values = values;
  };

  FloorChart.prototype.move = function (clientX, clientY) {
    var r = this.canvas.getBoundingClientRect();
    var y = clientY - r.top, rows = this.rows;
    var lo = 0, hi = rows.y1.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (rows.y1[mid] <= y) lo = mid + 1; else hi = mid;
    }
    if (lo >= rows.y1.length || rows.y0[lo] > y) return this.hide();
    var dpr = window.devicePixelRatio || 1;
    var ctx = this.overlay.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.overlay.width, this.overlay.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.strokeStyle = TEXT;
    ctx.lineWidth = 2;
    ctx.strokeRect(rows.x0 - 1, 12 + rows.rowH * lo + rows.labelH - 1, Math.round(this.values[lo] * rows.scale) + 2, rows.barH + 2);
    this.tipTitle.textContent = this.names[lo];
    this.tipLine.textContent = 'Đảng viên: ' + fmt.format(this.values[lo]);
    var tip = this.tip;
    tip.style.display = 'block';
    var tw = tip.offsetWidth, th = tip.offsetHeight; // keep it inside the viewport
    var vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    tip.style.left = Math.max(4, Math.min(clientX + 12, vw - tw - 4)) + 'px';
    tip.style.top = (clientY + 16 + th > vh ? Math.max(4, clientY - th - 8) : clientY + 16) + 'px';
  };

  FloorChart.prototype.hide = function () {
    this.tip.style.display = 'none';
    this.overlay.getContext('2d').clearRect(0, 0, this.overlay.width, this.overlay.height);
  };

  window.FloorChart = FloorChart;
})();
