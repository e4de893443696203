// @ts-check
// commune-charts playground: paste a table (or edit JSON), see the chart live, copy the embed code.
// Runs under a strict CSP (no inline code or styles). The page's wiring: the table and JSON modes,
// drawing with the widget (dist/commune-charts.js, loaded before this module), the language.
// The pure parts are the other modules of this folder (tested by tests/unit/).
import { el, state, t, applyTexts, byId } from './page.js';
import { readTable, documentOf, readNumber } from './table.js';
import { loadCore, coreUrl } from './core.js';
import { formatJson, withMeta, META_KEYS, offsetOf } from './json.js';
import { scriptSafe } from './snippet.js';
import { EXAMPLE_COMMUNES, EXAMPLE_INDICATORS, META_COMMUNES, META_INDICATORS } from './examples.js';
import { metaValues, metaFrom, setExampleMeta, dropExampleMeta, sayMetaOrigin } from './meta.js';
import { showTable, addMessage, clearWidgetMarks, scrollTextareaTo, showWidgetProblems, setReaderStatus } from './preview.js';
import { updateEmbed, wireImages, copySnippet, downloadData } from './embed.js';
import { communeNames, toggleHighlight, readOptions, withOption, withOptions } from './analytics.js';
import { showPicker, onPick, currentHighlight, updateOptionsHint } from './picker.js';

/** @typedef {import('./json.js').Spot} Spot */
/** @typedef {import('../../npm/index').Chart} Chart */
/** @typedef {import('../../npm/index').Problem} Problem */
/** @typedef {import('../../types/data').ChartKind} ChartKind */
/** @typedef {import('../../types/data').CommuneChartData} CommuneChartData */
/** Why a chart did not draw: the widget's ChartError, or an Error from a failed start (chart null). @typedef {{ chart?: Chart | null, problems?: Problem[] }} Failure */

/** The "Cách viết số" choice (its options' values). */
function numberStyle() {
  return /** @type {'auto' | import('./table.js').NumberStyle} */ (el.numberFormat.value);
}

// ------------------------------------------------------------------ table mode
function onTableChanged() {
  dropExampleMeta();
  var parsed = readTable(el.table.value, numberStyle(), state.ui);
  state.parsed = parsed;
  // The table's title row is the chart's title, unless the journalist typed one.
  if (!el.meta.title.value.trim() || metaFrom.title === 'table') {
    el.meta.title.value = parsed.title || '';
    metaFrom.title = parsed.title ? 'table' : null;
    sayMetaOrigin();
  }
  showTable(parsed);
  if (parsed.unread) return; // read when the core's reader has come (start, below)
  if (parsed.empty || parsed.errors.length) {
    setBlocked(true, parsed.empty ? 'empty' : 'errors');
    return;
  }
  setBlocked(false);
  dataRead(parsed.kind === 'communes' ? parsed.items : null);
  if (parsed.kind !== state.tableKind) {
    var before = state.tableKind;
    state.tableKind = parsed.kind;
    if (parsed.kind === 'indicators' && el.kind.value !== 'indicators') {
      state.communeKind = el.kind.value;
      el.kind.value = 'indicators';
      if (before) flashHint(t('kindSwitchedInd'));
    } else if (parsed.kind === 'communes' && el.kind.value === 'indicators' && before) {
      el.kind.value = state.communeKind || 'overview';
    }
  }
  writeJsonFromTable();
  updateKindHint();
  schedule();
}

function writeJsonFromTable() {
  var p = state.parsed;
  if (!p || p.empty || p.errors.length) return;
  var options = { highlight: currentHighlight(), compare: el.compare.value, group: el.group.value };
  el.json.value = formatJson(withMeta(withOptions(documentOf(p), options), metaValues()));
  state.jsonEdited = false;
}

/** The communes of the data just read (the table's items, the JSON's "communes"): the picker's names. @param {unknown} communes */
function dataRead(communes) {
  state.communes = communes;
  state.names = communeNames(communes);
  showPicker();
  updateOptionsHint();
}

