// ---- commune-charts: the explanations module (after js/wasm-start.js: CANNOT_DRAW, fromBuild; before js/api.js) ----
/* eslint-disable no-var */

// The explanations module (src/explain.rs, built by explain/) at `url`, fetched only for an invalid
// chart or in preview mode, so readers of valid charts never download the messages: a wasm with no
// imports, whose request and answer are JSON text in its memory. Returns a loader: () -> a promise
// of explain(text) -> text. A failed load or a trapped instance is tried again next time.
function explainerOf(url, build) {
  var loading = null;
  return function () {
    if (!loading) {
      loading = Promise.resolve(fetch(url)).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.arrayBuffer();
      }).then(function (bytes) {
        return WebAssembly.instantiate(bytes, {});
      }).then(function (m) {
        if (!fromBuild(m.module, build)) throw new Error('another release');
        var x = m.instance.exports;
        return function (text) {
          try {
            var bytes = new TextEncoder().encode(text);
            var at = x.ex_alloc(bytes.length); // may grow the memory: its buffer is read after
            new Uint8Array(x.memory.buffer, at, bytes.length).set(bytes);
            at = x.ex_explain();
            return new TextDecoder().decode(new Uint8Array(x.memory.buffer, at, x.ex_len()));
          } catch (e) {
            loading = null; // a trapped instance is not used again
            throw e;
          }
        };
      });
      loading.then(null, function () { loading = null; });
    }
    return loading;
  };
}

// The request for `req` (Chart.explain_request) about `src` ({text}, {failure}, {path, why}, or
// a {table} read from a CSV or TSV data-src, as js/api.js reads data) drawn as `kind`: JSON text,
// as src/explain.rs reads it. A table's problems are said by row and column, so the request is
// about the table, not the JSON made from it.
function explanationRequest(req, src, kind) {
  var q = { lang: req.lang, chars: req.chars, preview: req.preview };
  if (src.table) {
    q.task = 'data';
    q.text = src.table.text;
    q.format = src.table.format;
    q.kind = kind;
  } else if (src.failure) {
    q.task = 'fetch';
    q.url = src.failure.url;
    q.why = src.failure.why;
    q.status = src.failure.status;
  } else if (src.why) {
    q.task = 'input';
    q.path = src.path;
    q.why = src.why;
  } else {
    q.task = 'data';
    q.text = src.text;
    q.kind = kind;
  }
  return JSON.stringify(q);
}

// A CSV or TSV data-src's text as the widget's JSON, by the explanations module (the widget's
// own wasm has no table reader): resolves to {text: the JSON, table} or, when the table has
// errors (or the module cannot be had), to {table} alone, whose explanation says them by row and
// column. `table`: {text, format: 'csv' or 'tsv'}.
function tableSource(explainer, table) {
  return explainer().then(function (ex) {
    var a = JSON.parse(ex(JSON.stringify({ task: 'table', text: table.text, format: table.format })));
    return a.errors === 0 && typeof a.json === 'string' ? { text: a.json, table: table } : { table: table };
  }).then(null, function () { return { table: table }; });
}

// The answer when the module cannot be had (`e` why): the chart is still an error, and says that
// its explanation is missing, in its language.
function unexplained(req, url, e) {
  var vi = req.lang !== 'en';
  return JSON.stringify({ heading: CANNOT_DRAW[vi ? 0 : 1], items: [{
    path: '', line: 0, column: 0, message: (vi ? 'không tải được phần giải thích lý do (' :
      'the explanation of why could not be loaded (') + url + ': ' + (e && e.message) +
      (vi ? '): hãy tải lại trang.' : '): reload the page.') }] });
}
