// @ts-check
// A table pasted from Excel, Google Sheets, a web page or Word: its cells (with their offsets in
// the pasted text, so that a message can select the cell), its header row, the number style, and
// the communes or indicators it holds, as the widget's JSON has them.
import { IGNORED_HEADERS, TOTAL_NAMES, normHeader, lookupHeader, marksIndicators, cellKindColumn, suggestHeader } from './fields.js';
import { MISSING_CELLS, readNumber, styleClue } from './numbers.js';
import { translate } from './i18n.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./numbers.js').NumberStyle} NumberStyle */
/** @typedef {import('./fields.js').ColumnField} ColumnField */
/** @typedef {import('./fields.js').TableKey} TableKey */
/** A cell of the pasted text, and where it is in it ([start, end)). @typedef {{ text: string, start: number, end: number }} Cell */
/** The pasted text's rows of cells, and the delimiter found (null: runs of spaces). @typedef {{ records: Cell[][], delim: string | null }} SplitTable */
/**
 * A message about the table: its text, its row (1-based, as pasted; null: the whole table), its
 * column's index (null: the whole row), and the cell's offsets in the pasted text, if it has one.
 * @typedef {{ text: string, row: number | null, col: number | null, start?: number | null, end?: number | null }} Message
 */
/**
 * A column: its header, and the field it fills (null: ignored).
 * @typedef {object} Column
 * @property {number} index
 * @property {string} header
 * @property {ColumnField | null} field
 * @property {boolean} ignored
 * @property {boolean} [unnamed] an empty header
 * @property {boolean} [silent] ignored without a note (STT)
 * @property {number} start
 * @property {number} end
 */
/**
 * A cell as read: 'missing' is a no-data cell, 'bad' one with an error.
 * @typedef {object} TableCell
 * @property {string} raw
 * @property {Column} column
 * @property {'ok' | 'ignored' | 'missing' | 'bad'} state
 * @property {string | number | undefined} value
 * @property {number | null} start
 * @property {number | null} end
 */
/** A data row: its number as pasted, its cells, and its item's index (a skipped row has none). @typedef {{ number: number, cells: TableCell[], skipped: 'total' | null, itemIndex?: number }} Row */
/** Where a field path of the JSON is in the table. @typedef {{ row: number, col: number | null, start?: number | null, end?: number | null }} Place */
/** A value in an item: text, a number, or an object (targets, cellKinds). @typedef {string | number | Item} Value */
/** A commune or an indicator, as the JSON has it. @typedef {{ [key: string]: Value }} Item */
/**
 * What readTable read.
 * @typedef {object} ParsedTable
 * @property {'communes' | 'indicators'} kind
 * @property {Message[]} errors
 * @property {Message[]} notes
 * @property {Column[]} columns
 * @property {Row[]} rows
 * @property {Record<string, Place>} pathMap field path ('communes[0].members') -> its cell
 * @property {NumberStyle} style
 * @property {'chosen' | 'cells' | 'headers'} styleReason
 * @property {number} count
 * @property {boolean} [empty] nothing was pasted
 * @property {string} [title] the title row above the header
 * @property {Item[]} [items] the communes or indicators (not for an empty table)
 */

/**
 * Splits pasted text into records of cells (Excel/Sheets TSV with "quoted" cells), with offsets.
 * @param {string} text
 * @returns {SplitTable}
 */
