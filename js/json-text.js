// ---- commune-charts: a value given to render()/update() as JSON text (before js/api.js) ----
/* eslint-disable no-var */

// JSON text of a value given to render()/update(), written here rather than by JSON.stringify: a
// page may have replaced JSON.stringify, or given Array.prototype a toJSON (Prototype.js 1.6 turns
// every array into a string). Like JSON: own enumerable string keys, non-finite numbers as null,
// undefined/functions/symbols skipped (null in arrays); toJSON is never called. Lone surrogates are
// left as they are (the wasm's UTF-8 conversion shows them as U+FFFD). Returns {text}, or
// {path, why} where JSON cannot hold the value: why = cycle | bigint | throws (a getter or a proxy
// threw) | data (the whole value is neither an object nor a string).
function jsonQuote(s) {
  return '"' + s.replace(/["\\\u0000-\u001f]/g, function (c) {
    return c > '!' ? '\\' + c : '\\u00' + (c < '\u0010' ? '0' : '') + c.charCodeAt(0).toString(16);
  }) + '"';
}
function toJsonText(value) {
  if (typeof value === 'string') return { text: value };
  if (!value || typeof value !== 'object') return { path: '', why: 'data' };
  var open = []; // the objects being written, outermost first: meeting one again is a cycle
  var bad;
  function fail(path, why) {
    bad = { path: path, why: why };
    throw bad;
  }
  function walk(v, path) {
    var t = typeof v;
    if (t === 'string') return jsonQuote(v);
    if (t === 'number') return isFinite(v) ? String(v) : 'null';
    if (t === 'boolean') return String(v);
    if (t === 'bigint') fail(path, 'bigint');
    if (v === null) return 'null';
    if (t !== 'object') return; // undefined, function, symbol
    if (open.indexOf(v) >= 0) fail(path, 'cycle');
    var list, keys, n, i, k, p, item, parts = [];
    try {
      list = Array.isArray(v);
      keys = list ? null : Object.keys(v);
      n = list ? v.length : keys.length;
    } catch (e) {
      fail(path, 'throws');
    }
    open.push(v);
    for (i = 0; i < n; i++) {
      k = list ? i : keys[i];
      p = list ? path + '[' + i + ']' : (path ? path + '.' : '') + k;
      try {
        item = v[k];
      } catch (e) {
        fail(p, 'throws');
      }
      item = walk(item, p);
      if (list) parts.push(item === undefined ? 'null' : item);
      else if (item !== undefined) parts.push(jsonQuote(k) + ':' + item);
    }
    open.pop();
    return list ? '[' + parts.join(',') + ']' : '{' + parts.join(',') + '}';
  }
  try {
    return { text: walk(value, '') };
  } catch (e) {
    return e === bad ? bad : { path: '', why: 'throws' }; // too deep for the stack, say
  }
}
