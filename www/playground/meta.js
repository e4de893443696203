// @ts-check
// The title, subtitle, source and note fields, and where their text came from: an example, the
// title row of the pasted table, or the journalist.
import { el, t } from './page.js';
import { META_KEYS } from './json.js';
import { isExampleTable } from './examples.js';

/** @typedef {import('./json.js').MetaKey} MetaKey */
/** @typedef {import('./json.js').Meta} Meta */

/** The fields (trimmed) and the chart's language: what goes into the JSON. */
/** @returns {Meta} */
export function metaValues() {
  return {
    title: el.meta.title.value.trim(), subtitle: el.meta.subtitle.value.trim(),
    source: el.meta.source.value.trim(), note: el.meta.note.value.trim(), locale: el.locale.value
  };
}
/**
 * Where the title, subtitle, source and note came from: 'example' (an example's button),
 * 'table' (the title row above the pasted header), or null (typed by the journalist, or empty).
 * Another paper's attribution must never go out with the journalist's data: what an example put
 * in these fields goes when its table goes (cleared, "Xoá bảng", or pasted over), and the page
 * says so. What the journalist typed is never touched.
 */
/** @type {Record<MetaKey, 'example' | 'table' | null>} */
export const metaFrom = { title: null, subtitle: null, source: null, note: null };
/** Fills the fields with an example's (those the journalist typed stay). @param {Record<MetaKey, string>} m */
export function setExampleMeta(m) {
  META_KEYS.forEach(function (k) {
    if (el.meta[k].value.trim() && !metaFrom[k]) return;
    el.meta[k].value = m[k] || '';
    metaFrom[k] = m[k] ? 'example' : null;
  });
  el.metaOrigin.hidden = true;
}
/** Empties the fields that came from `origin`; returns their keys. @param {'example' | 'table'} origin */
function clearMetaFrom(origin) {
  return META_KEYS.filter(function (k) {
    if (metaFrom[k] !== origin) return false;
    metaFrom[k] = null;
    var had = el.meta[k].value.trim() !== '';
    el.meta[k].value = '';
    return had;
  });
}
/** The table is not an example's any more: the example's title, subtitle and source go, visibly. */
export function dropExampleMeta() {
  if (isExampleTable(el.table.value)) return;
  var gone = clearMetaFrom('example');
  if (!gone.length) return;
  el.metaOrigin.hidden = false;
  el.metaOrigin.dataset.keys = gone.join(' ');
  sayMetaOrigin();
}
/** Says which fields went with the example's table (and that the title is the table's). */
export function sayMetaOrigin() {
  var keys = (el.metaOrigin.dataset.keys || '').split(' ').filter(Boolean); // MetaKeys (dropExampleMeta)
  el.metaOrigin.textContent = t('exampleMetaCleared', keys.map(function (k) { return t(/** @type {`${MetaKey}Name`} */ (k + 'Name')); })) +
    (metaFrom.title === 'table' ? ' ' + t('titleFromTable') : '');
}