/** The table has errors (or is empty): the chart and the code stay as they were, marked out of date. @param {boolean} on @param {'empty' | 'errors'} [why] */
function setBlocked(on, why) {
  state.blocked = on;
  el.staleNote.hidden = !on;
  if (on) el.staleNote.textContent = why === 'empty' ? t('staleEmpty') : t('staleNote');
  el.chartFrame.classList.toggle('stale', on);
  el.json.classList.toggle('stale', on);
  updateEmbed();
}

// ------------------------------------------------------------------ JSON mode
/** @param {'table' | 'json'} mode */
function setMode(mode) {
  if (mode === state.mode) return;
  state.mode = mode;
  el.modeTable.checked = mode === 'table';
  el.modeJson.checked = mode === 'json';
  el.tableArea.hidden = mode !== 'table';
  el.json.readOnly = mode !== 'json';
  el.jsonLabel.textContent = mode === 'json' ? t('jsonLabelJson') : t('jsonLabelTable');
  el.jsonLabel.setAttribute('data-i18n', mode === 'json' ? 'jsonLabelJson' : 'jsonLabelTable');
  el.json.classList.toggle('editable', mode === 'json');
  if (mode === 'table') {
    if (state.jsonEdited) { state.savedJson = el.json.value; el.restore.hidden = false; }
    if (el.table.value.trim()) onTableChanged();
    else { state.parsed = readTable('', numberStyle(), state.ui); showTable(state.parsed); setBlocked(true, 'empty'); }
  } else {
    el.restore.hidden = true;
    setBlocked(false);
    clearWidgetMarks();
    syncMetaFromJson(); // the highlight is now the JSON's list
    schedule(0);
  }
}

function onJsonInput() {
  state.jsonEdited = true;
  el.restore.hidden = true;
  syncMetaFromJson();
  schedule();
}

/** The title etc. and the chart's language follow the JSON typed in JSON mode. */
function syncMetaFromJson() {
  /** @type {unknown} */
  var parsed;
  try { parsed = JSON.parse(el.json.value); } catch (e) { return; }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return;
  var doc = /** @type {Record<string, unknown>} */ (parsed);
  el.metaStatus.hidden = true;
  META_KEYS.forEach(function (k) {
    var value = doc[k];
    var v = typeof value === 'string' ? value : '';
    if (el.meta[k].value !== v && document.activeElement !== el.meta[k]) { el.meta[k].value = v; metaFrom[k] = null; }
  });
  // Without a "locale" the chart speaks the page's language (<html lang>), which is the UI's.
  var locale = doc.locale;
  el.locale.value = locale === 'vi' || locale === 'en' ? locale : state.ui;
  // Highlight, compare and group follow the JSON too (a value the menus lack shows as 'none':
  // the widget's message says what is wrong with it).
  var options = readOptions(doc);
  el.compare.value = options.compare;
  el.group.value = options.group;
  applied = { compare: options.compare, group: options.group };
  state.highlight = options.highlight;
  dataRead(doc.communes);
}

/** Title, subtitle, source, note and locale go into the JSON (rebuilt from the table, or patched). */
function onMetaChanged() {
  if (state.mode === 'table') {
    if (!state.blocked) { writeJsonFromTable(); schedule(); }
    return;
  }
  /** @type {unknown} */
  var doc;
  try { doc = JSON.parse(el.json.value); } catch (e) { doc = null; }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) { el.metaStatus.hidden = false; return; }
  el.metaStatus.hidden = true;
  el.json.value = formatJson(withMeta(/** @type {Record<string, unknown>} */ (doc), metaValues()));
  state.jsonEdited = true;
  schedule();
}

/** The compare and group the JSON has (the menus go back to them when the JSON cannot take a change). */
var applied = { compare: 'none', group: 'none' };

/**
 * Highlight, compare or group changed on the page: into the JSON (made again from the table, or
 * patched: only that field changes, and the title etc. as onMetaChanged does).
 * @param {'highlight' | 'compare' | 'group'} key
 * @param {(doc: Record<string, unknown> | null) => (string | string[])} valueFor its new value, from the JSON in JSON mode (else null)
 */
