// @ts-check
// The page: its elements, the playground's state, the words in the page's language (`t`), and
// the fixed texts of the page. Text from the user reaches the page only through textContent and
// form values, never as HTML.
import { translate } from './i18n.js';
import { FIELDS } from './fields.js';
import { KINDS, COMPARE, GROUP, DEFAULT_KIND } from './choices.js';

/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./i18n.js').Words} Words */
/** @typedef {import('./table.js').ParsedTable} ParsedTable */
/** @typedef {import('./json.js').Spot} Spot */
/** @typedef {import('./snippet.js').Good} Good */
/** A chart the widget drew (npm/index.d.ts: the widget's API). @typedef {import('../../npm/index').Chart} Chart */

/**
 * The element with this id in playground.html, of this type (else the page and this module disagree).
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T, prototype: T }} type
 * @returns {T}
 */
export function byId(id, type) {
  var node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error('playground.html has no such element: #' + id);
  return node;
}
/** @param {string} id */
var $ = function (id) { return byId(id, HTMLElement); };
/** @param {string} id */
var input = function (id) { return byId(id, HTMLInputElement); };
/** @param {string} id */
var button = function (id) { return byId(id, HTMLButtonElement); };
/** @param {string} id */
var select = function (id) { return byId(id, HTMLSelectElement); };
/** @param {string} id */
var textarea = function (id) { return byId(id, HTMLTextAreaElement); };

export const el = {
  uiLang: button('ui-lang'), modeTable: input('mode-table'), modeJson: input('mode-json'), tableArea: $('table-area'),
  table: textarea('table-input'), numberFormat: select('number-format'), tableStatus: $('table-status'),
  tableErrors: $('table-errors'), tableNotes: $('table-notes'), previewWrap: $('preview-wrap'), preview: $('preview'),
  helpHeaders: $('help-headers'), json: textarea('json-input'), jsonLabel: $('json-label'), restore: button('restore-json'),
  jsonWhere: $('json-where'), jsonWhereText: $('json-where-text'), jsonGoto: button('json-goto'),
  kind: select('kind'), locale: select('locale'), theme: select('theme'), kindHint: $('kind-hint'), chartFrame: $('chart-frame'), staleNote: $('stale-note'),
  chart: $('chart'), metaStatus: $('meta-status'), metaOrigin: $('meta-origin'),
  meta: { title: input('meta-title'), subtitle: input('meta-subtitle'), source: input('meta-source'), note: input('meta-note') },
  variantInline: input('variant-inline'), variantSrc: input('variant-src'), srcField: $('src-field'), dataUrl: input('data-url'),
  variantSheet: input('variant-sheet'), sheetField: $('sheet-field'), sheetUrl: input('sheet-url'), refreshField: $('refresh-field'),
  refresh: select('refresh'), sheetWarn: $('sheet-warn'), sheetHelp: $('sheet-help'),
  scriptUrl: input('script-url'), embedBlocked: $('embed-blocked'), snippet: textarea('snippet'), copy: button('copy'),
  download: button('download'), copyStatus: $('copy-status'), srcHelp: $('src-help'),
  staticCode: textarea('static-code'), downloadPng: button('download-png'), pngStatus: $('png-status'),
  downloadSvg: button('download-svg'), downloadCard: button('download-card'), noscript: textarea('noscript-line'),
  noscriptStale: $('noscript-stale'), copyNoscript: button('copy-noscript'), noscriptStatus: $('noscript-status'),
  options: $('options'), compare: select('compare'), group: select('group'), optionsHint: $('options-hint'),
  highlightList: $('highlight-list'), highlightFilter: input('highlight-filter'), highlightFilterField: $('highlight-filter-field'),
  highlightClear: button('highlight-clear'), highlightCount: $('highlight-count')
};

