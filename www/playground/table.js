// @ts-check
// A table pasted from Excel, Google Sheets, a web page or Word: its cells (with their offsets in
// the pasted text, so that a message can select the cell), its header row, the number style, and
// the communes or indicators it holds, as the widget's JSON has them. Read by the core (src/table/,
// the reader a CSV data-src and `commune-charts render data.csv` use, through the explanations
// module: core.js); here its answer becomes what the page shows, its findings in the page's words.
import { core } from './core.js';
import { translate } from './i18n.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/** How a table writes its numbers: 'vi' 2.989,5 or 'en' 2,989.5. @typedef {'vi' | 'en'} NumberStyle */
/** Which table: 'c' communes (one commune a row), 'i' indicators. @typedef {'c' | 'i'} TableKey */
/**
 * The JSON field a column fills: where it goes in an item ('members', 'targets.met',
 * 'cellKinds.<kind>'), its table, its cells' type, and a kind-of-cell column's kind (its header).
 * @typedef {{ key: string, table: TableKey, type: 'text' | 'int' | 'number', kind?: string }} ColumnField
 */
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
 * @property {boolean} [unread] the core's reader is not loaded (yet)
 * @property {boolean} [empty] nothing was pasted
 * @property {string} [title] the title row above the header
 * @property {Item[]} [items] the communes or indicators (not for an empty table)
 */

/**
 * One finding of the core (src/table/answer.rs): its kind and what it names, its place (row as
 * pasted, column index, offsets in UTF-16 code units) and the core's own words.
 * @typedef {{ error: boolean, kind: string, row: number | null, col: number | null, start: number | null, end: number | null,
 *   message: string, header?: string, raw?: string, value?: number, alt?: number | null, first?: string, second?: string,
 *   labelVi?: string, labelEn?: string, indicators?: boolean, text?: string, number?: number, suggestion?: string | null,
 *   name?: string, count?: number, max?: number }} Finding
 */
/**
 * The core's answer to a `table` request with `cells`.
 * @typedef {{ json: string, errors: number, kind: 'communes' | 'indicators', title?: string, style: NumberStyle,
 *   styleReason: 'chosen' | 'cells' | 'headers', count: number, empty: boolean, delim: string | null, issues: Finding[],
 *   columns: { index: number, header: string, field: string | null, cellKind?: string, type: 'text' | 'int' | 'number', unnamed: boolean, silent: boolean, start: number, end: number }[],
 *   rows: { number: number, total: boolean, item: number | null, cells: { raw: string, state: TableCell['state'], value?: string | number, start: number | null, end: number | null }[] }[],
 *   paths: Record<string, Place> }} Answer
 */

/**
 * Pasted text -> {kind, items, errors, notes, columns, rows, pathMap, style}, the messages in
 * `lang`. `styleChoice` is 'auto', 'vi' or 'en' (the "Cách viết số" choice).
 * Row numbers count the pasted lines, the header being row 1 (as in the spreadsheet selection).
 * Until the core's reader has loaded (core.js), the table is `unread`.
 * @param {string} text
 * @param {'auto' | NumberStyle} styleChoice
 * @param {Lang} [lang]
 * @returns {ParsedTable}
 */
export function readTable(text, styleChoice, lang = 'vi') {
  /** @type {ParsedTable} */
  var out = { kind: 'communes', errors: [], notes: [], columns: [], rows: [], pathMap: {}, style: 'vi', styleReason: 'headers', count: 0 };
  var ask = core();
  if (!ask) { out.unread = true; return out; }
  if (!text.trim()) { out.empty = true; return out; }
  /** @type {Answer} */
  var a = ask({ task: 'table', text: text, format: 'paste', style: styleChoice === 'auto' ? '' : styleChoice, lang: lang, cells: true });
  /** @type {TableKey} */
  var table = a.kind === 'indicators' ? 'i' : 'c';
  out.kind = a.kind;
  out.style = a.style;
  out.styleReason = a.styleReason;
  out.count = a.count;
  if (a.title != null) out.title = a.title;
  out.columns = a.columns.map(function (c) {
    /** @type {Column} */
    var column = { index: c.index, header: c.header, field: null, ignored: !c.field, start: c.start, end: c.end };
    if (c.field) {
      column.field = { key: c.field, table: table, type: c.type };
      if (c.cellKind != null) column.field.kind = c.cellKind;
    }
    if (c.unnamed) column.unnamed = true;
    if (c.silent) column.silent = true;
    return column;
  });
  out.rows = a.rows.map(function (r) {
    /** @type {Row} */
    var row = {
      number: r.number,
      skipped: r.total ? 'total' : null,
      cells: r.cells.map(function (c, i) {
        return { raw: c.raw, column: out.columns[i], state: c.state, value: c.value, start: c.start, end: c.end };
      }),
    };
    if (r.item != null) row.itemIndex = r.item;
    return row;
  });
  out.pathMap = a.paths;
  a.issues.forEach(function (f) {
    /** @type {Message} */
    var m = { text: say(f, lang, a.style), row: f.row, col: f.col };
    if (f.start != null) { m.start = f.start; m.end = f.end; }
    (f.error ? out.errors : out.notes).push(m);
  });
  var doc = JSON.parse(a.json);
  out.items = a.kind === 'indicators' ? doc.indicators : doc.communes;
  return out;
}

/**
 * A finding in the page's words (i18n.js; they name the page's controls, such as "Cách viết số").
 * @param {Finding} f @param {Lang} lang @param {NumberStyle} style
 * @returns {string}
 */
function say(f, lang, style) {
  /**
   * @template {keyof import('./i18n.js').Words} K
   * @param {K} key
   * @param {import('./i18n.js').Parts<K>} args
   */
  var t = function (key, ...args) { return translate(lang, key, ...args); };
  var row = /** @type {number} */ (f.row);
  var header = /** @type {string} */ (f.header);
  switch (f.kind) {
    case 'titleRow': return t('titleRowSkipped', row, /** @type {string} */ (f.text));
    case 'unknownColumn': return t('unknownColumn', header, /** @type {number} */ (f.number)) + (f.suggestion ? t('didYouMean', f.suggestion) : '');
    case 'duplicateColumn': return t('duplicateColumn', /** @type {string} */ (f.first), /** @type {string} */ (f.second), /** @type {string} */ (lang === 'vi' ? f.labelVi : f.labelEn));
    case 'headerLooksLikeData': return t('headerLooksLikeData');
    case 'noSeparator': return t('noTabs');
    case 'noNameColumn': return t('noNameColumn', !!f.indicators);
    case 'notNumber': return t('cellNotNumber', row, header, /** @type {string} */ (f.raw));
    case 'notWhole': return t('cellNotWhole', row, header, /** @type {string} */ (f.raw), /** @type {number} */ (f.value), f.alt == null ? null : f.alt, style === 'vi' ? 'en' : 'vi');
    case 'missingName': return t('missingName', row, header, !!f.indicators);
    case 'noDataRows': return t('noDataRows');
    case 'totalRow': return t('totalRowSkipped', row, /** @type {string} */ (f.name));
    case 'extraCells': return t('extraCells', row);
    default: return f.message; // (tooManyRows, and anything newer: the core's words)
  }
}

/** A number as a person wrote it, read by the core: {value}, {missing: true} or {bad: true}.
 *  @param {string} raw @param {NumberStyle} style @returns {{ value?: number, missing?: boolean, bad?: boolean }} */
export function readNumber(raw, style) {
  var ask = core();
  return ask ? ask({ task: 'number', text: String(raw), style: style }) : { bad: true };
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
