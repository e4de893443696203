// End-to-end: from a spreadsheet to a live chart (issue 19), as a journalist goes: the published
// sheet's CSV pasted into the playground (commas, as the browser shows the file), the chart kind,
// the "published spreadsheet" embed code (data-src, data-format, data-refresh), and that code in
// an article reading the sheet. The sheet is served by page.route as Google serves a published
// CSV: an address without an extension. The time of each step is printed (a figure for the
// closing note, never asserted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, openPlayground, realErrors } from './browser.mjs';

const env = useBrowser();

const SHEET = 'Kết quả đại hội các xã Phong Thổ,,,\r\nSTT,Xã,Đảng viên,Chi bộ\r\n1,Mồ Sì San,"1.089",9\r\n2,Pa Vây Sử,86,11\r\n3,Vàng Ma Chải,412,\r\n';
const PUBLISHED = '/spreadsheets/d/e/2PACX-1vTest/pub?gid=0&single=true&output=csv';

test('a published sheet: pasted as CSV, embedded with data-src and data-refresh, drawn in the article', async (t) => {
  const { page, context, errors } = await openPlayground(env);
  const t0 = Date.now();
  const lap = (what) => t.diagnostic(`${what}: ${Date.now() - t0} ms`);

  // 1. The CSV as the browser shows it, copied and pasted: commas between the columns.
  await page.fill('#table-input', SHEET);
  await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'ready'
    && document.getElementById('json-input').value.includes('Vàng Ma Chải'), null, { timeout: 10000 });
  const doc = JSON.parse(await page.inputValue('#json-input'));
  assert.equal(doc.title, 'Kết quả đại hội các xã Phong Thổ', 'the title row');
  assert.deepEqual(doc.communes.map((c) => [c.name, c.members, c.cells]), [['Mồ Sì San', 1089, 9], ['Pa Vây Sử', 86, 11], ['Vàng Ma Chải', 412, undefined]],
    'an empty cell is no data, not 0');
  lap('pasted and drawn');

  // 2. The kind, then the published spreadsheet as the data.
  await page.selectOption('#kind', 'members');
  await page.waitForFunction(() => document.getElementById('snippet').value.includes('data-commune-chart="members"'));
  await page.check('#variant-sheet');
  assert.ok(await page.isVisible('#sheet-url') && await page.isVisible('#refresh') && await page.isVisible('#sheet-help'));
  assert.ok(await page.isHidden('#data-url') && await page.isHidden('#download'));
  assert.ok(await page.isDisabled('#copy'), 'nothing to copy before the address');
  // The address bar's link to the sheet is not its CSV: said, and not copied.
  await page.fill('#sheet-url', 'https://docs.google.com/spreadsheets/d/1AbCdEf/edit#gid=0');
  assert.ok(await page.isVisible('#sheet-warn'));
  assert.match(await page.textContent('#sheet-warn'), /Công bố lên web/);
  assert.ok(await page.isDisabled('#copy'));
  await page.fill('#sheet-url', `${env.base}${PUBLISHED}`);
  await page.fill('#script-url', '/dist/commune-charts.js');
  assert.ok(await page.isHidden('#sheet-warn'));
  assert.ok(await page.isEnabled('#copy'));
  const snippet = await page.inputValue('#snippet');
  const div = snippet.split('\n')[0];
  assert.equal(div, `<div data-commune-chart="members" data-src="${(env.base + PUBLISHED).replace(/&/g, '&amp;')}" data-format="csv" data-refresh="60"></div>`);
  await page.selectOption('#refresh', '');
  assert.doesNotMatch((await page.inputValue('#snippet')).split('\n')[0], /data-refresh/, 'no updates: no data-refresh');
  await page.selectOption('#refresh', '60');
  lap('embed code ready');
  assert.deepEqual(realErrors(errors), []);

  // 3. The code in an article; the sheet sent as a file host may send it (not text/csv).
  const article = await openPage(env.browser, 'about:blank');
  let fetched = 0;
  await article.page.route('**/spreadsheets/**', (route) => {
    fetched++;
    return route.fulfill({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from(SHEET, 'utf8') });
  });
  await article.page.route('**/article.html', (route) => route.fulfill({
    status: 200, headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html lang="vi"><meta charset="utf-8"><body><main style="max-width:640px">${snippet}</main></body></html>`,
  }));
  await article.page.goto(`${env.base}/article.html`);
  await article.page.waitForFunction(() => document.querySelector('[data-commune-chart]')?.dataset.state === 'ready', null, { timeout: 15000 });
  lap('drawn in the article');
  const label = await article.page.evaluate(() => window[Symbol.for('commune-test-dom')].part(document.querySelector('[data-commune-chart]'), 'canvas[role=img]').getAttribute('aria-label'));
  assert.match(label, /Mồ Sì San \(1\.089\)/, label);
  const shown = await article.page.evaluate(() => window[Symbol.for('commune-test-dom')].chartRoot(document.querySelector('[data-commune-chart]')).textContent);
  assert.match(shown, /Kết quả đại hội các xã Phong Thổ/, 'the sheet\'s title row is the chart\'s title');
  assert.equal(fetched, 1);
  assert.deepEqual(realErrors(article.errors), []);
  await article.context.close();
  await context.close();
});

test('a sheet without a column the chart needs: the playground names the column to add', async () => {
  const { page, context, errors } = await openPlayground(env);
  await page.fill('#table-input', 'Xã,Đảng viên,Khó đạt\nMồ Sì San,89,6\nPa Vây Sử,86,5\n');
  await page.selectOption('#kind', 'targets');
  await page.waitForSelector('#table-errors li.from-widget');
  const said = await page.$$eval('#table-errors li.from-widget', (lis) => lis.map((li) => li.textContent));
  assert.equal(said[0], 'Hàng 2, cột «Đạt và vượt» (bảng chưa có cột này): thiếu trường bắt buộc này');
  assert.ok(said.includes('Hàng 3, cột «Đạt trên 80%» (bảng chưa có cột này): thiếu trường bắt buộc này'), said.join('\n'));
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test("the demo's live page reads its CSV (text/csv), says when, and follows an edit of the file", async () => {
  const { readFile, writeFile } = await import('node:fs/promises');
  const file = new URL('../../www/data/ket-qua.csv', import.meta.url);
  const original = await readFile(file);
  const { page, context, errors } = await openPage(env.browser, `${env.base}/live.html`);
  try {
    await page.waitForFunction(() => document.getElementById('chart-live').dataset.state === 'ready', null, { timeout: 15000 });
    await page.waitForFunction(() => /^Cập nhật lúc /.test(document.getElementById('updated').textContent));
    const shown = () => page.evaluate(() => window[Symbol.for('commune-test-dom')].chartRoot(document.getElementById('chart-live')).textContent);
    assert.match(await shown(), /Sì Lở Lầu––––/, 'a commune without numbers yet: no data (–) in the table, not 0');
    // The newsroom fills in a commune: within the refresh period (10 s), the chart has it.
    await writeFile(file, original.toString('utf8').replace('4;Sì Lở Lầu;Phong Thổ;;;', '4;Sì Lở Lầu;Phong Thổ;20;8;3'));
    await page.waitForFunction(() => {
      const t = window[Symbol.for('commune-test-dom')].chartRoot(document.getElementById('chart-live')).textContent;
      return /Sì Lở Lầu20 \(64,5%\)8 \(25,8%\)3 \(9,7%\)31/.test(t);
    }, null, { timeout: 25000 });
    assert.deepEqual(realErrors(errors), []);
  } finally {
    await writeFile(file, original);
    await context.close();
  }
});
