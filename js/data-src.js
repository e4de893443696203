// @ts-check
// ---- commune-charts: reading a chart's data (after js/refresh.js: dataTime; js/explain-start.js:
// tableSource; before js/api.js) ----
// Inline JSON or `data-src` (JSON, or CSV/TSV made JSON by the explanations module), within the
// element's `data-timeout`; every failure is a value ({failure}), never a rejection.
/* eslint-disable no-var */

/** Seconds a data-src (or the .wasm) may take when the element does not say (data-timeout). */
var FETCH_TIMEOUT_S = 15;

// `promise`, or after `ms` what `late()` returns (a value, or a rejected promise).
/**
 * @template T
 * @param {PromiseLike<T>} promise
 * @param {number} ms
 * @param {() => T | PromiseLike<T>} late
 * @returns {Promise<T>}
 */
function within(promise, ms, late) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { resolve(late()); }, ms);
    promise.then(function (v) { clearTimeout(timer); resolve(v); }, function (e) { clearTimeout(timer); reject(e); });
  });
}

/** @param {Element} el */
function timeoutOf(el) {
  var s = parseFloat(/** @type {string} */ (el.getAttribute('data-timeout'))); // (none: NaN)
  return s > 0 ? s : FETCH_TIMEOUT_S;
}

// Inline JSON, or the body of data-src, within data-timeout (headers and body). Resolves to
// {text} or {failure: {url, why, status}}; never rejects.
// `again`: a refresh (js/refresh.js), which revalidates the HTTP cache. A text read from data-src
// also has `at`, the time of its data (dataTime).
/** @param {HTMLElement} el @param {() => Promise<(text: string) => string>} explainer @param {boolean} [again] @returns {Promise<Source>} */
function readData(el, explainer, again) {
  var src = el.getAttribute('data-src');
  if (!src) {
    var inline = el.querySelector('script[type="application/json"]');
    return Promise.resolve({ text: inline ? inline.textContent : '' });
  }
  var seconds = timeoutOf(el);
  var controller = typeof AbortController === 'function' ? new AbortController() : null;
  var late = false;
  /** @type {number | undefined} */
  var at;
  /** @param {string} why @param {number} status @returns {Source} */
  var fail = function (why, status) { return { failure: { url: /** @type {string} */ (src), why: why, status: status } }; };
  var timeout = function () { return fail('timeout', Math.round(seconds)); };
  var request = /** @type {Promise<Response>} */ (new Promise(function (resolve) {
    resolve(fetch(new URL(/** @type {string} */ (src), el.ownerDocument.baseURI).href,
      { credentials: 'same-origin', cache: again ? 'no-cache' : undefined, signal: controller ? controller.signal : undefined }));
  })).then(function (r) {
    at = dataTime(r);
    if (!r.ok) return fail('status', r.status);
    var type = (r.headers.get('content-type') || '').toLowerCase();
    return r.text().then(function (text) {
      var first = text.replace(/^[\s\ufeff]+/, '').charAt(0);
      if (!first) return fail('empty', r.status);
      if (type.indexOf('html') >= 0 || first === '<') return fail('html', r.status);
      var format = tableFormat(el, type, r.url || /** @type {string} */ (src));
      return format ? { table: { text: text, format: format } } : { text: text };
    }, function () { return late ? timeout() : fail('cut', 0); }); // the body stopped part-way
  }, function () { return late ? timeout() : fail('network', 0); });
  return within(request, seconds * 1000, function () {
    late = true;
    if (controller) controller.abort(); // without AbortController, stop waiting for it instead
    return timeout();
  }).then(function (s) { return s.table ? fromTable(el, s.table, explainer) : s; }).then(function (s) {
    if (s.text != null) /** @type {{ at?: number }} */ (s).at = at;
    return s;
  });
}

// ---- CSV and TSV through data-src (contract, section 6): the table becomes JSON in the
// explanations module (the widget's wasm has no table reader), so a CSV chart costs one more
// fetch, on demand, and a JSON chart nothing.
// 'csv' or 'tsv' by data-format, else the response's Content-Type, else the URL's extension;
// '' (JSON) otherwise.
/** @param {Element} el @param {string} type @param {string} url @returns {string} */
function tableFormat(el, type, url) {
  var f = (el.getAttribute('data-format') || '').replace(/^\s+|\s+$/g, '').toLowerCase();
  if (f === 'csv' || f === 'tsv' || f === 'json') return f === 'json' ? '' : f;
  if (/^\s*(text|application)\/(csv|x-csv|comma-separated-values)\b/.test(type)) return 'csv';
  if (/^\s*text\/tab-separated-values\b/.test(type)) return 'tsv';
  var ext = /\.(csv|tsv)$/i.exec(url.replace(/[?#].*$/, ''));
  return ext ? ext[1].toLowerCase() : '';
}

// The table's JSON within the element's data-timeout, or the table alone (its explanation
// says what is wrong, by row and column).
/** @param {HTMLElement} el @param {TableSource} table @param {() => Promise<(text: string) => string>} explainer @returns {Promise<Source>} */
function fromTable(el, table, explainer) {
  return within(tableSource(explainer, table), timeoutOf(el) * 1000, function () { return { table: table }; });
}
