// ---- commune-charts: fetching, compiling and checking the .wasm, and what its failures say
// (before js/api.js) ----
/* eslint-disable no-var */

// Fetches and compiles the .wasm, checks that it comes from the same build as this script (both
// carry the build's id: the wasm in its custom section `commune-charts-build`), then `init(module)`.
// A failure rejects with an Error whose `why` names the cause the reader's box explains: status
// (with `status`), cors, network, html, cut, release, csp or other. The request is made at once
// (not a microtask later), so it goes out before any data-src request of the same scan.
function startWasm(url, build, init) {
  var stage = 'fetch';
  function fail(why, cause, status) {
    var err = new Error('commune-charts: ' + why + ' (' + url + ')' + (cause ? ': ' + (cause.message || cause) : ''));
    err.why = why;
    err.url = url;
    err.status = status;
    err.cause = cause;
    throw err;
  }
  var got;
  try {
    // The request the README's <link rel=preload as=fetch crossorigin> matches: cors, same-origin
    // credentials. A polyfilled fetch (whatwg-fetch) works too: its Response is read as bytes.
    got = Promise.resolve(fetch(url));
  } catch (e) {
    got = Promise.reject(e);
  }
  return got.then(function (r) {
    var type = (r.headers && r.headers.get('content-type')) || '';
    if (!r.ok) fail('status', null, r.status);
    if (/html/i.test(type)) fail('html'); // a single-page app's fallback page, a login page
    stage = 'body';
    // Streaming only with the browser's own Response (a polyfilled fetch's is not one) and the
    // right MIME type (else compileStreaming refuses it); otherwise read the bytes first.
    if (WebAssembly.compileStreaming && /^application\/wasm/i.test(type) && Object.prototype.toString.call(r) === '[object Response]') {
      return WebAssembly.compileStreaming(r);
    }
    return r.arrayBuffer().then(function (bytes) {
      var b = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
      if (b[0] !== 0 || b[1] !== 97 || b[2] !== 115 || b[3] !== 109) fail('html'); // not "\0asm"
      stage = 'compile';
      return WebAssembly.compile(bytes);
    });
  }, function (e) {
    // No answer at all: on another origin, a no-cors request that succeeds means the server is
    // there but does not allow this page (no Access-Control-Allow-Origin).
    if (url.indexOf(location.origin + '/') === 0) fail('network', e);
    return fetch(url, { mode: 'no-cors', credentials: 'omit' }).then(function () { fail('cors', e); }, function () { fail('network', e); });
  }).then(function (module) {
    if (!fromBuild(module, build)) fail('release');
    stage = 'link';
    return init(module);
  }).then(null, function (e) {
    if (e && e.why) throw e;
    var name = e && e.name;
    if (name === 'EvalError' || /Content.Security|unsafe-eval|CSP/i.test(e && e.message)) fail('csp', e);
    if (name === 'LinkError' || stage === 'link') fail(name === 'LinkError' ? 'release' : 'other', e);
    if (name === 'CompileError') fail(/magic/i.test(e.message) ? 'html' : 'cut', e);
    fail(stage === 'body' ? 'cut' : 'other', e);
  });
}

