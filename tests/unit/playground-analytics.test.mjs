// Unit tests: highlight, compare and group as the playground reads and writes them
// (www/playground/analytics.js), and where they go in the JSON it writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  nameKey, communeNames, highlightFor, toggleHighlight, pickerItems, matchesFilter, readOptions, withOption, withOptions, hasGroupNames,
} from '../../www/playground/analytics.js';
import { formatJson, withMeta } from '../../www/playground/json.js';

const NFD = 'Mồ Sì San'.normalize('NFD');
const COMMUNES = [
  { name: 'Mồ Sì San', province: 'Lai Châu' }, { name: ' Pa Vây Sử ', district: 'Phong Thổ' }, { name: 'Đức Thọ' },
  { name: 'mồ sì san' }, { name: '' }, { name: 7 }, null, { members: 1 },
];

test('names match as the widget matches them: not case, spaces or Unicode form, but diacritics', () => {
  assert.equal(nameKey(' MỒ SÌ SAN '), nameKey('Mồ Sì San'));
  assert.equal(nameKey(NFD), nameKey('Mồ Sì San'));
  assert.notEqual(nameKey('Duc Tho'), nameKey('Đức Thọ'));
  assert.notEqual(nameKey('Mo Si San'), nameKey('Mồ Sì San'));
});

test('communeNames: each name once, trimmed, in the data’s order; not text or empty left out', () => {
  assert.deepEqual(communeNames(COMMUNES), ['Mồ Sì San', 'Pa Vây Sử', 'Đức Thọ']);
  assert.deepEqual(communeNames(undefined), []);
  assert.deepEqual(communeNames({ name: 'x' }), []);
});

test('highlightFor: the names the data has, as it writes them, in its order', () => {
  const names = communeNames(COMMUNES);
  assert.deepEqual(highlightFor(['đức thọ', 'Nowhere', NFD], names), ['Mồ Sì San', 'Đức Thọ']);
  assert.deepEqual(highlightFor([], names), []);
});

test('toggleHighlight: ticked names in the data’s order, then the names the data lacks, as typed', () => {
  const names = ['Mồ Sì San', 'Pa Vây Sử', 'Đức Thọ'];
  let list = toggleHighlight([], 'Đức Thọ', true, names);
  assert.deepEqual(list, ['Đức Thọ']);
  list = toggleHighlight(list, 'Mồ Sì San', true, names);
  assert.deepEqual(list, ['Mồ Sì San', 'Đức Thọ']);
  // Ticking twice does not list a name twice; unticking matches as the widget does.
  assert.deepEqual(toggleHighlight(list, 'Mồ Sì San', true, names), ['Mồ Sì San', 'Đức Thọ']);
  assert.deepEqual(toggleHighlight(list, NFD.toUpperCase(), false, names), ['Đức Thọ']);
  // A name typed by hand that the data lacks stays, after the data's, until it is unticked.
  const typed = ['Xã Không Có', 'pa vây sử'];
  assert.deepEqual(toggleHighlight(typed, 'Đức Thọ', true, names), ['Pa Vây Sử', 'Đức Thọ', 'Xã Không Có']);
  assert.deepEqual(toggleHighlight(typed, 'Xã Không Có', false, names), ['Pa Vây Sử']);
});

test('pickerItems: names the data lacks first and marked, then every commune, ticked or not', () => {
  assert.deepEqual(pickerItems(['A', 'B', 'C'], ['c', 'Zed', 'zed', ' ']), [
    { name: 'Zed', checked: true, unknown: true },
    { name: 'A', checked: false, unknown: false },
    { name: 'B', checked: false, unknown: false },
    { name: 'C', checked: true, unknown: false },
  ]);
  assert.deepEqual(pickerItems([], []), []);
});

test('matchesFilter: without diacritics or case, as the chart’s search box', () => {
  assert.ok(matchesFilter('Xã Dào San', 'dao san'));
  assert.ok(matchesFilter('Đức Thọ', 'duc'));
  assert.ok(matchesFilter('Đức Thọ', 'ĐỨC THỌ'));
  assert.ok(matchesFilter('Mồ Sì San', '  '));
  assert.ok(!matchesFilter('Mồ Sì San', 'pa'));
});

test('readOptions: what the JSON says, and none for values the menus lack', () => {
  assert.deepEqual(readOptions({ highlight: ['A', 3, null, 'B'], compare: 'median', group: 'district' }), { highlight: ['A', 'B'], compare: 'median', group: 'district' });
  assert.deepEqual(readOptions({ highlight: 'A', compare: 'average', group: null }), { highlight: [], compare: 'none', group: 'none' });
  for (const d of [null, [], 'x', {}]) assert.deepEqual(readOptions(d), { highlight: [], compare: 'none', group: 'none' });
});

test('withOption: one field set, the widget’s defaults left out, the rest kept; withOptions sets the three', () => {
  const doc = { title: 'T', compare: 'median', zzz: 1, communes: [] };
  assert.deepEqual(withOption(doc, 'highlight', ['A']), { title: 'T', compare: 'median', zzz: 1, communes: [], highlight: ['A'] });
  assert.deepEqual(withOption(doc, 'compare', 'none'), { title: 'T', zzz: 1, communes: [] });
  assert.deepEqual(withOption({ ...doc, highlight: ['A'] }, 'highlight', []), doc);
  assert.deepEqual(doc, { title: 'T', compare: 'median', zzz: 1, communes: [] }, 'the document given is not changed');
  assert.deepEqual(withOptions({ communes: [], group: 'province' }, { highlight: [], compare: 'mean', group: 'none' }), { communes: [], compare: 'mean' });
});

test('the options go where the schema puts them: after sort, before communes; a highlight on one line', () => {
  const doc = withOptions({ communes: [{ name: 'A', members: 1 }], chart: 'members' }, { highlight: ['A', 'B'], compare: 'mean', group: 'province' });
  const text = formatJson(withMeta(doc, { title: 'T', subtitle: '', source: '', note: '', locale: 'vi' }));
  assert.equal(text, [
    '{',
    '  "title": "T",',
    '  "locale": "vi",',
    '  "chart": "members",',
    '  "highlight": ["A", "B"],',
    '  "compare": "mean",',
    '  "group": "province",',
    '  "communes": [',
    '    { "name": "A", "members": 1 }',
    '  ]',
    '}',
  ].join('\n'));
});

test('hasGroupNames: whether any commune names its province or district', () => {
  assert.ok(hasGroupNames(COMMUNES, 'province'));
  assert.ok(hasGroupNames(COMMUNES, 'district'));
  assert.ok(!hasGroupNames([{ name: 'A', province: '  ' }, { name: 'B' }], 'province'));
  assert.ok(!hasGroupNames(null, 'district'));
});
