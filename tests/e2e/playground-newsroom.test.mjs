// End-to-end: the playground as a newsroom uses it (issue 16): an example's attribution never goes
// out with the journalist's data, real spreadsheets (a title row, kinds of cells), the phone
// preview, the PNG download, and the playground served from a folder of the newsroom's server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, decodePng, openPlayground, realErrors } from './browser.mjs';

const env = useBrowser();
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const playground = (opts) => openPlayground(env, opts);

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

// A district's sheet as a party office sends it: a title row, merged across the columns (so
// tabs follow it), above the header, and the cells broken down by kind.
const KINDS_TSV = 'Số liệu đảng viên các xã huyện Tam Đường\t\t\t\t\t\t\n'
  + 'STT\tTên xã\tĐảng viên\tChi bộ\tChi bộ bản\tChi bộ trường học\tChi bộ cơ quan\n'
  + '1\tBình Lư\t412\t18\t12\t4\t2\n'
  + '2\tBản Bo\t276\t14\t10\t3\t1\n'
  + '3\tSơn Bình\t198\t11\t\t\t\n';

test('item 12: a title row above the header and "Chi bộ …" columns make the stacked cells chart', async () => {
  const { page, context, errors } = await playground();
  const r = await page.evaluate((tsv) => {
    const P = window.CommuneChartsPlayground;
    const pick = (p) => ({ kind: p.kind, items: p.items, errors: p.errors.map((e) => e.text), notes: p.notes.map((n) => n.text), title: p.title });
    return {
      kinds: pick(P.readTable(tsv, 'auto')),
      // Without a title row nothing changes; a data row first is still "the first row must be the names".
      plain: pick(P.readTable('Xã\tĐảng viên\nA\t1\n', 'auto')),
      data: pick(P.readTable('Mồ Sì San\t89\t9\nĐức Thọ\t2.989\t77\n', 'auto')),
      // A title, then a header without a name column: the header is found, its error is the name column's.
      noName: pick(P.readTable('Bảng 1\nĐảng viên\tLoại\n89\tXã\n', 'auto')),
      // A title above an indicators table.
      ind: pick(P.readTable('Kết quả năm 2025\nChỉ tiêu\tGiá trị\tĐơn vị tính\nTrồng rừng mới\t411\tha\n', 'auto')),
      // Two columns of the same kind, and English "cells" columns stay as they were.
      dup: pick(P.readTable('Xã\tChi bộ bản\tCHI BỘ BẢN\nA\t1\t2\n', 'auto')),
      en: pick(P.readTable('Name\tCells\tVillage cells\nA\t3\t2\n', 'auto')),
    };
  }, KINDS_TSV);
  assert.deepEqual(r.kinds.items, [
    { name: 'Bình Lư', members: 412, cells: 18, cellKinds: { 'Chi bộ bản': 12, 'Chi bộ trường học': 4, 'Chi bộ cơ quan': 2 } },
    { name: 'Bản Bo', members: 276, cells: 14, cellKinds: { 'Chi bộ bản': 10, 'Chi bộ trường học': 3, 'Chi bộ cơ quan': 1 } },
    { name: 'Sơn Bình', members: 198, cells: 11 },
  ]);
  assert.deepEqual(r.kinds.errors, []);
  assert.deepEqual(r.kinds.notes, ['Hàng 1 («Số liệu đảng viên các xã huyện Tam Đường») ở trên hàng tên cột: được đọc là tiêu đề, không phải số liệu.']);
  assert.equal(r.kinds.title, 'Số liệu đảng viên các xã huyện Tam Đường');
  assert.deepEqual(r.plain, { kind: 'communes', items: [{ name: 'A', members: 1 }], errors: [], notes: [], title: undefined });
  assert.deepEqual(r.data.errors, ['Hàng đầu tiên phải là tên cột, ví dụ: Xã – Đảng viên – Chi bộ.']);
  assert.deepEqual(r.noName.errors, ['Không thấy cột tên xã. Đặt tên cột là «Xã» (hoặc «Tên xã», «Đơn vị», «name»).']);
  assert.deepEqual(r.ind.items, [{ name: 'Trồng rừng mới', value: 411, measure: 'ha' }]);
  assert.equal(r.ind.title, 'Kết quả năm 2025');
  assert.deepEqual(r.dup.errors, ['Cột «Chi bộ bản» và cột «CHI BỘ BẢN» cùng là một loại chi bộ. Xoá bớt một cột.']);
  assert.deepEqual(r.en.items, [{ name: 'A', cells: 3 }]);
  assert.deepEqual(r.en.notes, ['Cột «Village cells» (cột 3) không nhận ra nên bị bỏ qua.']);

  // In the page: pasted over the example, the title row becomes the chart's title and the cells
  // chart stacks the kinds, with their names in the legend and the data table.
  await page.fill('#table-input', KINDS_TSV);
  await page.selectOption('#kind', 'cells');
  await drawnFromJson(page);
  assert.equal(await page.inputValue('#meta-title'), 'Số liệu đảng viên các xã huyện Tam Đường');
  assert.equal(await page.locator('#table-errors li').count(), 0);
  assert.deepEqual(await page.locator('#preview thead .col-field').allTextContents(),
    ['bỏ qua', 'communes[].name', 'communes[].members', 'communes[].cells', 'communes[].cellKinds', 'communes[].cellKinds', 'communes[].cellKinds']);
  assert.match(await page.textContent('#meta-origin'), /Tiêu đề mới lấy từ hàng tiêu đề của bảng\.$/);
  const snippet = await page.inputValue('#snippet');
  assert.match(snippet, /"title": "Số liệu đảng viên các xã huyện Tam Đường"/);
  assert.match(snippet, /\{ "name": "Bình Lư", "members": 412, "cells": 18, "cellKinds": \{ "Chi bộ bản": 12, "Chi bộ trường học": 4, "Chi bộ cơ quan": 2 \} \}/);
  // The kinds are named in the chart's data table (as "kind: n" or as columns).
  await page.waitForFunction(() => /Chi bộ trường học/.test(window[Symbol.for('commune-test-dom')].chartRoot(document.getElementById('chart')).textContent));
  // Three kinds and "not broken down": four colours of bars.
  const colours = await page.evaluate(() => {
    const c = window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const n = new Map();
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) < 40) continue; // greys: text, grid, background
      const k = `${r},${g},${b}`;
      n.set(k, (n.get(k) || 0) + 1);
    }
    return [...n.values()].filter((v) => v > 150).length;
  });
  assert.ok(colours >= 3, `the bars are stacked by kind (${colours} colours)`);

  // The widget's sum check points at the row: kinds that do not add up to "Chi bộ".
  await page.fill('#table-input', KINDS_TSV.replace('\t18\t12\t', '\t19\t12\t'));
  await page.waitForSelector('#table-errors li.from-widget');
  assert.match(await page.textContent('#table-errors li.from-widget'), /^Hàng 3: /);

  // A title the journalist typed is kept; the title row's goes with the title row.
  await page.fill('#table-input', KINDS_TSV.split('\n').slice(1).join('\n'));
  await drawnFromJson(page);
  assert.equal(await page.inputValue('#meta-title'), '');
  await page.fill('#meta-title', 'Chi bộ ở Tam Đường');
  await page.fill('#table-input', KINDS_TSV);
  await drawnFromJson(page);
  assert.equal(await page.inputValue('#meta-title'), 'Chi bộ ở Tam Đường');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

