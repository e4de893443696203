// @ts-check
// What the playground read from the pasted table, shown under it: a status line, the errors and
// notes (a click selects the cell in the pasted text), and the table as read, with the cells the
// widget complains about marked.
import { el, t, clear } from './page.js';
import { parentPath } from './json.js';
import { FIELDS } from './fields.js';

/** @typedef {import('./table.js').ParsedTable} ParsedTable */
/** @typedef {import('./table.js').Message} Message */
/** @typedef {import('../../npm/index').Problem} Problem */

/** What the status line says while the core's table reader is not loaded (main.js sets it). */
let readerStatus = '';
/** @param {string} text */
export function setReaderStatus(text) { readerStatus = text; }

/** The status line, errors, notes and preview of the table `p` (a readTable result). @param {ParsedTable} p */
export function showTable(p) {
  clear(el.tableErrors); clear(el.tableNotes); clear(el.preview);
  el.tableStatus.textContent = '';
  el.tableStatus.className = 'status';
  if (p.empty || p.unread) {
    el.tableStatus.textContent = p.unread ? readerStatus : t('tableEmpty');
    el.previewWrap.hidden = true;
    return;
  }
  if (p.errors.length) {
    el.tableStatus.textContent = t('tableHasErrors', p.errors.length);
    el.tableStatus.classList.add('bad');
  } else {
    el.tableStatus.textContent = t('tableRead', p.count, p.kind, p.columns.filter(function (c) { return c.field; }).length, p.style, p.styleReason);
  }
  p.errors.forEach(function (e) { addMessage(el.tableErrors, e); });
  p.notes.forEach(function (n) { addMessage(el.tableNotes, n); });
  buildPreview(p);
}

/**
 * Adds message `m` to `list`; with the cell's offsets, clicking it selects the cell in the pasted text.
 * @param {HTMLElement} list
 * @param {{ text: string, start?: number | null, end?: number | null }} m
 */
export function addMessage(list, m) {
  var li = document.createElement('li');
  const start = m.start, end = m.end;
  if (start != null && end != null) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'link message-link';
    b.textContent = m.text;
    b.addEventListener('click', function () {
      el.table.focus();
      el.table.setSelectionRange(start, end);
      scrollTextareaTo(el.table, start);
    });
    li.appendChild(b);
  } else {
    li.textContent = m.text;
  }
  list.appendChild(li);
  return li;
}

/** @type {Record<string, HTMLElement>} */
let cellEls = {}; // "row:col" -> td, "row:" -> tr
/** The table as read: a column's field under its name, each cell's value, the bad ones marked. @param {ParsedTable} p */
function buildPreview(p) {
  cellEls = {};
  if (!p.columns.length) { el.previewWrap.hidden = true; return; }
  el.previewWrap.hidden = false;
  var thead = document.createElement('thead');
  var hr = document.createElement('tr');
  var corner = document.createElement('th');
  corner.className = 'gutter';
  corner.textContent = '#';
  hr.appendChild(corner);
  /** @type {Record<string, boolean>} */
  var bad = {};
  p.errors.forEach(function (e) { if (e.row != null) bad[e.row + ':' + (e.col == null ? '' : e.col)] = true; });
  p.columns.forEach(function (c) {
    var th = document.createElement('th');
    th.scope = 'col';
    var name = document.createElement('span');
    name.className = 'col-name';
    name.textContent = c.header || '(' + (c.index + 1) + ')';
    th.appendChild(name);
    var field = document.createElement('span');
    field.className = 'col-field';
    field.textContent = c.field ? (p.kind === 'indicators' ? 'indicators[].' : 'communes[].') + (c.field.kind ? 'cellKinds' : c.field.key) : t('ignoredMark');
    th.appendChild(field);
    if (!c.field) th.classList.add('ignored');
    if (c.field && c.field.type !== 'text') th.classList.add('num');
    hr.appendChild(th);
  });
  thead.appendChild(hr);
  el.preview.appendChild(thead);
  var tbody = document.createElement('tbody');
  p.rows.slice(0, 300).forEach(function (row) {
    var tr = document.createElement('tr');
    var g = document.createElement('th');
    g.scope = 'row';
    g.className = 'gutter';
    g.textContent = String(row.number);
    tr.appendChild(g);
    if (row.skipped) tr.classList.add('skipped');
    if (bad[row.number + ':']) tr.classList.add('bad-row');
    cellEls[row.number + ':'] = tr;
    row.cells.forEach(function (cell) {
      var td = document.createElement('td');
      if (cell.state === 'missing') { td.textContent = '—'; td.title = t('emptyMark'); td.classList.add('missing'); }
      else if (cell.state === 'bad') { td.textContent = cell.raw || '∅'; td.classList.add('bad'); tr.classList.add('bad-row'); }
      else if (cell.state === 'ignored') { td.textContent = cell.raw; td.classList.add('ignored'); }
      else td.textContent = String(cell.value);
      if (cell.column.field && cell.column.field.type !== 'text') td.classList.add('num');
      cellEls[row.number + ':' + cell.column.index] = td;
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  });
  el.preview.appendChild(tbody);
}

/** Removes what showWidgetProblems added. */
export function clearWidgetMarks() {
  Object.keys(cellEls).forEach(function (k) { cellEls[k].classList.remove('widget-bad'); });
  Array.prototype.slice.call(el.tableErrors.querySelectorAll('.from-widget')).forEach(function (li) { li.remove(); });
}

/** Scrolls the text area so that `offset` is about three lines from the top. @param {HTMLTextAreaElement} ta @param {number} offset */
export function scrollTextareaTo(ta, offset) {
  var line = ta.value.slice(0, offset).split('\n').length;
  var lh = parseFloat(getComputedStyle(ta).lineHeight) || 20;
  ta.scrollTop = Math.max(0, (line - 3) * lh);
}

/**
 * The field at `key` of an item (`targets.met`), when the table has no column for it: a field the
 * chart needs is then said by the name its column would have.
 * @param {string} key @param {ParsedTable} p
 */
function missingColumn(key, p) {
  var table = p.kind === 'indicators' ? 'i' : 'c';
  var field = FIELDS.find(function (f) { return f.key === key && f.table === table; });
  var present = p.columns.some(function (c) { return c.field != null && c.field.key === key; });
  return field && !present ? field : null;
}

/** The widget's problems with the JSON made from the table `p`, said by row and column. @param {Problem[]} problems @param {ParsedTable} p */
export function showWidgetProblems(problems, p) {
  problems.forEach(function (pr) {
    var q = pr.path;
    while (q && !p.pathMap[q]) q = parentPath(q);
    var hit = q ? p.pathMap[q] : null;
    if (!hit) return;
    var column = hit.col != null ? p.columns[hit.col] : null;
    var missing = hit.col == null ? missingColumn(pr.path.slice(q.length + 1), p) : null;
    var where = missing ? t('rowMissingCol', hit.row, missing.vi[0], missing.labelEn) : t('rowCol', hit.row, column ? column.header : null);
    var li = addMessage(el.tableErrors, { text: t('widgetCellError', where, pr.detail || pr.message), start: hit.start, end: hit.end });
    li.classList.add('from-widget');
    var target = cellEls[hit.row + ':' + (hit.col == null ? '' : hit.col)];
    if (target) target.classList.add('widget-bad');
  });
}
