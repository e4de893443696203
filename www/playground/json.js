// The JSON text the playground writes and reads: pretty-printed as the README writes it, with the
// title etc. first; and places in it (line and column <-> offset, where a field path is).

export const META_KEYS = ['title', 'subtitle', 'source', 'note'];
const TOP_ORDER = ['title', 'subtitle', 'source', 'note', 'locale', 'chart', 'sort', 'communes', 'indicators'];

/** Pretty JSON in the README's style: one line per commune or indicator. */
export function formatJson(doc) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return JSON.stringify(doc, null, 2);
  var keys = Object.keys(doc);
  var lines = keys.map(function (k, i) {
    var v = doc[k];
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
function inline(v) {
  if (Array.isArray(v)) return v.length ? '[' + v.map(inline).join(', ') + ']' : '[]';
  if (v && typeof v === 'object') {
    var ks = Object.keys(v);
    return ks.length ? '{ ' + ks.map(function (k) { return JSON.stringify(k) + ': ' + inline(v[k]); }).join(', ') + ' }' : '{}';
  }
  return JSON.stringify(v);
}

/** Puts the title etc. and the locale first, in the documented order; keeps everything else. */
export function withMeta(doc, meta) {
  var o = {};
  var merged = {};
  Object.keys(doc).forEach(function (k) { merged[k] = doc[k]; });
  META_KEYS.concat(['locale']).forEach(function (k) {
    if (meta[k]) merged[k] = meta[k]; else delete merged[k];
  });
  TOP_ORDER.forEach(function (k) { if (merged[k] !== undefined) o[k] = merged[k]; });
  Object.keys(merged).forEach(function (k) { if (!(k in o)) o[k] = merged[k]; });
  return o;
}

/** Character offset of a 1-based line and column (columns count characters, not UTF-16 units). */
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
/** The 1-based line and column (in characters) of an offset. */
export function lineColumnOf(text, offset) {
  var before = text.slice(0, offset);
  var line = before.split('\n').length;
  var lastNl = before.lastIndexOf('\n');
  return { line: line, column: Array.from(before.slice(lastNl + 1)).length + 1 };
}

/**
 * Where a field path (`communes[1].member`) is in valid JSON text: the offset of its key, or of
 * the nearest enclosing value that exists.
 */
export function locatePath(text, path) {
  var spots = {};
  var i = 0;
  function ws() { while (i < text.length && /\s/.test(text[i])) i++; }
  function str() { var s = i; i++; while (i < text.length && text[i] !== '"') { if (text[i] === '\\') i++; i++; } i++; return JSON.parse(text.slice(s, i)); }
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

/** `communes[1].members` -> `communes[1]` -> `communes` -> ''. */
export function parentPath(p) {
  var q = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
  return q === p ? '' : q;
}

/** The widget's message without its "`path`: " prefix. */
export function bareMessage(message, path) {
  var prefix = '`' + path + '`: ';
  return message.indexOf(prefix) === 0 ? message.slice(prefix.length) : message;
}