export function splitTable(text) {
  var delim = text.indexOf('\t') >= 0 ? '\t' : (text.indexOf(';') >= 0 ? ';' : null);
  /** @type {Cell[][]} */
  var records = [];
  if (!delim) {
    // No tabs: one column per line, or columns separated by runs of 2+ spaces.
    var pos = 0;
    text.split('\n').forEach(function (line) {
      /** @type {Cell[]} */
      var cells = [];
      var re = /[^ \t\r]+(?: [^ \t\r]+)*/g, m;
      var clean = line.replace(/\r$/, '');
      while ((m = re.exec(clean))) cells.push({ text: m[0], start: pos + m.index, end: pos + m.index + m[0].length });
      if (!cells.length) cells.push({ text: '', start: pos, end: pos });
      records.push(cells);
      pos += line.length + 1;
    });
    return { records: trimTrailing(records), delim: null };
  }
  /** @type {Cell[]} */
  var row = [];
  var i = 0, n = text.length, cell = '', start = 0, quoted = false;
  /** @param {number} end */
  function endCell(end) { row.push({ text: cell, start: start, end: end }); cell = ''; }
  while (i <= n) {
    var ch = i < n ? text[i] : '\n';
    if (cell === '' && !quoted && ch === '"' && i === start) {
      // A quoted cell: "" is a quote; it ends at a quote followed by a delimiter or line end.
      var j = i + 1, buf = '';
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') { buf += '"'; j += 2; continue; }
          break;
        }
        buf += text[j]; j++;
      }
      var after = text[j + 1];
      if (j < n && (after === undefined || after === delim || after === '\n' || after === '\r')) {
        cell = buf; i = j + 1; quoted = true; continue;
      }
    }
    if (ch === delim) { endCell(i); quoted = false; i++; start = i; continue; }
    if (ch === '\n' || ch === '\r') {
      endCell(i);
      records.push(row); row = []; quoted = false;
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++; start = i;
      continue;
    }
    if (!quoted) cell += ch;
    i++;
  }
  return { records: trimTrailing(records), delim: delim };
}
/** Drops the blank rows at the end. @param {Cell[][]} records */
function trimTrailing(records) {
  while (records.length && records[records.length - 1].every(function (c) { return c.text.trim() === ''; })) records.pop();
  return records;
}

/**
 * The header row: the first non-blank row naming a commune or an indicator column, or else
 * naming any known column. Rows above it must be titles (no known column, no number); without
 * such a row, the first non-blank row, whose errors then say what is missing.
 * @param {Cell[][]} records
 * @returns {number} the header's index in `records`
 */
export function findHeader(records) {
  var first = -1;
  for (var r = 0; r < records.length && r < 12; r++) {
    var texts = records[r].map(function (c) { return c.text; });
    if (texts.every(function (x) { return x.trim() === ''; })) continue;
    if (first < 0) first = r;
    var hits = texts.map(function (x) { return lookupHeader(x, 'c'); });
    if (texts.some(marksIndicators) || hits.some(function (hit) { return hit && hit.field.key === 'name'; })) return r;
    if (hits.some(Boolean) || texts.some(function (x) { return lookupHeader(x, 'i'); })) return r;
    if (texts.some(function (x) { return readNumber(x, 'vi').value !== undefined; })) break;
  }
  return first < 0 ? 0 : first;
}

/**
 * Pasted text -> {kind, items, errors, notes, columns, rows, pathMap, style}, the messages in
 * `lang`. `styleChoice` is 'auto', 'vi' or 'en' (the "Cách viết số" choice).
 * Row numbers count the pasted lines, the header being row 1 (as in the spreadsheet selection).
 * @param {string} text
 * @param {'auto' | NumberStyle} styleChoice
 * @param {Lang} [lang]
 * @returns {ParsedTable}
 */