/** The chart's canvas in CSS px, and the leftmost column of bar colour (#1f5fa8) in it. */
const barGeometry = (page) => page.evaluate(() => {
  const c = window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let left = Infinity;
  for (let i = 0; i < d.length; i += 4) {
    if (Math.abs(d[i] - 0x1f) < 6 && Math.abs(d[i + 1] - 0x5f) < 6 && Math.abs(d[i + 2] - 0xa8) < 6) left = Math.min(left, (i / 4) % c.width);
  }
  const r = c.getBoundingClientRect();
  return { width: r.width, height: r.height, barLeft: left * r.width / c.width };
});

test('item 7: the phone preview draws the chart at 375 px, names above the bars, as readers on phones see it', async () => {
  const { page, context, errors } = await playground({ width: 1280, height: 900 });
  await page.selectOption('#kind', 'members');
  await page.waitForFunction(() => /số đảng viên/.test(window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getAttribute('aria-label')));
  const desktop = await barGeometry(page);
  assert.ok(desktop.width > 520, `the desktop preview is the column's width (${desktop.width} px)`);
  assert.ok(await page.isChecked('#view-desktop'));
  const code = await page.inputValue('#static-code');

  await page.check('#view-phone');
  await page.waitForFunction(() => window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getBoundingClientRect().width === 375);
  await page.waitForFunction((h) => window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getBoundingClientRect().height > h, desktop.height);
  const phone = await barGeometry(page);
  assert.equal(phone.width, 375);
  // Names above the bars: the bars start at the left edge instead of after a column of names.
  assert.ok(phone.barLeft < 20 && desktop.barLeft > 60, `bars start at ${phone.barLeft} px on the phone, ${desktop.barLeft} px on the desktop`);
  assert.ok(phone.height > desktop.height * 1.3, `a row per name and one per bar (${phone.height} vs ${desktop.height} px)`);
  // The snippet and the static image's width are the column's, not the phone's.
  assert.doesNotMatch(await page.inputValue('#snippet'), /375/);
  await page.fill('#meta-note', 'Ghi chú');
  await page.waitForFunction(() => /"note": "Ghi chú"/.test(document.getElementById('snippet').value));
  assert.equal(await page.inputValue('#static-code'), code);

  await page.check('#view-desktop');
  await page.waitForFunction((w) => window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getBoundingClientRect().width === w, desktop.width);
  assert.deepEqual(realErrors(errors), []);
  await context.close();

  // On a phone the playground's own column is narrower than 375 px: the preview is a phone's
  // already, the choice is not offered, and the chart fits its frame.
  const small = await playground({ width: 375, height: 800 });
  assert.ok(await small.page.isHidden('.view-modes'));
  const fit = await small.page.evaluate(() => [document.documentElement.scrollWidth - document.documentElement.clientWidth,
    window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getBoundingClientRect().width,
    document.getElementById('chart-frame').clientWidth]);
  assert.equal(fit[0], 0, 'no sideways scrolling');
  assert.ok(fit[1] <= fit[2], `the chart (${fit[1]} px) fits its frame (${fit[2]} px)`);
  assert.deepEqual(realErrors(small.errors), []);
  await small.context.close();
});

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

