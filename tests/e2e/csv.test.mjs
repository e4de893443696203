// CSV and TSV through data-src (contract, section 6), in Chromium: the format chosen by
// data-format, else the Content-Type (text/csv, text/tab-separated-values), else the URL's
// extension; Excel's semicolons and Vietnamese numbers, a byte-order mark, a title row above the
// header; errors said by row and column (`dòng 4, cột "Đảng viên"`), in the page's language;
// the other charts of the page still drawn; a page of JSON charts never fetches the explanations
// module (which converts tables). Tables are served by page.route with the headers under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openBlank } from './browser.mjs';

const env = useBrowser();

const ENGLISH = 'name,members,cells,area (km2)\r\nMồ Sì San,"2,989",12,48.93\r\nPa Vây Sử,86,11,"1,234.5"\r\n';
const TSV = 'Xã\tĐảng viên\tChi bộ\nMồ Sì San\t89\t9\nPa Vây Sử\t86\t11\n';
// Excel with Vietnamese regional settings: a byte-order mark, semicolons, 2.989 and 48,93, a
// title row (with the separators Excel writes after it) and a total row.
const EXCEL_VI = '\ufeffSố liệu đảng viên huyện Tam Đường;;;\r\nSTT;Tên xã;Đảng viên;Chi bộ;Diện tích (km2)\r\n'
  + '1;Mồ Sì San;2.989;12;48,93\r\n2;Pa Vây Sử;86;11;1.234,5\r\n;Tổng cộng;3.075;23;\r\n';
const BAD = 'Xã,Đảng viên,Chi bộ\nMồ Sì San,89,9\nPa Vây Sử,86,11\nĐức Thọ,2.98x,77\n';
const KINDS_DO_NOT_ADD_UP = 'Xã,Chi bộ,Chi bộ bản,Chi bộ cơ quan\nMồ Sì San,9,5,4\nPa Vây Sử,11,5,4\n';
const JSON_DATA = JSON.stringify({ communes: [{ name: 'Mồ Sì San', members: 89 }, { name: 'Pa Vây Sử', members: 86 }] });

/** Serves the tables under /tables/ with the given content types; counts the explanations module's fetches. */
async function serveTables(page) {
  const routes = {
    '/tables/xa.csv': [ENGLISH, 'text/csv; charset=utf-8'],
    '/tables/xa-sheet': [ENGLISH, 'text/csv'], // a published sheet: no extension, the type says
    '/tables/xa-tab': [TSV, 'text/tab-separated-values; charset=utf-8'],
    '/tables/plain.csv': [ENGLISH, 'text/plain; charset=utf-8'], // the extension says
    '/tables/export.txt': [TSV, 'application/octet-stream'], // data-format says
    '/tables/excel-vi.csv': [EXCEL_VI, 'text/csv'],
    '/tables/bad.csv': [BAD, 'text/csv'],
    '/tables/kinds.csv': [KINDS_DO_NOT_ADD_UP, 'text/csv'],
    '/tables/data.json': [JSON_DATA, 'application/json'],
    '/tables/csv-as-json.json': [JSON_DATA, 'text/csv'], // data-format="json" wins over the type
  };
  const seen = { explain: 0 };
  await page.route('**/tables/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    const r = routes[path];
    if (!r) return route.fulfill({ status: 404, body: 'no such table' });
    return route.fulfill({ status: 200, headers: { 'content-type': r[1], 'cache-control': 'no-store' }, body: Buffer.from(r[0], 'utf8') });
  });
  page.on('request', (req) => { if (req.url().endsWith('/commune-charts-explain.wasm')) seen.explain++; });
  return seen;
}

/** Adds charts (id → [src, kind, extra attributes]) to the page, scans, and returns each one's
 *  state, alert, data table, aria-label and error event. */
function addCharts(page, charts) {
  return page.evaluate(async (charts) => {
    const events = {};
    for (const [id, [src, kind, attrs]] of Object.entries(charts)) {
      const el = document.createElement('div');
      el.id = id;
      el.setAttribute('data-commune-chart', kind);
      if (src.startsWith('{')) {
        const s = document.createElement('script');
        s.type = 'application/json';
        s.textContent = src;
        el.appendChild(s);
      } else {
        el.setAttribute('data-src', src);
      }
      for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
      el.addEventListener('commune-chart:error', (e) => { events[id] = e.detail; });
      document.getElementById('main').appendChild(el);
    }
    await window.CommuneCharts.scan(document, { lazy: false });
    const { part } = window[Symbol.for('commune-test-dom')];
    const out = {};
    for (const id of Object.keys(charts)) {
      const el = document.getElementById(id);
      for (let i = 0; i < 400 && !['ready', 'error'].includes(el.dataset.state); i++) await new Promise((r) => setTimeout(r, 25));
      const alert = part(el, '[role=alert]');
      const table = part(el, 'table');
      const canvas = part(el, 'canvas[role=img]');
      const e = events[id];
      out[id] = {
        state: el.dataset.state,
        alert: alert ? alert.innerText : null,
        table: table ? table.textContent : null,
        label: canvas ? canvas.getAttribute('aria-label') : null,
        problems: e ? e.problems.map((p) => ({ message: p.message, row: p.row, header: p.header, line: p.line, column: p.column })) : null,
      };
    }
    return out;
  }, charts);
}

