// @ts-check
// "Nhấn mạnh và so sánh" on the page: the highlight picker (a checkbox per commune of the data,
// with a filter for long lists), and the hints under the compare and group menus. Names come from
// the data: they reach the page as textContent and form values only.
import { el, state, t, clear } from './page.js';
import { pickerItems, matchesFilter, hasGroupNames, highlightFor } from './analytics.js';
import { SINGLE_VALUE_KINDS } from './choices.js';

/** @typedef {import('./analytics.js').PickerItem} PickerItem */

/** Above this many communes the picker offers its filter. */
const FILTER_FROM = 8;

/** @type {(name: string, on: boolean) => void} */
var picked = function () {};
/** What the list shows now (to rebuild it only when it changes). */
var shown = '';

/** Calls `handler(name, on)` when a commune is ticked or unticked. @param {(name: string, on: boolean) => void} handler */
export function onPick(handler) { picked = handler; }

/**
 * The highlight the JSON has: in table mode, the names ticked that the table has (a name the
 * table lost stays ticked for when it comes back); in JSON mode, the JSON's own list.
 */
export function currentHighlight() {
  return state.mode === 'table' ? highlightFor(state.highlight, state.names) : state.highlight;
}

/**
 * The picker for the data's names and the highlight. The list is made again only when its names
 * changed (or `force`, for the language), keeping the focus on the same name, or the place of
 * one that went; ticking a name only ticks its box (a screen reader stays where it was).
 * @param {boolean} [force]
 */
export function showPicker(force) {
  var items = pickerItems(state.names, currentHighlight());
  var key = JSON.stringify([items.map(function (i) { return [i.name, i.unknown]; }), state.ui]);
  var boxes = el.highlightList.querySelectorAll('input[type=checkbox]');
  if (key !== shown || force || boxes.length !== items.length) {
    shown = key;
    var active = document.activeElement;
    var focusedAt = Array.prototype.indexOf.call(boxes, active);
    var focused = focusedAt >= 0 ? /** @type {HTMLInputElement} */ (active).value : null;
    clear(el.highlightList);
    /** @type {HTMLInputElement[]} */
    var made = items.map(function (item) {
      var li = document.createElement('li');
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.value = item.name;
      var name = document.createElement('span');
      name.textContent = item.name;
      label.appendChild(box);
      label.appendChild(name);
      if (item.unknown) {
        li.classList.add('unknown');
        var mark = document.createElement('span');
        mark.className = 'unknown-mark';
        mark.textContent = t('highlightUnknown');
        label.appendChild(mark);
      }
      li.appendChild(label);
      el.highlightList.appendChild(li);
      return box;
    });
    if (focusedAt >= 0 && made.length) {
      var same = made.filter(function (b) { return b.value === focused; })[0];
      (same || made[Math.min(focusedAt, made.length - 1)]).focus();
    }
  }
  Array.prototype.forEach.call(el.highlightList.querySelectorAll('input[type=checkbox]'), /** @param {HTMLInputElement} box @param {number} i */ function (box, i) {
    box.checked = items[i].checked;
  });
  el.highlightFilterField.hidden = items.length <= FILTER_FROM;
  if (el.highlightFilterField.hidden) el.highlightFilter.value = '';
  applyFilter();
}

/** Hides the names the filter does not match; says how many are ticked. */
function applyFilter() {
  var f = el.highlightFilter.value;
  var visible = 0;
  Array.prototype.forEach.call(el.highlightList.querySelectorAll('input[type=checkbox]'), /** @param {HTMLInputElement} box */ function (box) {
    var li = /** @type {HTMLElement} */ (box.closest('li'));
    li.hidden = !matchesFilter(box.value, f);
    if (!li.hidden) visible++;
  });
  var list = currentHighlight();
  var ticked = pickerItems(state.names, list).filter(function (i) { return i.checked && !i.unknown; }).length;
  el.highlightClear.hidden = list.length === 0;
  el.highlightCount.textContent = !state.names.length && !ticked ? t('highlightEmpty')
    : (visible === 0 && f.trim() ? t('highlightNoMatch', f.trim()) + ' ' : '') + t('highlightCount', ticked, state.names.length);
}

el.highlightList.addEventListener('change', function (e) {
  var box = e.target;
  if (box instanceof HTMLInputElement && box.type === 'checkbox') picked(box.value, box.checked);
});
el.highlightFilter.addEventListener('input', applyFilter);

/**
 * The hints under the menus: a reference line the chart kind does not draw, or a grouping the
 * data has no names for; and, in JSON mode, that the JSON must parse first (`blocked`).
 * @param {boolean} [blocked]
 */
export function updateOptionsHint(blocked) {
  var kind = el.kind.value;
  el.options.hidden = kind === 'indicators';
  /** @type {string[]} */
  var lines = [];
  if (blocked) lines.push(t('optionsBlocked'));
  if (el.compare.value !== 'none' && SINGLE_VALUE_KINDS.indexOf(kind) < 0) lines.push(t('compareNotDrawn'));
  var g = el.group.value;
  if ((g === 'province' || g === 'district') && Array.isArray(state.communes) && state.communes.length && !hasGroupNames(state.communes, g)) {
    lines.push(t('groupNoNames', g));
  }
  el.optionsHint.hidden = !lines.length;
  el.optionsHint.classList.toggle('warn', !!blocked);
  el.optionsHint.textContent = lines.join(' ');
}
