// The page: its elements, the playground's state, the words in the page's language (`t`), and
// the fixed texts of the page. Text from the user reaches the page only through textContent and
// form values, never as HTML.
import { translate } from './i18n.js';
import { FIELDS } from './fields.js';

var $ = function (id) { return document.getElementById(id); };

export const el = {
  uiLang: $('ui-lang'), modeTable: $('mode-table'), modeJson: $('mode-json'), tableArea: $('table-area'),
  table: $('table-input'), numberFormat: $('number-format'), tableStatus: $('table-status'),
  tableErrors: $('table-errors'), tableNotes: $('table-notes'), previewWrap: $('preview-wrap'), preview: $('preview'),
  helpHeaders: $('help-headers'), json: $('json-input'), jsonLabel: $('json-label'), restore: $('restore-json'),
  jsonWhere: $('json-where'), jsonWhereText: $('json-where-text'), jsonGoto: $('json-goto'),
  kind: $('kind'), locale: $('locale'), theme: $('theme'), kindHint: $('kind-hint'), chartFrame: $('chart-frame'), staleNote: $('stale-note'),
  chart: $('chart'), metaStatus: $('meta-status'), metaOrigin: $('meta-origin'),
  meta: { title: $('meta-title'), subtitle: $('meta-subtitle'), source: $('meta-source'), note: $('meta-note') },
  variantInline: $('variant-inline'), variantSrc: $('variant-src'), srcField: $('src-field'), dataUrl: $('data-url'),
  scriptUrl: $('script-url'), embedBlocked: $('embed-blocked'), snippet: $('snippet'), copy: $('copy'),
  download: $('download'), copyStatus: $('copy-status'), srcHelp: $('src-help'),
  staticCode: $('static-code'), downloadPng: $('download-png'), pngStatus: $('png-status')
};

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
  problem: null          // {offset, end, line, column, path} of the error being pointed at
};

/** The text `key` in the page's language. */
export function t(key, ...args) { return translate(state.ui, key, ...args); }

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

/** Every fixed text of the page in the UI language (the HTML holds the Vietnamese ones too). */
export function applyTexts() {
  document.documentElement.lang = state.ui;
  document.title = t('docTitle');
  Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (node) {
    node.textContent = t(node.getAttribute('data-i18n'));
  });
  el.uiLang.textContent = state.ui === 'vi' ? 'English' : 'Tiếng Việt';
  el.uiLang.lang = state.ui === 'vi' ? 'en' : 'vi';
  buildHelp();
}

function buildHelp() {
  clear(el.helpHeaders);
  [['c', 'helpGroupCommunes'], ['i', 'helpGroupIndicators']].forEach(function (g) {
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
