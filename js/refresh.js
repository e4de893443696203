// @ts-check
// ---- commune-charts: live refresh, `data-refresh` (contract §6; before js/api.js) ----
/* eslint-disable no-var */

// A `data-src` chart with `data-refresh="SECONDS"` reads its data again every SECONDS (a number
// under 10 is taken as 10) while its page is visible: nothing is fetched in a background tab, and
// a refresh that fell due there is made as soon as the page is seen again. A failed refresh waits
// twice as long before the next try (up to REFRESH_CAP_S, or the period if it is longer); the first
// good one goes back to the period. js/api.js reads (`read`: data-src again, revalidating the HTTP
// cache, so an unchanged file costs a 304) and puts the data in (`put`: '' when done or unchanged,
// else why it failed); it starts the refresh once the chart is mounted, stops it when the page's
// script calls update(), on destroy() and while the element is out of the document, and starts it
// again when the element comes back. Preview mode shows a failed refresh in a note above the chart.

var REFRESH_MIN_S = 10;
var REFRESH_CAP_S = 300;
// The note of preview mode ([vi, en]), and why: a data-src failure's `why` (a status is said as
// `HTTP 500`) in words where there are some.
var REFRESH_NOTE = [
  'Xem trước: chưa làm mới được dữ liệu ({w}), thử lại sau {s} giây.',
  'Preview: the data could not be refreshed ({w}); next try in {s} s.'
];
/** @type {Record<string, string[]>} */
var REFRESH_WHY = {
  network: ['lỗi mạng', 'network error'],
  timeout: ['máy chủ không trả lời', 'no answer'],
  invalid: ['dữ liệu mới không hợp lệ', 'the new data is invalid'],
  html: ['trang HTML', 'an HTML page'],
  empty: ['tệp trống', 'empty file']
};

// The time of the data a response carries, in ms since the epoch: its Last-Modified, else now
// (the wasm makes it the ready event's `updatedAt`, a Date).
/** @param {Response} r @returns {number} */
function dataTime(r) {
  var t = Date.parse(r.headers.get('last-modified') || '');
  return t > 0 ? t : Date.now();
}

/**
 * The refresh of `el`, or null when it has no data-src or no data-refresh number.
 * @param {HTMLElement} el
 * @param {() => Promise<Source>} read
 * @param {(s: Source) => string} put
 * @returns {{ start(): void, stop(): void } | null}
 */
function refresher(el, read, put) {
  var period = parseFloat(/** @type {string} */ (el.getAttribute('data-refresh'))); // (none: NaN)
  if (!(period > -Infinity) || !el.getAttribute('data-src')) return null;
  period = Math.min(Math.max(period, REFRESH_MIN_S), 86400);
  var doc = el.ownerDocument;
  var wait = period; // seconds to the next try: the period, doubled after each failure
  var due = 0; // when it is (ms since the epoch)
  var on = false, busy = false, turn = 0; // `turn` drops a read that outlived a stop()
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  var timer;
  /** @type {HTMLElement | null} */
  var box = null;

  function tick() {
    if (!on || busy || doc.hidden) return; // (hidden: `wake` tries when the page is seen)
    busy = true;
    var mine = turn;
    read().then(function (s) {
      return mine === turn ? put(s) : '';
    }).then(null, function () { return 'other'; }).then(function (why) {
      if (mine !== turn) return;
      busy = false;
      wait = why ? Math.min(wait * 2, Math.max(period, REFRESH_CAP_S)) : period;
      due = Date.now() + wait * 1000;
      note(why);
      timer = setTimeout(tick, wait * 1000);
    });
  }

  function wake() {
    if (!doc.hidden && Date.now() >= due) tick();
  }

  // Preview mode: why the last refresh failed, above the chart (gone after a good one).
  /** @param {string} why */
  function note(why) {
    var p = el.getAttribute('data-preview');
    if (why && (p != null && p.trim().toLowerCase() !== 'false' || /^[^#]*[?&]commune-charts-debug([=&#]|$)/.test(doc.URL))) {
      var host = el.querySelector('[data-commune-chart-root]');
      // (`.c`: the chart's content box in its shadow root, src/web/style.rs; first, as the wasm's
      // own preview warnings are.)
      var root = host && host.shadowRoot && host.shadowRoot.querySelector('.c');
      if (!root) return;
      var en = /^en\b/i.test(/** @type {HTMLElement} */ (el.closest('[lang]') || doc.documentElement).lang || '') ? 1 : 0;
      if (!box) {
        box = doc.createElement('div');
        box.className = 'warn';
        box.setAttribute('role', 'status');
        box.setAttribute('data-commune-chart-refresh', '');
      }
      var w = REFRESH_WHY[why];
      box.textContent = REFRESH_NOTE[en].replace('{w}', w ? w[en] : why).replace('{s}', String(wait));
      if (box.parentNode !== root) root.insertBefore(box, root.firstChild);
    } else if (box) {
      if (box.parentNode) box.parentNode.removeChild(box);
      box = null;
    }
  }

  return {
    start: function () {
      if (on) return;
      on = true;
      doc.addEventListener('visibilitychange', wake);
      if (!due) due = Date.now() + wait * 1000;
      // (Back after a time out of the document: at once if a refresh fell due meanwhile.)
      timer = setTimeout(tick, Math.max(0, due - Date.now()));
    },
    stop: function () {
      on = busy = false;
      turn++;
      clearTimeout(timer);
      doc.removeEventListener('visibilitychange', wake);
      note('');
    }
  };
}