// What the box says when the wasm cannot start (or something unexpected broke a chart): the Rust
// code that writes the other messages is not there. [vi, en]; {u} the .wasm's URL, {s} the status.
var CANNOT_DRAW = ['Không vẽ được biểu đồ', 'The chart cannot be drawn']; // the heading of every box [vi, en]
var START_FAILURES = {
  status: ['máy chủ trả lời {s} cho {u}: hãy đặt tệp commune-charts_bg.wasm cạnh commune-charts.js.',
    'the server answered {s} for {u}: put commune-charts_bg.wasm next to commune-charts.js.'],
  cors: ['{u} ở một origin khác, không có header Access-Control-Allow-Origin: hãy thêm header này cho tệp .wasm.',
    '{u} is on another origin, without the Access-Control-Allow-Origin header: add that header for the .wasm file.'],
  network: ['lỗi mạng khi tải {u}: hãy tải lại trang.', 'a network error while loading {u}: reload the page.'],
  html: ['{u} trả về một trang HTML, không phải tệp .wasm: hãy đặt tệp commune-charts_bg.wasm cạnh commune-charts.js.',
    '{u} returned an HTML page, not the .wasm file: put commune-charts_bg.wasm next to commune-charts.js.'],
  cut: ['{u} tải về không trọn vẹn: hãy tải lại trang; nếu vẫn lỗi, chép lại tệp lên máy chủ.',
    '{u} arrived incomplete: reload the page; if this persists, copy the file to the server again.'],
  release: ['commune-charts.js và commune-charts_bg.wasm thuộc hai phiên bản khác nhau: hãy chép cả hai tệp trong dist/ cùng lúc.',
    'commune-charts.js and commune-charts_bg.wasm are from different releases: copy both files of dist/ together.'],
  csp: ['Content-Security-Policy của trang chặn WebAssembly: hãy cho phép \'wasm-unsafe-eval\' trong script-src.',
    'the page\'s Content-Security-Policy blocks WebAssembly: allow \'wasm-unsafe-eval\' in script-src.'],
  other: ['lỗi không lường trước ({e}): hãy tải lại trang.', 'an unexpected error ({e}): reload the page.']
};

// Whether `module` carries the release's build id (its custom section commune-charts-build), as
// the script's; an empty `build` is not checked. The explanations module is checked the same way.
/** @param {WebAssembly.Module} module @param {string} build */
function fromBuild(module, build) {
  var id = WebAssembly.Module.customSections(module, 'commune-charts-build')[0];
  return !build || (!!id && String.fromCharCode.apply(null, new Uint8Array(id)) === build);
}

// The box of a chart whose wasm did not start (or that something unexpected broke), said from
// here as text in the page's language, in an open shadow root like the wasm's own nodes; `why`
// is a START_FAILURES key. Its host becomes `rec.host`; returns the text.
/** @param {HTMLElement} el @param {string} why @param {Cause | null | undefined} cause @param {Rec} rec */
function startFailureBox(el, why, cause, rec) {
  // Hosts left in the element by a copy (cloneNode copies the host, not its shadow root) or an
  // earlier box go (mounting does the same in the wasm).
  var kids = el.children;
  for (var i = kids.length - 1; i >= 0; i--) {
    if (kids[i].hasAttribute('data-commune-chart-root')) el.removeChild(kids[i]);
  }
  var doc = el.ownerDocument;
  var vi = !/^en\b/i.test(/** @type {{ lang?: string }} */ ((el.closest && el.closest('[lang]')) || doc.documentElement).lang || '');
  // (Only the messages with {u} and {s} are given a url and a status; replace() makes it text.)
  var text = CANNOT_DRAW[vi ? 0 : 1] + ': ' + (/** @type {Record<string, string[] | undefined>} */ (START_FAILURES)[why] || START_FAILURES.other)[vi ? 0 : 1]
    .replace('{u}', /** @type {string} */ (cause && cause.url)).replace('{s}', /** @type {string} */ (/** @type {unknown} */ (cause && cause.status)))
    .replace('{e}', String(cause && cause.message || cause).slice(0, 200));
  var host = doc.createElement('div');
  host.setAttribute('data-commune-chart-root', '');
  host.style.setProperty('display', 'block', 'important');
  var box = doc.createElement('div');
  box.setAttribute('role', 'alert');
  box.setAttribute('data-commune-chart-start-failure', why);
  // In the shadow root the page's rules do not apply: only inherited text properties to reset.
  box.style.cssText = 'display:block;padding:12px 14px;border-left:4px solid #b3261e;background:#fdecea;color:#410e0b;' +
    'font:14px/1.45 system-ui,sans-serif;text-align:left;text-transform:none;letter-spacing:normal;overflow-wrap:anywhere';
  box.textContent = text;
  (host.attachShadow ? host.attachShadow({ mode: 'open' }) : host).appendChild(box);
  el.appendChild(host);
  rec.host = host;
  return text;
}
