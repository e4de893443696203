// @ts-check
// The JSON text the playground writes and reads: pretty-printed as the README writes it, with the
// title etc. first; and places in it (line and column <-> offset, where a field path is).

/** @typedef {'title' | 'subtitle' | 'source' | 'note'} MetaKey */
/** The page's title, subtitle, source and note fields, and the chart's language. @typedef {Record<MetaKey | 'locale', string>} Meta */
/** Where an error is in the JSON text: offsets, and its 1-based line and column. @typedef {{ offset: number, end: number, line: number, column: number, path?: string }} Spot */

/** @type {MetaKey[]} */
export const META_KEYS = ['title', 'subtitle', 'source', 'note'];
const TOP_ORDER = ['title', 'subtitle', 'source', 'note', 'locale', 'chart', 'sort', 'communes', 'indicators'];

/** Pretty JSON in the README's style: one line per commune or indicator. @param {unknown} doc @returns {string} */
export function formatJson(doc) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return JSON.stringify(doc, null, 2);
  var obj = /** @type {Record<string, unknown>} */ (doc);
  var keys = Object.keys(obj);
  var lines = keys.map(function (k, i) {
    const v = obj[k];
    var comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(v) && v.length) {
      return '  ' + JSON.stringify(k) + ': [\n' + v.map(function (item, j) {
        return '    ' + inline(item) + (j < v.length - 1 ? ',' : '');
      }).join('\n') + '\n  ]' + comma;
    }
    return '  ' + JSON.stringify(k) + ': ' + inline(v) + comma;
  });
  return '{\n' + lines.join('\n') + '\n}';
}
/** A value on one line: `{ "a": 1, "b": [2, 3] }`. @param {unknown} v @returns {string} */
function inline(v) {
  if (Array.isArray(v)) return v.length ? '[' + v.map(inline).join(', ') + ']' : '[]';
  if (v && typeof v === 'object') {
    var obj = /** @type {Record<string, unknown>} */ (v);
    var ks = Object.keys(obj);
    return ks.length ? '{ ' + ks.map(function (k) { return JSON.stringify(k) + ': ' + inline(obj[k]); }).join(', ') + ' }' : '{}';
  }
  return JSON.stringify(v);
}

/**
 * Puts the title etc. and the locale first, in the documented order; keeps everything else.
 * @param {Record<string, unknown>} doc
 * @param {Meta} meta
 * @returns {Record<string, unknown>}
 */
export function withMeta(doc, meta) {
  /** @type {Record<string, unknown>} */
  var o = {};
  /** @type {Record<string, unknown>} */
  var merged = {};
  Object.keys(doc).forEach(function (k) { merged[k] = doc[k]; });
  /** @type {(keyof Meta)[]} */
  var keys = [...META_KEYS, 'locale'];
  keys.forEach(function (k) {
    if (meta[k]) merged[k] = meta[k]; else delete merged[k];
  });
  TOP_ORDER.forEach(function (k) { if (merged[k] !== undefined) o[k] = merged[k]; });
  Object.keys(merged).forEach(function (k) { if (!(k in o)) o[k] = merged[k]; });
  return o;
}

/**
 * Character offset of a 1-based line and column (columns count characters, not UTF-16 units).
 * @param {string} text
 * @param {number} line
 * @param {number} column
 * @returns {number}
 */
export function offsetOf(text, line, column) {
  var pos = 0;
  for (var l = 1; l < line; l++) {
    var nl = text.indexOf('\n', pos);
    if (nl < 0) return text.length;
    pos = nl + 1;
  }
  var end = text.indexOf('\n', pos);
  if (end < 0) end = text.length;
  var chars = Array.from(text.slice(pos, end));
  var units = chars.slice(0, Math.max(0, column - 1)).join('').length;
  return Math.min(pos + units, end);
}
/** The 1-based line and column (in characters) of an offset. @param {string} text @param {number} offset */
export function lineColumnOf(text, offset) {
  var before = text.slice(0, offset);
  var line = before.split('\n').length;
  var lastNl = before.lastIndexOf('\n');
  return { line: line, column: Array.from(before.slice(lastNl + 1)).length + 1 };
}

/**
 * Where a field path (`communes[1].member`) is in valid JSON text: the offset of its key, or of
 * the nearest enclosing value that exists.
 * @param {string} text
 * @param {string} path
 * @returns {{ start: number, end: number, exact: boolean } | null}
 */
export function locatePath(text, path) {
  /** @type {Record<string, { start: number, end: number }>} */
  var spots = {};
  var i = 0;
  function ws() { while (i < text.length && /\s/.test(text[i])) i++; }
  /** @returns {string} */
  function str() { var s = i; i++; while (i < text.length && text[i] !== '"') { if (text[i] === '\\') i++; i++; } i++; return JSON.parse(text.slice(s, i)); }
  /** @param {string} p @param {number | null} keyAt */
  function value(p, keyAt) {
    ws();
    spots[p] = { start: keyAt != null ? keyAt : i, end: i };
    var ch = text[i];
    if (ch === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws(); var at = i; var k = str(); ws(); i++; // ':'
        value(p ? p + '.' + k : k, at);
        spots[p ? p + '.' + k : k].end = i;
        ws(); if (text[i] === ',') { i++; continue; } i++; return;
      }
    } else if (ch === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (var n = 0; ; n++) {
        value(p + '[' + n + ']', null);
        ws(); if (text[i] === ',') { i++; continue; } i++; return;
      }
    } else if (ch === '"') {
      str();
    } else {
      while (i < text.length && /[^\s,\]}]/.test(text[i])) i++;
    }
    spots[p].end = i;
  }
  try { value('', null); } catch (e) { return null; }
  for (var p = path; p; p = parentPath(p)) {
    if (spots[p]) return { start: spots[p].start, end: Math.min(spots[p].end, spots[p].start + 200), exact: p === path };
  }
  return null;
}

/** `communes[1].members` -> `communes[1]` -> `communes` -> ''. @param {string} p */
export function parentPath(p) {
  var q = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
  return q === p ? '' : q;
}

/** The widget's message without its "`path`: " prefix. @param {string} message @param {string} path */
export function bareMessage(message, path) {
  var prefix = '`' + path + '`: ';
  return message.indexOf(prefix) === 0 ? message.slice(prefix.length) : message;
}
