// End-to-end: the playground as a newsroom uses it (issue 16): an example's attribution never goes
// out with the journalist's data, real spreadsheets (a title row, kinds of cells), the phone
// preview, the PNG download, and the playground served from a folder of the newsroom's server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { extname, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openPage, decodePng } from './browser.mjs';

const env = useBrowser();
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const realErrors = (errors) => errors.filter((e) => !/favicon/.test(e));

/** The playground with its first chart drawn. */
async function playground(opts) {
  const r = await openPage(env.browser, `${env.base}/playground.html`, opts);
  await r.page.waitForFunction(() => document.getElementById('chart').dataset.state === 'ready', null, { timeout: 15000 });
  return r;
}

/** Waits until the chart is drawn from the JSON now in the JSON box. */
async function drawnFromJson(page) {
  await page.waitForFunction(() => {
    const chart = document.getElementById('chart');
    const json = document.getElementById('json-input').value;
    const snippet = document.getElementById('snippet').value;
    return chart.dataset.state === 'ready' && !document.getElementById('copy').disabled
      && snippet.includes(JSON.parse(json).communes?.[0]?.name ?? JSON.parse(json).indicators?.[0]?.name);
  }, null, { timeout: 10000 });
}

/** What the preview chart says: its summary and the text of its shadow root (caption, table…). */
const chartText = (page) => page.evaluate(() => {
  const { chartRoot, part } = window[Symbol.for('commune-test-dom')];
  const el = document.getElementById('chart');
  return `${part(el, 'canvas[role=img]').getAttribute('aria-label')}\n${chartRoot(el).textContent}`;
});

const EXAMPLE_TEXTS = [
  'Kết quả thực hiện Nghị quyết Đại hội Đảng bộ xã',
  'Số đảng viên, chi bộ trực thuộc',
  'Báo cáo tại các buổi làm việc với Đảng ủy xã',
  'Huyện Văn Lãng: kết quả sản xuất',
  'Báo cáo của Huyện ủy Văn Lãng',
];
const META = ['#meta-title', '#meta-subtitle', '#meta-source'];
const metaNow = (page) => Promise.all(META.map((id) => page.inputValue(id)));
const noExampleText = (text, where) => {
  for (const s of EXAMPLE_TEXTS) assert.ok(!text.includes(s), `${where} carries the example’s «${s}»:\n${text}`);
};

const OWN_INDICATORS = 'Đơn vị\tChỉ tiêu\tGiá trị\tĐơn vị tính\t% kế hoạch\n'
  + 'Tam Đường\tSản lượng lương thực\t42.310\ttấn\t101,2%\n'
  + 'Tam Đường\tTrồng rừng mới\t350\tha\t87,5%\n';
const OWN_COMMUNES = 'Xã\tĐảng viên\tChi bộ\nBình Lư\t412\t18\nBản Bo\t276\t14\n';

test('item 3: "Xoá bảng" and a paste take the example’s title, subtitle and source away; the journalist’s own stay', async () => {
  const { page, context, errors } = await playground();
  // The page starts with the example and its attribution.
  assert.deepEqual(await metaNow(page), [
    'Kết quả thực hiện Nghị quyết Đại hội Đảng bộ xã, nhiệm kỳ 2020 – 2025',
    'Số đảng viên, chi bộ trực thuộc và mức độ đạt chỉ tiêu của một số đảng bộ xã',
    'Báo cáo tại các buổi làm việc với Đảng ủy xã',
  ]);
  assert.ok(await page.isHidden('#meta-origin'));

  // 1. "Xoá bảng", then a paste of an indicators table.
  await page.click('#clear-table');
  assert.deepEqual(await metaNow(page), ['', '', '']);
  assert.equal(await page.textContent('#meta-origin'),
    'Đã xoá tiêu đề, dòng mô tả và nguồn của bảng ví dụ, vì số liệu không còn là của ví dụ. Hãy ghi tiêu đề và nguồn số liệu của bạn.');
  await page.fill('#table-input', OWN_INDICATORS);
  await drawnFromJson(page);
  assert.equal(await page.inputValue('#kind'), 'indicators');
  noExampleText(await page.inputValue('#snippet'), 'the snippet');
  noExampleText(await page.inputValue('#json-input'), 'the JSON');
  noExampleText(await chartText(page), 'the chart');

  // 2. Straight over the example, without clearing: the same.
  await page.click('#example-communes');
  assert.equal((await metaNow(page))[2], 'Báo cáo tại các buổi làm việc với Đảng ủy xã');
  assert.ok(await page.isHidden('#meta-origin'));
  await page.fill('#table-input', OWN_COMMUNES);
  await drawnFromJson(page);
  assert.deepEqual(await metaNow(page), ['', '', '']);
  assert.ok(await page.isVisible('#meta-origin'));
  noExampleText(await page.inputValue('#snippet'), 'the snippet');

  // 3. What the journalist typed stays; only what the example filled in goes. Editing one cell of
  //    the example makes it the journalist's data too.
  await page.click('#example-indicators');
  await page.fill('#meta-title', 'Tam Đường vượt kế hoạch lương thực');
  assert.ok(await page.isHidden('#meta-origin'));
  await page.fill('#table-input', (await page.inputValue('#table-input')).replace('411', '412'));
  await drawnFromJson(page);
  assert.deepEqual(await metaNow(page), ['Tam Đường vượt kế hoạch lương thực', '', '']);
  assert.equal(await page.textContent('#meta-origin'),
    'Đã xoá nguồn của bảng ví dụ, vì số liệu không còn là của ví dụ. Hãy ghi tiêu đề và nguồn số liệu của bạn.');
  const snippet = await page.inputValue('#snippet');
  assert.match(snippet, /"title": "Tam Đường vượt kế hoạch lương thực"/);
  noExampleText(snippet, 'the snippet');

  // 4. In English the note says the same.
  await page.click('#ui-lang');
  assert.equal(await page.textContent('#meta-origin'), 'The example’s source was cleared: the data is no longer the example’s. Type your own title and source.');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});
