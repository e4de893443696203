// @ts-check
// The menus whose values are names of the data format: the chart kinds, `compare` and `group`
// (contract, sections 2 and 6), each value with its words in i18n.js. The values must be the
// JSON Schema's (schema/commune-charts.schema.json, generated from src/spec.rs):
// tests/unit/playground-schema.test.mjs compares them, so a kind added to the core fails that
// test until it has a place and words here. The schema is not read at run time: the playground
// is copied to a newsroom's server as playground.html, playground/ and dist/ only, and the
// labels, which the schema cannot give, have to be written here anyway.

/** @typedef {import('./i18n.js').Words} Words */
/** A menu's option: its value, and the key of its words in i18n.js. @typedef {{ value: string, key: keyof Words }} Choice */

/** The chart kinds, in the menu's order (`overview` is chosen at start). @type {Choice[]} */
export const KINDS = [
  { value: 'members', key: 'kindMembers' },
  { value: 'cells', key: 'kindCells' },
  { value: 'members-per-cell', key: 'kindRatio' },
  { value: 'members-per-1000', key: 'kindPer1000' },
  { value: 'targets', key: 'kindTargets' },
  { value: 'indicators', key: 'kindIndicators' },
  { value: 'overview', key: 'kindOverview' }
];
export const DEFAULT_KIND = 'overview';

/** `compare`: a reference line over the bars ('none' is left out of the JSON). @type {Choice[]} */
export const COMPARE = [
  { value: 'none', key: 'compareNone' },
  { value: 'mean', key: 'compareMean' },
  { value: 'median', key: 'compareMedian' }
];

/** `group`: sections by province or district ('none' is left out of the JSON). @type {Choice[]} */
export const GROUP = [
  { value: 'none', key: 'groupNone' },
  { value: 'province', key: 'groupProvince' },
  { value: 'district', key: 'groupDistrict' }
];

/** The kinds that draw `compare`'s line: one value a commune (contract, section 6). */
export const SINGLE_VALUE_KINDS = ['members', 'cells', 'members-per-cell', 'members-per-1000'];

/** Whether `value` is one of `choices`' values. @param {Choice[]} choices @param {unknown} value */
export function isChoice(choices, value) {
  return choices.some(function (c) { return c.value === value; });
}
