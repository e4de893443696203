// @ts-check
// The data's "highlight", "compare" and "group" (contract, section 6) as the playground reads and
// writes them: the communes a highlight can name, the picker's list, and the fields in a document.
import { COMPARE, GROUP, isChoice } from './choices.js';
import { normHeader } from './fields.js';

/** What the page's controls say: the names to highlight, the reference line, the sections. @typedef {{ highlight: string[], compare: string, group: string }} Options */
/** A line of the highlight picker: a name, whether it is ticked, and whether the data lacks it. @typedef {{ name: string, checked: boolean, unknown: boolean }} PickerItem */

/**
 * A name as the widget matches highlights: surrounding spaces, case and the Unicode form of the
 * marks do not count; the marks themselves do ("Đức Thọ" is not "Duc Tho").
 * @param {unknown} name
 */
export function nameKey(name) {
  return String(name).trim().normalize('NFC').toLowerCase();
}

/**
 * The communes' names in a document (or a table's items), in order, each once (by nameKey);
 * names that are not text, or empty, are left out.
 * @param {unknown} communes the document's "communes"
 * @returns {string[]}
 */
export function communeNames(communes) {
  if (!Array.isArray(communes)) return [];
  /** @type {Record<string, boolean>} */
  var seen = {};
  /** @type {string[]} */
  var out = [];
  communes.forEach(function (c) {
    var name = c && typeof c === 'object' ? /** @type {Record<string, unknown>} */ (c).name : null;
    if (typeof name !== 'string' || !name.trim()) return;
    var k = nameKey(name);
    if (seen[k]) return;
    seen[k] = true;
    out.push(name.trim());
  });
  return out;
}

/**
 * The names of `wanted` that the data has, as the data writes them, in the data's order: what
 * the table mode writes into "highlight" (a name gone from the table is left out, and comes
 * back when the table has it again).
 * @param {string[]} wanted
 * @param {string[]} names the communeNames of the data
 */
export function highlightFor(wanted, names) {
  /** @type {Record<string, boolean>} */
  var want = {};
  wanted.forEach(function (w) { want[nameKey(w)] = true; });
  return names.filter(function (n) { return want[nameKey(n)]; });
}

/**
 * The highlight after ticking (`on`) or unticking `name`: the data's names first, in its order,
 * then the names the data lacks, in the order they had (a typo stays, for the widget to name).
 * @param {string[]} list the highlight now
 * @param {string} name
 * @param {boolean} on
 * @param {string[]} names the communeNames of the data
 * @returns {string[]}
 */
export function toggleHighlight(list, name, on, names) {
  var key = nameKey(name);
  var kept = list.filter(function (n) { return nameKey(n) !== key; });
  if (on) kept.push(name);
  /** @type {Record<string, boolean>} */
  var inData = {};
  names.forEach(function (n) { inData[nameKey(n)] = true; });
  var known = highlightFor(kept, names);
  /** @type {Record<string, boolean>} */
  var seen = {};
  var unknown = kept.filter(function (n) {
    var k = nameKey(n);
    if (inData[k] || seen[k]) return false;
    seen[k] = true;
    return true;
  });
  return known.concat(unknown);
}

/**
 * The picker's lines: first each highlighted name the data lacks, ticked and marked (seen
 * without scrolling a long list; unticking it takes it out of the JSON), then every commune,
 * ticked when the highlight names it.
 * @param {string[]} names the communeNames of the data
 * @param {string[]} highlight
 * @returns {PickerItem[]}
 */
export function pickerItems(names, highlight) {
  /** @type {Record<string, boolean>} */
  var on = {};
  highlight.forEach(function (h) { on[nameKey(h)] = true; });
  /** @type {Record<string, boolean>} */
  var listed = {};
  names.forEach(function (n) { listed[nameKey(n)] = true; });
  /** @type {PickerItem[]} */
  var unknown = [];
  highlight.forEach(function (h) {
    var k = nameKey(h);
    if (listed[k] || !h.trim()) return;
    listed[k] = true;
    unknown.push({ name: h, checked: true, unknown: true });
  });
  return unknown.concat(names.map(function (n) { return { name: n, checked: !!on[nameKey(n)], unknown: false }; }));
}

/**
 * Whether a name shows under the picker's filter: letters without diacritics or case, so "dao
 * san" finds "Xã Dào San" as the chart's search box does.
 * @param {string} name
 * @param {string} filter
 */
export function matchesFilter(name, filter) {
  var f = normHeader(filter);
  return !f || normHeader(name).indexOf(f) >= 0;
}

/**
 * The options a document gives: its "highlight" (the strings in it), and its "compare" and
 * "group" when they are values the menus have ('none' otherwise: missing, null or a value the
 * widget rejects, which its own message explains).
 * @param {unknown} doc
 * @returns {Options}
 */
export function readOptions(doc) {
  var d = doc && typeof doc === 'object' && !Array.isArray(doc) ? /** @type {Record<string, unknown>} */ (doc) : {};
  var h = d.highlight;
  return {
    highlight: Array.isArray(h) ? h.filter(function (x) { return typeof x === 'string'; }) : [],
    compare: isChoice(COMPARE, d.compare) ? String(d.compare) : 'none',
    group: isChoice(GROUP, d.group) ? String(d.group) : 'none'
  };
}

/**
 * `doc` with one option set: an empty highlight and 'none' leave the field out (the widget's
 * default); other fields are kept as they are. The document given is not changed.
 * @param {Record<string, unknown>} doc
 * @param {keyof Options} key
 * @param {string | string[]} value
 * @returns {Record<string, unknown>}
 */
export function withOption(doc, key, value) {
  /** @type {Record<string, unknown>} */
  var out = {};
  Object.keys(doc).forEach(function (k) { out[k] = doc[k]; });
  var empty = Array.isArray(value) ? value.length === 0 : value === 'none' || value === '';
  if (empty) delete out[key]; else out[key] = Array.isArray(value) ? value.slice() : value;
  return out;
}

/** `doc` with all three options set (see withOption). @param {Record<string, unknown>} doc @param {Options} o */
export function withOptions(doc, o) {
  return withOption(withOption(withOption(doc, 'highlight', o.highlight), 'compare', o.compare), 'group', o.group);
}

/**
 * Whether the communes name any province (or district): without, grouping makes one section.
 * @param {unknown} communes
 * @param {'province' | 'district'} group
 */
export function hasGroupNames(communes, group) {
  return Array.isArray(communes) && communes.some(function (c) {
    var v = c && typeof c === 'object' ? /** @type {Record<string, unknown>} */ (c)[group] : null;
    return typeof v === 'string' && v.trim() !== '';
  });
}