test('data-src to CSV or TSV: by Content-Type, extension or data-format; JSON charts beside them', async () => {
  const { page, context, errors } = await openBlank(env);
  const seen = await serveTables(page);
  // JSON only: the explanations module is not fetched.
  const json = await addCharts(page, { inline: [JSON_DATA, 'members'], remote: ['/tables/data.json', 'members'] });
  assert.deepEqual([json.inline.state, json.remote.state], ['ready', 'ready']);
  assert.equal(seen.explain, 0, 'JSON charts do not fetch the explanations module');

  const r = await addCharts(page, {
    csv: ['/tables/xa.csv', 'members'],
    sheet: ['/tables/xa-sheet', 'overview'],
    tab: ['/tables/xa-tab', 'cells'],
    plain: ['/tables/plain.csv', 'members'],
    exported: ['/tables/export.txt', 'members', { 'data-format': 'TSV' }],
    notTable: ['/tables/csv-as-json.json', 'members', { 'data-format': 'json' }],
  });
  for (const [id, c] of Object.entries(r)) assert.equal(c.state, 'ready', `${id}: ${c.alert}`);
  assert.equal(seen.explain, 1, 'the explanations module is fetched once, for the first table');
  // English numbers: "2,989" is 2989 members, "1,234.5" km²; the page is Vietnamese, so 2.989.
  assert.match(r.csv.table, /Mồ Sì San\s*2\.989/);
  assert.match(r.csv.table, /Pa Vây Sử\s*86/);
  assert.match(r.tab.table, /Pa Vây Sử\s*11/);
  assert.match(r.exported.table, /Mồ Sì San\s*89/);
  assert.match(r.plain.table, /Mồ Sì San\s*2\.989/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Excel with Vietnamese settings: semicolons, 2.989 and 48,93, a byte-order mark, a title row', async () => {
  const { page, context, errors } = await openBlank(env);
  await serveTables(page);
  const r = await addCharts(page, { excel: ['/tables/excel-vi.csv', 'members'], control: [JSON_DATA, 'members'] });
  assert.equal(r.excel.state, 'ready', r.excel.alert);
  assert.equal(r.control.state, 'ready');
  // The total row is skipped; 2.989 is two thousand nine hundred eighty-nine.
  assert.match(r.excel.table, /Mồ Sì San\s*2\.989/);
  assert.doesNotMatch(r.excel.table, /Tổng cộng/);
  // The title row is the chart's title (the data table's caption says it).
  assert.match(r.excel.table, /^Số liệu đảng viên huyện Tam Đường/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a table with errors says them by row and column, in the page language; the other charts draw', async () => {
  const { page, context } = await openBlank(env);
  await serveTables(page);
  const r = await addCharts(page, {
    bad: ['/tables/bad.csv', 'members'],
    kinds: ['/tables/kinds.csv', 'cells'],
    good: ['/tables/xa.csv', 'members'],
    control: [JSON_DATA, 'members'],
  });
  assert.equal(r.bad.state, 'error');
  assert.match(r.bad.alert, /dòng 4, cột "Đảng viên": "2\.98x" không phải là số/);
  assert.deepEqual(r.bad.problems, [{ message: 'dòng 4, cột "Đảng viên": "2.98x" không phải là số', row: 4, header: 'Đảng viên', line: 4, column: 9 }]);
  // The JSON made from the table is checked too; its problem leads back to its row.
  assert.equal(r.kinds.state, 'error');
  assert.match(r.kinds.alert, /dòng 3: /);
  assert.equal(r.kinds.problems[0].row, 3);
  assert.deepEqual([r.good.state, r.control.state], ['ready', 'ready']);
  await context.close();

  // An English page: "row 4, column".
  const en = await openBlank(env);
  await serveTables(en.page);
  await en.page.evaluate(() => { document.documentElement.lang = 'en'; });
  const e = await addCharts(en.page, { bad: ['/tables/bad.csv', 'members'] });
  assert.match(e.bad.alert, /row 4, column "Đảng viên": "2\.98x" is not a number/);
  await en.context.close();
});

test('preview mode says what the conversion skipped (the title row, the total row)', async () => {
  const { page, context } = await openBlank(env);
  await serveTables(page);
  await addCharts(page, { excel: ['/tables/excel-vi.csv', 'members', { 'data-preview': '' }] });
  const warnings = await page.evaluate(async () => {
    const { part } = window[Symbol.for('commune-test-dom')];
    const el = document.getElementById('excel');
    for (let i = 0; i < 200 && !part(el, '[data-commune-chart-warnings]'); i++) await new Promise((r) => setTimeout(r, 25));
    const w = part(el, '[data-commune-chart-warnings]');
    return w ? w.innerText : null;
  });
  assert.match(warnings, /dòng 1: "Số liệu đảng viên huyện Tam Đường" ở trên hàng tên cột/);
  assert.match(warnings, /dòng 5, cột "Tên xã": "Tổng cộng" trông như hàng tổng nên được bỏ qua/);
  await context.close();
});