function onOptionChanged(key, valueFor) {
  if (state.mode === 'table') {
    var value = valueFor(null);
    if (key === 'highlight') state.highlight = /** @type {string[]} */ (value);
    applied = { compare: el.compare.value, group: el.group.value };
    showPicker();
    updateOptionsHint();
    if (!state.blocked) { writeJsonFromTable(); schedule(0); }
    return;
  }
  /** @type {unknown} */
  var doc;
  try { doc = JSON.parse(el.json.value); } catch (e) { doc = null; }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    // The page cannot write into JSON it cannot read: the controls go back to what the JSON said.
    el.compare.value = applied.compare;
    el.group.value = applied.group;
    showPicker(true);
    updateOptionsHint(true);
    return;
  }
  var obj = /** @type {Record<string, unknown>} */ (doc);
  var v = valueFor(obj);
  if (key === 'highlight') state.highlight = /** @type {string[]} */ (v);
  applied = { compare: el.compare.value, group: el.group.value };
  el.json.value = formatJson(withMeta(withOption(obj, key, v), metaValues()));
  state.jsonEdited = true;
  showPicker();
  updateOptionsHint();
  schedule(0);
}

/** Selects the error's place in the JSON. @param {Spot} spot @param {boolean} focus */
function pointAt(spot, focus) {
  var ta = el.json;
  if (focus) ta.focus();
  ta.setSelectionRange(spot.offset, spot.end);
  scrollTextareaTo(ta, spot.offset);
}

// ------------------------------------------------------------------ rendering
/** @type {number | undefined} */
var timer;
/** @type {Promise<unknown>} */
var queue = Promise.resolve();
/** Draws the JSON after `delay` ms (default 250: while typing), after the drawing before it. @param {number} [delay] */
function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(function () { queue = queue.then(draw, draw); }, delay == null ? 250 : delay);
}

function draw() {
  if (state.mode === 'table' && state.blocked) return null;
  var CC = window.CommuneCharts;
  if (!CC) { showNoWidget(); return null; }
  var text = el.json.value;
  var kind = /** @type {ChartKind} */ (el.kind.value);
  var drawn = state.chart;
  var fresh = !drawn || state.chartKind !== kind || state.forceRender;
  state.forceRender = false;
  var job = !drawn || fresh ? CC.render(el.chart, text, { kind: kind }) : drawn.update(text);
  return job.then(function (chart) {
    state.chart = chart; state.chartKind = kind;
    onDrawn(text, kind);
  }, /** @param {Failure | undefined} err */ function (err) {
    if (err && err.chart) { state.chart = err.chart; state.chartKind = kind; }
    else { state.chart = null; }
    onFailed(err, text);
  });
}

/** @param {string} text @param {string} kind */
function onDrawn(text, kind) {
  /** @type {CommuneChartData | null} */
  var doc = null;
  try { doc = JSON.parse(text); } catch (e) { /* the widget accepted it, so this does not happen */ }
  state.good = { doc: doc, kind: kind };
  state.problem = null;
  el.jsonWhere.hidden = true;
  el.chart.classList.remove('has-error');
  clearWidgetMarks();
  updateEmbed();
}

/** @param {Failure | undefined} err @param {string} text */
function onFailed(err, text) {
  el.chart.classList.add('has-error');
  clearWidgetMarks();
  updateEmbed();
  var problems = err && Array.isArray(err.problems) ? err.problems : null;
  if (!problems || !problems.length) {
    state.problem = null;
    el.jsonWhere.hidden = false;
    el.jsonWhereText.textContent = t('jsonWhereUnknown');
    el.jsonGoto.hidden = true;
    return;
  }
  // In table mode, say which cells the widget's field paths are.
  if (state.mode === 'table' && state.parsed) {
    showWidgetProblems(problems, state.parsed);
  }
  // Point at the first problem in the JSON text.
  var first = problems[0];
  var spot = null;
  // The core gives each problem its span: a field's problem selects the whole field (or what
  // should hold it), a syntax error its character; a long one is cut to 200 characters.
  if (first.line > 0) {
    var off = offsetOf(text, first.line, first.column);
    var end = first.endLine > 0 ? offsetOf(text, first.endLine, first.endColumn) : off + 1;
    end = Math.min(text.length, off + 200, Math.max(end, off + 1));
    spot = { offset: off, end: end, line: first.line, column: first.column, path: first.path || undefined };
    el.jsonWhereText.textContent = first.path
      ? t('jsonWherePath', first.path, first.line, first.column)
      : t('jsonWhereLine', first.line, first.column);
  }
  state.problem = spot;
  el.jsonWhere.hidden = !spot;
  el.jsonGoto.hidden = !spot;
  // Move the caret there, unless the journalist is typing in the JSON box right now.
  if (spot && document.activeElement !== el.json) pointAt(spot, false);
}