test('item 17: the playground works from a folder of the newsroom’s server, with dist/ beside it', async () => {
  // A newsroom copies www/playground.html, playground.css, the playground/ folder (its ES
  // modules) and dist/* into /newsroom/tools/ (nothing at /dist/ on its server).
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const served = [];
  const missing = [];
  await context.route(`${env.base}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const m = /^\/newsroom\/tools\/(playground\.(?:html|css)|playground\/[a-z0-9-]+\.js|dist\/commune-charts(?:\.js|_bg\.wasm|-explain\.wasm|-render\.wasm))$/.exec(path);
    if (!m) { missing.push(path); return route.fulfill({ status: 404, body: 'not found' }); }
    served.push(m[1]);
    const file = m[1].startsWith('dist/') ? join(root, m[1]) : join(root, 'www', m[1]);
    return route.fulfill({ body: await readFile(file), contentType: TYPES[extname(file)] });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${env.base}/newsroom/tools/playground.html`);
  await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'ready', null, { timeout: 15000 });
  // The static images' module and the image module it fetches come from there too, at the first
  // download. (The explanations module, for the preview's warnings, likewise when asked for.)
  await page.waitForFunction(() => !document.getElementById('download-svg').disabled);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
  assert.equal(svg.suggestedFilename(), 'bieu-do.svg');
  const modules = (await readdir(join(root, 'www', 'playground'))).filter((f) => f.endsWith('.js')).map((f) => `playground/${f}`);
  for (const f of ['playground.html', 'playground.css', ...modules, 'dist/commune-charts.js', 'dist/commune-charts_bg.wasm', 'dist/commune-charts-render.wasm']) {
    assert.ok(served.includes(f), `${f} served from the folder (${served})`);
  }
  assert.deepEqual(missing, [], 'nothing asked for outside the folder');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('item 17: "Tải ảnh PNG" saves the chart as a PNG at twice its CSS size (the column\'s, in the phone preview too), on an opaque background', async () => {
  const { page, context, errors } = await playground({ width: 1280, height: 900 });
  const column = await page.evaluate(() => Math.floor(window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getBoundingClientRect().width));
  for (const view of ['desktop', 'phone']) {
    await page.check(`#view-${view}`);
    if (view === 'phone') await page.waitForFunction(() => window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getBoundingClientRect().width === 375);
    await page.waitForFunction(() => !document.getElementById('download-png').disabled);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-png')]);
    assert.equal(download.suggestedFilename(), 'bieu-do.png');
    const png = await readFile(await download.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    // The image stands for the article's column, not for a phone (as the command's --width).
    assert.equal(size.width, column * 2, `${view}: ${JSON.stringify(size)} for a column of ${column} CSS px`);
    assert.equal(size.height % 2, 0);
    const img = decodePng(png);
    const at = (x, y) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];
    assert.deepEqual(at(2, 2), [255, 255, 255, 255], 'an opaque white background');
    let bars = 0;
    for (let i = 0; i < img.data.length; i += 4) if (Math.abs(img.data[i] - 0x1f) < 6 && Math.abs(img.data[i + 1] - 0x5f) < 6 && Math.abs(img.data[i + 2] - 0xa8) < 6) bars++;
    assert.ok(bars > 2000, `${view}: the bars are in the image (${bars} px)`);
    await page.waitForFunction(() => /^Đã tải bieu-do\.png /.test(document.getElementById('png-status').textContent));
    assert.ok((await page.textContent('#png-status')).startsWith(`Đã tải bieu-do.png (${size.width} × ${size.height} điểm ảnh`));
  }
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});
