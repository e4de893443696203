// Unit tests: the playground's words (www/playground/i18n.js) and the page's use of them.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { STR, translate } from '../../www/playground/i18n.js';
import { EXAMPLE_COMMUNES, EXAMPLE_INDICATORS, isExampleTable } from '../../www/playground/examples.js';
import { readTable } from '../../www/playground/table.js';
import { withCore } from './core.mjs';

const html = await readFile(new URL('../../www/playground.html', import.meta.url), 'utf8');
before(withCore); // tables are read by the core

test('Vietnamese and English have the same keys, of the same kind and arity', () => {
  assert.deepEqual(Object.keys(STR.en), Object.keys(STR.vi));
  for (const k of Object.keys(STR.vi)) {
    assert.equal(typeof STR.en[k], typeof STR.vi[k], k);
    if (typeof STR.vi[k] === 'function') assert.equal(STR.en[k].length, STR.vi[k].length, k);
    else assert.ok(STR.vi[k] && STR.en[k], `${k} is not empty`);
  }
});

test('every data-i18n text of playground.html exists, and its Vietnamese is what the HTML says', () => {
  const keys = [...html.matchAll(/data-i18n="([^"]+)"[^>]*>([^<]*)</g)];
  assert.ok(keys.length > 60, `${keys.length} texts`);
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const differ = [];
  for (const [, key, text] of keys) {
    assert.equal(typeof STR.vi[key], 'string', key);
    if (unescape(text) !== STR.vi[key]) differ.push(key);
  }
  // The HTML may carry a shorter Vietnamese text for the few labels the script makes longer.
  assert.deepEqual(differ.sort(), ['themeAuto', 'themePage']);
});

test('translate: words, messages with parts, and Vietnamese where English has none', () => {
  assert.equal(translate('vi', 'copy'), 'Sao chép mã nhúng');
  assert.equal(translate('en', 'copy'), 'Copy embed code');
  assert.equal(translate('en', 'tableHasErrors', 1), 'The table has 1 error:');
  assert.equal(translate('en', 'tableHasErrors', 3), 'The table has 3 errors:');
  assert.equal(translate('vi', 'exampleMetaCleared', ['tiêu đề', 'nguồn', 'ghi chú']),
    'Đã xoá tiêu đề, nguồn và ghi chú của bảng ví dụ, vì số liệu không còn là của ví dụ. Hãy ghi tiêu đề và nguồn số liệu của bạn.');
  assert.equal(translate('en', 'exampleMetaCleared', ['source']),
    'The example’s source was cleared: the data is no longer the example’s. Type your own title and source.');
  assert.equal(translate('vi', 'tableRead', 2, 'communes', 5, 'vi', 'cells'),
    'Đã đọc 2 xã và 5 cột. Số được đọc kiểu Việt (theo cách viết các số trong bảng): 2.989 là hai nghìn chín trăm tám mươi chín, 99,7 là chín mươi chín phẩy bảy.');
  assert.equal(translate('en', 'tableRead', 1, 'indicators', 3, 'en', 'headers'),
    'Read 1 indicator and 3 columns. Numbers read the English way (the column names are English): 2,989 is two thousand nine hundred eighty-nine, 99.7 is ninety-nine point seven.');
  assert.equal(translate('vi', 'cellNotWhole', 2, 'Đảng viên', '2.5', 2.5, null, 'vi'),
    'Hàng 2, cột «Đảng viên»: «2.5» được đọc là 2,5, nhưng ở cột này phải là số nguyên.');
  const saved = STR.en.copy;
  try {
    delete STR.en.copy;
    assert.equal(translate('en', 'copy'), 'Sao chép mã nhúng');
  } finally {
    STR.en.copy = saved;
  }
});

test('the examples read without errors, and are recognised as the examples', () => {
  const c = readTable(EXAMPLE_COMMUNES, 'auto');
  assert.deepEqual([c.kind, c.count, c.errors, c.notes, c.style], ['communes', 3, [], [], 'vi']);
  assert.deepEqual(c.items[2], { name: 'Đức Thọ', province: 'Hà Tĩnh', members: 2989, cells: 77, population: 40065, areaKm2: 48.93 });
  const i = readTable(EXAMPLE_INDICATORS, 'auto');
  assert.deepEqual([i.kind, i.count, i.errors, i.notes, i.style], ['indicators', 2, [], [], 'vi']);
  assert.equal(isExampleTable(`  ${EXAMPLE_COMMUNES.replace(/\n/g, '\r\n')}\n`), true);
  assert.equal(isExampleTable(EXAMPLE_INDICATORS), true);
  assert.equal(isExampleTable(EXAMPLE_COMMUNES.replace('89', '90')), false);
});