function showNoWidget() {
  el.chart.textContent = t('noWidget');
  el.chart.classList.add('has-error');
}

// ------------------------------------------------------------------ hints and language
/** @type {string | null} */
var flashed = null;
/** A hint shown once, at the next updateKindHint(). @param {string} text */
function flashHint(text) { flashed = text; }
function updateKindHint() {
  var text = null;
  var tableKind = state.mode === 'table' && state.parsed && !state.parsed.empty ? state.parsed.kind : null;
  if (tableKind === 'communes' && el.kind.value === 'indicators') text = t('kindNeedsInd');
  else if (tableKind === 'indicators' && el.kind.value !== 'indicators') text = t('kindNeedsCommunes');
  else if (el.kind.value === 'members-per-1000' && !hasPopulation(state.communes)) text = t('kindNeedsPopulation');
  else if (flashed) text = flashed;
  flashed = null;
  el.kindHint.hidden = !text;
  el.kindHint.textContent = text || '';
  updateOptionsHint();
}
/** Whether a commune of the data has a population (members-per-1000 draws nothing without). @param {unknown} communes */
function hasPopulation(communes) {
  return Array.isArray(communes) && communes.some(function (c) { return c && typeof c.population === 'number'; });
}

function applyLanguage() {
  applyTexts();
  sayMetaOrigin();
  if (state.mode === 'table') {
    var p = readTable(el.table.value, numberStyle(), state.ui);
    state.parsed = p;
    showTable(p);
    if (state.blocked) el.staleNote.textContent = p.empty ? t('staleEmpty') : t('staleNote');
  }
  updateKindHint();
  showPicker(true);
  updateEmbed();
  // The widget's own messages follow the page language where the data does not set one.
  state.forceRender = true;
  schedule(0);
}

// ------------------------------------------------------------------ paste of HTML tables
/** Pasting from a web page or Word can bring an HTML table without tabs in the plain text. @param {ClipboardEvent} e */
function onTablePaste(e) {
  var cd = e.clipboardData;
  if (!cd) return;
  var plain = cd.getData('text/plain') || '';
  var html = cd.getData('text/html') || '';
  if (plain.indexOf('\t') >= 0 || html.toLowerCase().indexOf('<table') < 0) return;
  var doc = new DOMParser().parseFromString(html, 'text/html');
  var rows = Array.from(doc.querySelectorAll('tr'), function (tr) {
    return Array.from(tr.querySelectorAll('th,td'), function (c) {
      return (c.textContent || '').replace(/\s+/g, ' ').trim();
    }).join('\t');
  });
  if (!rows.length) return;
  e.preventDefault();
  el.table.setRangeText(rows.join('\n'), el.table.selectionStart, el.table.selectionEnd, 'end');
  onTableChanged();
}