export function readTable(text, styleChoice, lang = 'vi') {
  /**
   * @template {keyof import('./i18n.js').Words} K
   * @param {K} key
   * @param {import('./i18n.js').Parts<K>} args
   */
  var t = function (key, ...args) { return translate(lang, key, ...args); };
  /** @type {ParsedTable} */
  var out = { kind: 'communes', errors: [], notes: [], columns: [], rows: [], pathMap: {}, style: 'vi', styleReason: 'headers', count: 0 };
  if (!text.trim()) { out.empty = true; return out; }
  var split = splitTable(text);
  var records = split.records;
  var h = findHeader(records);
  var header = records[h];
  // Rows above the header are a title ("Số liệu đảng viên các xã huyện X"), not data.
  for (var above = 0; above < h; above++) {
    var words = records[above].map(function (c) { return c.text.replace(/\s+/g, ' ').trim(); }).filter(Boolean).join(' ');
    if (!words) continue;
    if (out.title == null) out.title = words;
    out.notes.push({ text: t('titleRowSkipped', above + 1, words), row: above + 1, col: null, start: records[above][0].start, end: records[above][records[above].length - 1].end });
  }
  var isInd = header.some(function (c) { return marksIndicators(c.text); });
  /** @type {TableKey} */
  var table = isInd ? 'i' : 'c';
  out.kind = isInd ? 'indicators' : 'communes';
  var votes = { vi: 0, en: 0 };
  /** @type {Record<string, Column>} */
  var byField = {};
  header.forEach(function (c, col) {
    var text = c.text.replace(/\s+/g, ' ').trim();
    /** @type {Column} */
    var column = { index: col, header: text, field: null, ignored: false, start: c.start, end: c.end };
    out.columns.push(column);
    if (!text) { column.ignored = true; column.unnamed = true; return; }
    if (IGNORED_HEADERS.indexOf(normHeader(text)) >= 0) { column.ignored = true; column.silent = true; return; }
    var hit = lookupHeader(text, table) || (table === 'c' ? cellKindColumn(text) : null);
    if (!hit) {
      column.ignored = true;
      var s = suggestHeader(text, table);
      out.notes.push({ text: t('unknownColumn', text, col + 1) + (s ? t('didYouMean', s) : ''), row: h + 1, col: col, start: c.start, end: c.end });
      return;
    }
    votes[hit.lang]++;
    var prev = byField[hit.field.key] || (hit.field.kind && byField['cellKinds.' + normHeader(hit.field.kind)]);
    if (prev) {
      out.errors.push({ text: t('duplicateColumn', prev.header, text, lang === 'vi' ? hit.field.label : hit.field.labelEn), row: h + 1, col: col, start: c.start, end: c.end });
      column.ignored = true;
      return;
    }
    column.field = hit.field;
    byField[hit.field.key] = column;
    if (hit.field.kind) byField['cellKinds.' + normHeader(hit.field.kind)] = column;
  });
  // Number style: chosen, else what the numbers themselves show, else the headers' language.
  if (styleChoice !== 'auto') {
    out.style = styleChoice;
    out.styleReason = 'chosen';
  } else {
    var clues = { vi: 0, en: 0 };
    for (var e = h + 1; e < records.length; e++) {
      out.columns.forEach(function (column) {
        var f = column.field;
        var c = records[e][column.index];
        if (!f || f.type === 'text' || !c) return;
        var clue = styleClue(c.text, f.type);
        if (clue) clues[clue]++;
      });
    }
    if (clues.vi !== clues.en) { out.style = clues.vi > clues.en ? 'vi' : 'en'; out.styleReason = 'cells'; }
    else { out.style = votes.en > votes.vi ? 'en' : 'vi'; out.styleReason = 'headers'; }
  }
  var recognised = out.columns.filter(function (c) { return c.field; }).length;

  if (!recognised && header.some(function (c) { return !readNumber(c.text, 'vi').bad && !readNumber(c.text, 'vi').missing; })) {
    out.errors.push({ text: t('headerLooksLikeData'), row: h + 1, col: null });
  }
  if (!split.delim && header.length === 1 && records.length > 1 && !recognised) {
    out.errors.push({ text: t('noTabs'), row: null, col: null });
  }
  var nameCol = byField.name;
  if (!nameCol && !out.errors.length) out.errors.push({ text: t('noNameColumn', isInd), row: h + 1, col: null });

  var items = [];
  var headerCount = header.length;
  for (var r = h + 1; r < records.length; r++) {
    var rec = records[r];
    var rowNumber = r + 1;
    /** @type {Row} */
    var row = { number: rowNumber, cells: [], skipped: null };
    var blank = rec.every(function (c) { return c.text.trim() === ''; });
    if (blank) continue;
    out.rows.push(row);
    if (rec.length > headerCount && rec.slice(headerCount).some(function (c) { return c.text.trim() !== ''; })) {
      out.notes.push({ text: t('extraCells', rowNumber), row: rowNumber, col: null });
    }
    /** @type {Item} */
    var item = {};
    var itemIndex = items.length;
    var path = (isInd ? 'indicators' : 'communes') + '[' + itemIndex + ']';
    out.columns.forEach(function (column) {
      var c = rec[column.index] || { text: '', start: null, end: null };
      var raw = c.text.replace(/\s+/g, ' ').trim();
      /** @type {TableCell} */
      var cell = { raw: raw, column: column, state: 'ok', value: undefined, start: c.start, end: c.end };
      row.cells.push(cell);
      if (!column.field) { cell.state = 'ignored'; return; }
      var f = column.field;
      if (f.type === 'text') {
        if (raw === '' || (f.key !== 'name' && MISSING_CELLS.indexOf(raw) >= 0)) { cell.state = 'missing'; return; }
        cell.value = raw;
      } else {
        var n = readNumber(raw, out.style);
        if (n.missing) { cell.state = 'missing'; return; }
        if (n.bad) {
          cell.state = 'bad';
          out.errors.push({ text: t('cellNotNumber', rowNumber, column.header, raw), row: rowNumber, col: column.index, start: c.start, end: c.end });
          return;
        }
        if (f.type === 'int' && n.value !== Math.round(n.value)) {
          /** @type {NumberStyle} */
          var altStyle = out.style === 'vi' ? 'en' : 'vi';
          var other = readNumber(raw, altStyle);
          var alt = !other.bad && !other.missing && other.value === Math.round(other.value) ? other.value : null;
          cell.state = 'bad';
          out.errors.push({ text: t('cellNotWhole', rowNumber, column.header, raw, n.value, alt, altStyle), row: rowNumber, col: column.index, start: c.start, end: c.end });
          return;
        }
        cell.value = n.value;
      }
      setPath(item, f.key, cell.value);
    });
    // A "Total" row would dwarf the communes it sums: skip it, and say so.
    var name = item.name; // (text: the name column's type)
    if (!isInd && typeof name === 'string' && TOTAL_NAMES.indexOf(normHeader(name)) >= 0) {
      row.skipped = 'total';
      out.notes.push({ text: t('totalRowSkipped', rowNumber, name), row: rowNumber, col: nameCol ? nameCol.index : null });
      continue;
    }
    if (nameCol && !item.name) {
      /** @type {Partial<Cell>} */
      var nc = rec[nameCol.index] || {};
      out.errors.push({ text: t('missingName', rowNumber, nameCol.header, isInd), row: rowNumber, col: nameCol.index, start: nc.start, end: nc.end });
      row.cells[out.columns.indexOf(nameCol)].state = 'bad';
    }
    row.itemIndex = itemIndex;
    out.pathMap[path] = { row: rowNumber, col: null };
    row.cells.forEach(function (cell) {
      if (cell.column.field) out.pathMap[path + '.' + cell.column.field.key] = { row: rowNumber, col: cell.column.index, start: cell.start, end: cell.end };
    });
    items.push(orderItem(item, isInd));
  }
  out.count = items.length;
  if (!items.length && !out.errors.length) out.errors.push({ text: t('noDataRows'), row: null, col: null });
  out.items = items;
  return out;
}