/**
 * @typedef {object} State
 * @property {Lang} ui
 * @property {'table' | 'json'} mode
 * @property {ParsedTable | null} parsed
 * @property {'communes' | 'indicators' | null} tableKind
 * @property {string} communeKind
 * @property {boolean} blocked
 * @property {boolean} jsonEdited
 * @property {string | null} savedJson
 * @property {Chart | null} chart
 * @property {string | null} chartKind
 * @property {boolean} forceRender
 * @property {Good | null} good
 * @property {Spot | null} problem
 * @property {unknown} communes
 * @property {string[]} names
 * @property {string[]} highlight
 */
/** @type {State} */
export const state = {
  ui: 'vi',              // the language of the page: 'vi' or 'en'
  mode: 'table',
  parsed: null,          // the last readTable result
  tableKind: null,       // 'communes' | 'indicators' of the last good table
  communeKind: 'overview',
  blocked: false,        // table mode with errors (or empty): the JSON is not regenerated
  jsonEdited: false,     // JSON edited by hand since it was last made from the table
  savedJson: null,       // the hand-edited JSON, for "restore"
  chart: null, chartKind: null, forceRender: false,
  good: null,            // {doc, kind} of the last chart that drew
  problem: null,         // {offset, end, line, column, path} of the error being pointed at
  communes: null,        // the "communes" of the data last read (the table's items, or the JSON's)
  names: [],             // their names (analytics.js communeNames): the highlight picker's list
  highlight: []          // the names to highlight: the JSON's, or those ticked (kept while the table lacks them)
};

/**
 * The text `key` in the page's language.
 * @template {keyof Words} K
 * @param {K} key
 * @param {import('./i18n.js').Parts<K>} args
 */
export function t(key, ...args) { return translate(state.ui, key, ...args); }

/** @param {Node} node */
export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

/**
 * The menus made from choices.js: an option per value, its words by data-i18n (applyTexts).
 * @param {HTMLSelectElement} sel
 * @param {import('./choices.js').Choice[]} choices
 * @param {string} selected
 */
function fillSelect(sel, choices, selected) {
  clear(sel);
  choices.forEach(function (c) {
    var o = document.createElement('option');
    o.value = c.value;
    o.setAttribute('data-i18n', c.key);
    sel.appendChild(o);
  });
  sel.value = selected;
}
fillSelect(el.kind, KINDS, DEFAULT_KIND);
fillSelect(el.compare, COMPARE, 'none');
fillSelect(el.group, GROUP, 'none');

/** Every fixed text of the page in the UI language (the HTML holds the Vietnamese ones too). */
export function applyTexts() {
  document.documentElement.lang = state.ui;
  document.title = t('docTitle');
  Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (node) {
    node.textContent = t(/** @type {keyof Words} */ (node.getAttribute('data-i18n')));
  });
  el.uiLang.textContent = state.ui === 'vi' ? 'English' : 'Tiếng Việt';
  el.uiLang.lang = state.ui === 'vi' ? 'en' : 'vi';
  buildHelp();
}

function buildHelp() {
  clear(el.helpHeaders);
  /** @type {[import('./fields.js').TableKey, 'helpGroupCommunes' | 'helpGroupIndicators'][]} */
  var groups = [['c', 'helpGroupCommunes'], ['i', 'helpGroupIndicators']];
  groups.forEach(function (g) {
    var tr = document.createElement('tr');
    var th = document.createElement('th');
    th.colSpan = 2;
    th.className = 'group';
    th.textContent = t(g[1]);
    tr.appendChild(th);
    el.helpHeaders.appendChild(tr);
    FIELDS.forEach(function (f) {
      if (f.table !== g[0]) return;
      var row = document.createElement('tr');
      var a = document.createElement('td');
      var code = document.createElement('code');
      code.textContent = f.key;
      a.appendChild(code);
      var b = document.createElement('td');
      b.textContent = f.vi.concat(f.en).join(' · ');
      row.appendChild(a); row.appendChild(b);
      el.helpHeaders.appendChild(row);
    });
  });
}
