// Unit tests: the JSON text the playground writes and the places in it (www/playground/json.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatJson, withMeta, META_KEYS, offsetOf, lineColumnOf, parentPath } from '../../www/playground/json.js';

test('formatJson: one line per commune or indicator, a list of names on one line', () => {
  const doc = { title: 'T', communes: [{ name: 'A', members: 1, targets: { met: 2 } }, { name: 'B', cellKinds: {} }], sort: 'value', empty: [], tags: ['x', 1] };
  assert.equal(formatJson(doc), [
    '{',
    '  "title": "T",',
    '  "communes": [',
    '    { "name": "A", "members": 1, "targets": { "met": 2 } },',
    '    { "name": "B", "cellKinds": {} }',
    '  ],',
    '  "sort": "value",',
    '  "empty": [],',
    '  "tags": ["x", 1]', // a list of plain values ("highlight") on one line
    '}',
  ].join('\n'));
  for (const d of [doc, { a: 'ngoặc "kép" \\ và \n xuống dòng', b: null, c: [{}] }]) assert.deepEqual(JSON.parse(formatJson(d)), d);
  // Not an object: as JSON.stringify writes it.
  assert.equal(formatJson([1, 2]), '[\n  1,\n  2\n]');
  assert.equal(formatJson(null), 'null');
  assert.equal(formatJson('x'), '"x"');
});

test('withMeta: title, subtitle, source, note and locale first, empty ones dropped, the rest kept', () => {
  assert.deepEqual(META_KEYS, ['title', 'subtitle', 'source', 'note']);
  const doc = { communes: [], locale: 'en', zzz: 1, chart: 'members', title: 'old', note: 'n', sort: 'name' };
  const out = withMeta(doc, { title: 'Mới', subtitle: '', source: 'S', note: '', locale: 'vi' });
  assert.equal(JSON.stringify(out), '{"title":"Mới","source":"S","locale":"vi","chart":"members","sort":"name","communes":[],"zzz":1}');
  assert.equal(doc.title, 'old', 'the document given is not changed');
  assert.deepEqual(Object.keys(withMeta({ indicators: [] }, { title: '', subtitle: '', source: '', note: '', locale: 'en' })), ['locale', 'indicators']);
});

test('line and column <-> offset, columns counting characters (an emoji is one)', () => {
  const text = 'ab\n😀x\ny';
  assert.equal(offsetOf(text, 1, 1), 0);
  assert.equal(offsetOf(text, 2, 2), 5); // after the emoji, two UTF-16 units
  assert.equal(offsetOf(text, 2, 3), 6);
  assert.equal(offsetOf(text, 2, 99), 6, 'past the end of the line: its end');
  assert.equal(offsetOf(text, 3, 1), 7);
  assert.equal(offsetOf(text, 9, 1), text.length, 'past the last line: the end');
  assert.deepEqual(lineColumnOf(text, 0), { line: 1, column: 1 });
  assert.deepEqual(lineColumnOf(text, 5), { line: 2, column: 2 });
  assert.deepEqual(lineColumnOf(text, 7), { line: 3, column: 1 });
  for (let off = 0; off <= text.length; off++) {
    if (off === 4) continue; // inside the emoji
    const { line, column } = lineColumnOf(text, off);
    assert.equal(offsetOf(text, line, column), off, `offset ${off}`);
  }
});

test('parentPath', () => {
  assert.equal(parentPath('communes[1].targets.met'), 'communes[1].targets');
  assert.equal(parentPath('communes[1].targets'), 'communes[1]');
  assert.equal(parentPath('communes[1]'), 'communes');
  assert.equal(parentPath('communes'), '');
});