/** Sets `key` ('members', or 'targets.met' in an object `targets`) of `obj` to `value`. @param {Item} obj @param {string} key @param {Value} value */
function setPath(obj, key, value) {
  var dot = key.indexOf('.');
  if (dot < 0) { obj[key] = value; return; }
  var head = key.slice(0, dot);
  var inner = obj[head];
  if (typeof inner !== 'object') inner = obj[head] = {}; // (only setPath sets these: never text or a number)
  inner[key.slice(dot + 1)] = value;
}
// An item's fields in the JSON Schema's order (tests/unit/playground-schema.test.mjs).
export const COMMUNE_ORDER = ['name', 'district', 'province', 'members', 'cells', 'cellKinds', 'targets', 'population', 'areaKm2'];
export const TARGET_ORDER = ['met', 'over80', 'behind', 'total'];
export const INDICATOR_ORDER = ['unit', 'name', 'value', 'measure', 'percentOfPlan'];
/** The item with its fields in the documented order. @param {Item} item @param {boolean} isInd @returns {Item} */
function orderItem(item, isInd) {
  /** @type {Item} */
  var o = {};
  (isInd ? INDICATOR_ORDER : COMMUNE_ORDER).forEach(function (k) {
    if (item[k] === undefined) return;
    if (k === 'targets') {
      var from = /** @type {Item} */ (item.targets); // an object: setPath made it
      /** @type {Item} */
      var to = o.targets = {};
      TARGET_ORDER.forEach(function (tk) { if (from[tk] !== undefined) to[tk] = from[tk]; });
    } else {
      o[k] = item[k];
    }
  });
  return o;
}

/**
 * The JSON document of a table read without errors: its communes or indicators.
 * @param {ParsedTable} parsed
 * @returns {{ communes?: Item[], indicators?: Item[] }}
 */
export function documentOf(parsed) {
  /** @type {{ communes?: Item[], indicators?: Item[] }} */
  var doc = {};
  if (parsed.kind === 'indicators') doc.indicators = parsed.items; else doc.communes = parsed.items;
  return doc;
}
