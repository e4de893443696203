// Unit tests: the playground's own lists of the data format's names (issue 17, item 4) equal the
// JSON Schema's, which tests/schema_gen.rs keeps equal to src/spec.rs. The lists stay in the
// playground (choices.js, fields.js, json.js) because they carry what the schema cannot: the
// words of each menu option, the column names that mean each field. A name added to the core
// fails here until the playground has a place and words for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { KINDS, COMPARE, GROUP, DEFAULT_KIND, SINGLE_VALUE_KINDS } from '../../www/playground/choices.js';
import { FIELDS } from '../../www/playground/fields.js';
import { TOP_ORDER } from '../../www/playground/json.js';
import { STR } from '../../www/playground/i18n.js';

const schema = JSON.parse(await readFile(new URL('../../schema/commune-charts.schema.json', import.meta.url), 'utf8'));
const html = await readFile(new URL('../../www/playground.html', import.meta.url), 'utf8');
const values = (choices) => choices.map((c) => c.value);
const enumOf = (name) => schema.properties[name].enum.filter((v) => v !== null);

test('the chart kinds, compare and group menus offer exactly the schema’s values, each with words in both languages', () => {
  assert.deepEqual([...values(KINDS)].sort(), [...enumOf('chart')].sort());
  assert.ok(values(KINDS).includes('members-per-1000'));
  assert.deepEqual(values(COMPARE), enumOf('compare'));
  assert.deepEqual(values(GROUP), enumOf('group'));
  assert.ok(values(KINDS).includes(DEFAULT_KIND));
  for (const k of SINGLE_VALUE_KINDS) assert.ok(values(KINDS).includes(k), k);
  for (const c of [...KINDS, ...COMPARE, ...GROUP]) {
    for (const lang of ['vi', 'en']) assert.equal(typeof STR[lang][c.key], 'string', `${lang}.${c.key} (${c.value})`);
  }
  // Each value once, each label once (two options that read the same could not be told apart).
  for (const list of [KINDS, COMPARE, GROUP]) {
    assert.equal(new Set(values(list)).size, list.length);
    for (const lang of ['vi', 'en']) assert.equal(new Set(list.map((c) => STR[lang][c.key])).size, list.length, lang);
  }
});

test('the page’s menus have no options of their own: choices.js is their one list', () => {
  for (const id of ['kind', 'compare', 'group']) {
    assert.match(html, new RegExp(`<select id="${id}"></select>`), `#${id} is filled from choices.js`);
  }
});

// (The order of a table's communes, targets and indicators is the core's: src/table/tests.rs
// holds it to the schema.)
test('the fields the playground orders are the schema’s, in its order: top level', () => {
  assert.deepEqual(TOP_ORDER, Object.keys(schema.properties).filter((k) => k !== '$schema'));
});

/** A schema property's value type as fields.js names it. */
function typeOf(prop) {
  const types = [].concat(prop.type ?? []).filter((t) => t !== 'null');
  return { string: 'text', integer: 'int', number: 'number', object: 'object' }[types[0]] ?? `? ${JSON.stringify(prop)}`;
}
/** Every leaf field of a schema definition, as fields.js keys them ('targets.met'). */
function leaves(def) {
  const out = {};
  for (const [k, prop] of Object.entries(def.properties)) {
    const ref = prop.anyOf?.find((a) => a.$ref)?.$ref ?? prop.$ref;
    if (ref) {
      for (const [k2, t] of Object.entries(leaves(schema.definitions[ref.split('/').pop()]))) out[`${k}.${k2}`] = t;
    } else {
      out[k] = typeOf(prop);
    }
  }
  return out;
}

// The help's list of column names; tests/unit/playground-table.test.mjs holds it to the core's reader.
test('the columns the help lists are the schema’s commune and indicator fields, of the same types', () => {
  const tableFields = (table) => Object.fromEntries(FIELDS.filter((f) => f.table === table).map((f) => [f.key, f.type]));
  const communes = leaves(schema.definitions.commune);
  // cellKinds is an object of counts: any column named "Chi bộ …" but the total fills it.
  assert.equal(communes.cellKinds, 'object');
  delete communes.cellKinds;
  assert.deepEqual(tableFields('c'), communes);
  assert.deepEqual(tableFields('i'), leaves(schema.definitions.indicator));
  for (const f of FIELDS) assert.ok(f.vi.length && f.en.length, `${f.key}: column names in both languages`);
});
