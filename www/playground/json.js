// @ts-check
// The JSON text the playground writes and reads: pretty-printed as the README writes it, with the
// title etc. first; and places in it (line and column <-> offset, where a field path is).

/** @typedef {'title' | 'subtitle' | 'source' | 'note'} MetaKey */
/** The page's title, subtitle, source and note fields, and the chart's language. @typedef {Record<MetaKey | 'locale', string>} Meta */
/** Where an error is in the JSON text: offsets, and its 1-based line and column. @typedef {{ offset: number, end: number, line: number, column: number, path?: string }} Spot */

/** @type {MetaKey[]} */
export const META_KEYS = ['title', 'subtitle', 'source', 'note'];
/** The top-level fields in the order of the JSON Schema's properties (tests/unit/playground-schema.test.mjs). */
export const TOP_ORDER = ['title', 'subtitle', 'source', 'note', 'locale', 'chart', 'sort', 'highlight', 'compare', 'group', 'communes', 'indicators'];

/**
 * Pretty JSON in the README's style: one line per commune or indicator; a list of plain values
 * ("highlight") on one line.
 * @param {unknown} doc
 * @returns {string}
 */
export function formatJson(doc) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return JSON.stringify(doc, null, 2);
  var obj = /** @type {Record<string, unknown>} */ (doc);
  var keys = Object.keys(obj);
  var lines = keys.map(function (k, i) {
    const v = obj[k];
    var comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(v) && v.some(function (item) { return item !== null && typeof item === 'object'; })) {
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

/** `communes[1].members` -> `communes[1]` -> `communes` -> ''. @param {string} p */
export function parentPath(p) {
  var q = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
  return q === p ? '' : q;
}
