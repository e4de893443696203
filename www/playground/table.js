// A table pasted from Excel, Google Sheets, a web page or Word: its cells (with their offsets in
// the pasted text, so that a message can select the cell), its header row, the number style, and
// the communes or indicators it holds, as the widget's JSON has them.
import { IGNORED_HEADERS, TOTAL_NAMES, normHeader, lookupHeader, marksIndicators, cellKindColumn, suggestHeader } from './fields.js';
import { MISSING_CELLS, readNumber, styleClue } from './numbers.js';
import { translate } from './i18n.js';

/** Splits pasted text into records of cells (Excel/Sheets TSV with "quoted" cells), with offsets. */
export function splitTable(text) {
  var delim = text.indexOf('\t') >= 0 ? '\t' : (text.indexOf(';') >= 0 ? ';' : null);
  var records = [];
  if (!delim) {
    // No tabs: one column per line, or columns separated by runs of 2+ spaces.
    var pos = 0;
    text.split('\n').forEach(function (line) {
      var cells = [], re = /[^ \t\r]+(?: [^ \t\r]+)*/g, m;
      var clean = line.replace(/\r$/, '');
      while ((m = re.exec(clean))) cells.push({ text: m[0], start: pos + m.index, end: pos + m.index + m[0].length });
      if (!cells.length) cells.push({ text: '', start: pos, end: pos });
      records.push(cells);
      pos += line.length + 1;
    });
    return { records: trimTrailing(records), delim: null };
  }
  var i = 0, n = text.length, row = [], cell = '', start = 0, quoted = false;
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
function trimTrailing(records) {
  while (records.length && records[records.length - 1].every(function (c) { return c.text.trim() === ''; })) records.pop();
  return records;
}

/**
 * The header row: the first non-blank row naming a commune or an indicator column, or else
 * naming any known column. Rows above it must be titles (no known column, no number); without
 * such a row, the first non-blank row, whose errors then say what is missing.
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
 */
export function readTable(text, styleChoice, lang = 'vi') {
  var t = function (key, ...args) { return translate(lang, key, ...args); };
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
  var table = isInd ? 'i' : 'c';
  out.kind = isInd ? 'indicators' : 'communes';
  var votes = { vi: 0, en: 0 };
  var byField = {};
  header.forEach(function (c, col) {
    var text = c.text.replace(/\s+/g, ' ').trim();
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
  out.style = styleChoice;
  out.styleReason = 'chosen';
  if (styleChoice === 'auto') {
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
    var row = { number: rowNumber, cells: [], skipped: null };
    var blank = rec.every(function (c) { return c.text.trim() === ''; });
    if (blank) continue;
    out.rows.push(row);
    if (rec.length > headerCount && rec.slice(headerCount).some(function (c) { return c.text.trim() !== ''; })) {
      out.notes.push({ text: t('extraCells', rowNumber), row: rowNumber, col: null });
    }
    var item = {};
    var itemIndex = items.length;
    var path = (isInd ? 'indicators' : 'communes') + '[' + itemIndex + ']';
    out.columns.forEach(function (column) {
      var c = rec[column.index] || { text: '', start: null, end: null };
      var raw = c.text.replace(/\s+/g, ' ').trim();
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
    if (!isInd && item.name && TOTAL_NAMES.indexOf(normHeader(item.name)) >= 0) {
      row.skipped = 'total';
      out.notes.push({ text: t('totalRowSkipped', rowNumber, item.name), row: rowNumber, col: nameCol ? nameCol.index : null });
      continue;
    }
    if (nameCol && !item.name) {
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

function setPath(obj, key, value) {
  var dot = key.indexOf('.');
  if (dot < 0) { obj[key] = value; return; }
  var head = key.slice(0, dot);
  if (!obj[head]) obj[head] = {};
  obj[head][key.slice(dot + 1)] = value;
}
const COMMUNE_ORDER = ['name', 'district', 'province', 'members', 'cells', 'cellKinds', 'targets', 'population', 'areaKm2'];
const TARGET_ORDER = ['met', 'over80', 'behind', 'total'];
const INDICATOR_ORDER = ['unit', 'name', 'value', 'measure', 'percentOfPlan'];
function orderItem(item, isInd) {
  var o = {};
  (isInd ? INDICATOR_ORDER : COMMUNE_ORDER).forEach(function (k) {
    if (item[k] === undefined) return;
    if (k === 'targets') {
      o.targets = {};
      TARGET_ORDER.forEach(function (tk) { if (item.targets[tk] !== undefined) o.targets[tk] = item.targets[tk]; });
    } else {
      o[k] = item[k];
    }
  });
  return o;
}

/** The JSON document of a table read without errors: its communes or indicators. */
export function documentOf(parsed) {
  var doc = {};
  if (parsed.kind === 'indicators') doc.indicators = parsed.items; else doc.communes = parsed.items;
  return doc;
}