// ------------------------------------------------------------------ wiring
el.table.addEventListener('input', onTableChanged);
el.table.addEventListener('paste', onTablePaste);
el.numberFormat.addEventListener('change', onTableChanged);
byId('example-communes', HTMLButtonElement).addEventListener('click', function () {
  el.table.value = EXAMPLE_COMMUNES;
  setExampleMeta(META_COMMUNES);
  onTableChanged();
});
byId('example-indicators', HTMLButtonElement).addEventListener('click', function () {
  el.table.value = EXAMPLE_INDICATORS;
  setExampleMeta(META_INDICATORS);
  onTableChanged();
});
byId('clear-table', HTMLButtonElement).addEventListener('click', function () { el.table.value = ''; onTableChanged(); el.table.focus(); });
el.modeTable.addEventListener('change', function () { setMode('table'); });
el.modeJson.addEventListener('change', function () { setMode('json'); });
el.restore.addEventListener('click', function () {
  if (state.savedJson == null) return;
  el.json.value = state.savedJson;
  state.savedJson = null;
  setMode('json');
  state.jsonEdited = true;
  syncMetaFromJson();
});
el.json.addEventListener('input', onJsonInput);
el.jsonGoto.addEventListener('click', function () { if (state.problem) pointAt(state.problem, true); });
META_KEYS.forEach(function (k) {
  el.meta[k].addEventListener('input', function () { metaFrom[k] = null; el.metaOrigin.hidden = true; onMetaChanged(); });
});
el.locale.addEventListener('change', onMetaChanged);
// The preview takes the theme as the published chart will (the widget watches data-theme).
el.theme.addEventListener('change', function () {
  if (el.theme.value) el.chart.setAttribute('data-theme', el.theme.value);
  else el.chart.removeAttribute('data-theme');
  updateEmbed();
});
el.kind.addEventListener('change', function () {
  if (el.kind.value !== 'indicators') state.communeKind = el.kind.value;
  updateKindHint();
  schedule(0);
});
el.compare.addEventListener('change', function () { onOptionChanged('compare', function () { return el.compare.value; }); });
el.group.addEventListener('change', function () { onOptionChanged('group', function () { return el.group.value; }); });
onPick(function (name, on) {
  onOptionChanged('highlight', function (doc) {
    // In JSON mode the list is the JSON's (a name the data lacks stays as typed), in table mode the page's.
    var list = doc ? readOptions(doc).highlight : state.highlight;
    var names = doc ? communeNames(doc.communes) : state.names;
    return toggleHighlight(list, name, on, names);
  });
});
el.highlightClear.addEventListener('click', function () {
  onOptionChanged('highlight', function () { return []; });
  var first = el.highlightList.querySelector('input');
  if (first instanceof HTMLInputElement) first.focus();
});
[el.variantInline, el.variantSrc, el.variantSheet, el.refresh].forEach(function (r) { r.addEventListener('change', updateEmbed); });
el.sheetUrl.addEventListener('input', updateEmbed);
el.dataUrl.addEventListener('input', updateEmbed);
el.scriptUrl.addEventListener('input', updateEmbed);
el.copy.addEventListener('click', copySnippet);
el.download.addEventListener('click', downloadData);
wireImages(); // the static images: download.js, fetched at the first click
el.uiLang.addEventListener('click', function () { state.ui = state.ui === 'vi' ? 'en' : 'vi'; applyLanguage(); });
// A phone's width: the widget lays the chart out again for it (names above bars below 520 px).
var viewPhone = byId('view-phone', HTMLInputElement);
[byId('view-desktop', HTMLInputElement), viewPhone].forEach(function (r) {
  r.addEventListener('change', function () { el.chartFrame.classList.toggle('phone', viewPhone.checked); });
});

// Start with a real example: the seed communes, as a pasted table.
applyTexts();
setExampleMeta(META_COMMUNES);
el.table.value = EXAMPLE_COMMUNES;
state.tableKind = 'communes';
// Tables are read by the core (core.js: the explanations module beside the widget's script,
// fetched once); the example is read, and the chart drawn, when it has come.
setReaderStatus(t('readerLoading'));
onTableChanged();
var readerUrl = coreUrl();
loadCore(readerUrl).then(function () {
  if (state.mode === 'table') onTableChanged();
  schedule(0);
}, function (/** @type {unknown} */ e) {
  setReaderStatus(t('readerFailed', readerUrl, e instanceof Error ? e.message : String(e)));
  if (state.mode === 'table') onTableChanged();
  schedule(0);
});

// For tests and the curious: the pure helpers.
window.CommuneChartsPlayground = Object.freeze({
  /** @param {string} text @param {'auto' | import('./table.js').NumberStyle} styleChoice */
  readTable: function (text, styleChoice) { return readTable(text, styleChoice, state.ui); },
  readNumber: readNumber, scriptSafe: scriptSafe
});
