// End-to-end: the playground (www/playground.html), as a journalist uses it, in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser, tooltipText, openPlayground, realErrors } from './browser.mjs';

const env = useBrowser();

const playground = (opts) => openPlayground(env, opts);

/** Pixels of one colour in the chart's main canvas. */
function countColour({ selector, hex }) {
  const c = window[Symbol.for('commune-test-dom')].part(selector, 'canvas[role=img]');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) < 6 && Math.abs(d[i + 1] - g) < 6 && Math.abs(d[i + 2] - b) < 6) n++;
  return n;
}

/** Moves the mouse over a chart until a tooltip shows; returns its text. */
async function hoverUntilTooltip(page, selector) {
  const canvas = page.locator(`${selector} canvas[role=img]`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  for (let y = 2; y < box.height; y += 4) {
    for (const fx of [0.15, 0.3, 0.5]) {
      await page.mouse.move(box.x + box.width * fx, box.y + y);
      const t = await tooltipText(page);
      if (t) return t;
    }
  }
  return null;
}

const TSV_VI = 'STT\tTên xã\tSố đảng viên\tChi bộ\tĐạt và vượt\tĐạt trên 80%\tKhó đạt\n'
  + '1\tMồ Sì San\t89\t9\t3\t3\t5\n'
  + '2\tĐức Thọ\t2.989\t77\t\t\t\n';

test('pasting a Vietnamese table draws the chart, with 2.989 read as 2989 and tooltips on the bars', async () => {
  const { page, context, errors } = await playground();
  // The example it starts with is the seed data.
  assert.match(await page.inputValue('#json-input'), /"name": "Pa Vây Sử", "district": "Phong Thổ", "province": "Lai Châu", "members": 86, "cells": 11, "targets": \{ "met": 13, "over80": 8, "behind": 10 \}/);
  await page.selectOption('#kind', 'members');
  await page.fill('#table-input', TSV_VI);
  await page.waitForFunction(() => {
    const el = document.getElementById('chart');
    const c = window[Symbol.for('commune-test-dom')].part(el, 'canvas[role=img]');
    return el.dataset.state === 'ready' && c && /của 2 xã/.test(c.getAttribute('aria-label'));
  }, null, { timeout: 10000 });
  const label = await page.getAttribute('#chart canvas[role=img]', 'aria-label');
  assert.match(label, /Đức Thọ \(2\.989\)/);
  const json = JSON.parse(await page.inputValue('#json-input'));
  assert.deepEqual(json.communes, [
    { name: 'Mồ Sì San', members: 89, cells: 9, targets: { met: 3, over80: 3, behind: 5 } },
    { name: 'Đức Thọ', members: 2989, cells: 77 }, // empty cells are missing, not 0
  ]);
  assert.equal(json.locale, 'vi');
  // The preview table shows what was read, the STT column is skipped without a complaint.
  assert.equal(await page.textContent('#preview tbody tr:nth-child(2) td:nth-child(4)'), '2989');
  assert.equal(await page.locator('#table-errors li').count(), 0);
  assert.equal(await page.locator('#table-notes li').count(), 0);
  assert.match(await page.textContent('#table-status'), /Đã đọc 2 xã/);
  // Bars are drawn: Đức Thọ's bar alone is most of the plot width.
  const bar = await page.evaluate(countColour, { selector: '#chart', hex: '#1f5fa8' });
  assert.ok(bar > 200 * 18, `bar pixels drawn (${bar})`);
  const tip = await hoverUntilTooltip(page, '#chart');
  assert.ok(tip, 'a tooltip appears over the bars');
  assert.match(tip, /Mồ Sì San|Đức Thọ/);
  assert.match(tip, /Đảng viên: (89|2\.989)/);
  // The embed code follows the chart.
  assert.match(await page.inputValue('#snippet'), /<figure data-commune-chart="members" style="margin-left:0;margin-right:0">[\s\S]*"members": 2989/);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('numbers and headers: Vietnamese and English styles, diacritics-insensitive headers', async () => {
  const { page, context, errors } = await playground();
  const r = await page.evaluate(() => {
    const P = window.CommuneChartsPlayground;
    const n = (s, style) => { const x = P.readNumber(s, style); return x.missing ? 'missing' : x.bad ? 'bad' : x.value; };
    const en = P.readTable('Name\tMembers\tCells\tArea (km2)\nA\t1,234\t12\t48.93\n', 'auto');
    const plain = P.readTable('TEN XA\tdang vien\tCHI BO\tGhi chu\nA\t1.234\t12\tx\n', 'auto');
    // Vietnamese headers, English-style numbers (an Excel set to English): the numbers decide.
    const mixed = P.readTable('Xã\tĐảng viên\tDiện tích (km2)\nA\t2,989\t48.93\n', 'auto');
    const ind = P.readTable('Đơn vị\tChỉ tiêu\tGiá trị\tĐơn vị tính\t% kế hoạch\nVăn Lãng\tTrồng rừng mới\t411\tha\t102%\n', 'auto');
    return {
      numbers: [n('2.989', 'vi'), n('99,7', 'vi'), n('99,7%', 'vi'), n('1,234', 'en'), n('99.7', 'vi'), n('1.234,5', 'en'),
        n('40 065', 'vi'), n('', 'vi'), n('-', 'vi'), n('2.98x', 'vi'), n('1.2.3', 'vi')],
      en: { style: en.style, items: en.items },
      plain: { items: plain.items, notes: plain.notes.map((x) => x.text) },
      mixed: { style: mixed.style, items: mixed.items },
      ind: { kind: ind.kind, items: ind.items },
    };
  });
  assert.deepEqual(r.numbers, [2989, 99.7, 99.7, 1234, 99.7, 1234.5, 40065, 'missing', 'missing', 'bad', 'bad']);
  assert.deepEqual(r.en, { style: 'en', items: [{ name: 'A', members: 1234, cells: 12, areaKm2: 48.93 }] });
  assert.deepEqual(r.plain.items, [{ name: 'A', members: 1234, cells: 12 }]);
  assert.deepEqual(r.plain.notes, ['Cột «Ghi chu» (cột 4) không nhận ra nên bị bỏ qua.']);
  assert.deepEqual(r.mixed, { style: 'en', items: [{ name: 'A', members: 2989, areaKm2: 48.93 }] });
  assert.deepEqual(r.ind, { kind: 'indicators', items: [{ unit: 'Văn Lãng', name: 'Trồng rừng mới', value: 411, measure: 'ha', percentOfPlan: 102 }] });
  // A table pasted from a web page or Word (HTML, no tabs in the plain text) is read as a table.
  await page.fill('#table-input', '');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'Xã Đảng viên\nMồ Sì San 89');
    dt.setData('text/html', '<table><tr><th>Xã</th><th>Đảng viên</th></tr><tr><td>Mồ Sì San</td><td>89</td></tr><tr><td>Đức Thọ</td><td>2.989</td></tr></table>');
    document.getElementById('table-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  assert.equal(await page.inputValue('#table-input'), 'Xã\tĐảng viên\nMồ Sì San\t89\nĐức Thọ\t2.989');
  await page.waitForFunction(() => /"members": 2989/.test(document.getElementById('json-input').value));
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('a bad cell is reported by row and column, highlighted, and the chart is marked out of date', async () => {
  const { page, context, errors } = await playground();
  await page.fill('#table-input', 'Xã\tĐảng viên\tChi bộ\nMồ Sì San\t89\t9\nĐức Thọ\t2.98x\t77\n');
  await page.waitForSelector('#table-errors li');
  const msg = await page.textContent('#table-errors li');
  assert.equal(msg, 'Hàng 3, cột «Đảng viên»: «2.98x» không phải là số');
  assert.equal(await page.textContent('#preview td.bad'), '2.98x');
  assert.ok(await page.isVisible('#stale-note'));
  assert.ok(await page.isDisabled('#copy'), 'no embed code from a broken table');
  // Clicking the message selects the cell in the pasted text.
  await page.click('#table-errors li button');
  const sel = await page.evaluate(() => { const t = document.getElementById('table-input'); return t.value.slice(t.selectionStart, t.selectionEnd); });
  assert.equal(sel, '2.98x');
  // With Vietnamese numbers chosen, a whole number column given a decimal says how to fix it.
  await page.selectOption('#number-format', 'vi');
  await page.fill('#table-input', 'Xã\tĐảng viên\nMồ Sì San\t1,234\n');
  await page.waitForFunction(() => /số nguyên/.test(document.getElementById('table-errors').textContent));
  assert.match(await page.textContent('#table-errors'), /Hàng 2, cột «Đảng viên»: «1,234» được đọc là 1,234, nhưng ở cột này phải là số nguyên\. Nếu ý bạn là 1234/);
  // Fixed: the chart is drawn again and the note goes away.
  await page.fill('#table-input', 'Xã\tĐảng viên\nMồ Sì San\t89\nĐức Thọ\t2.989\n');
  await page.waitForFunction(() => !document.querySelector('#table-errors li'));
  await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'ready' && !document.getElementById('copy').disabled);
  assert.ok(!(await page.isVisible('#stale-note')));
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('a field the widget rejects is traced back to its cell in the table', async () => {
  const { page, context, errors } = await playground();
  // A target total that does not add up: the widget reports communes[0].targets.total.
  await page.fill('#table-input', 'Xã\tĐạt và vượt\tĐạt trên 80%\tKhó đạt\tTổng số chỉ tiêu\nMồ Sì San\t3\t3\t5\t12\n');
  await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'error');
  await page.waitForSelector('#table-errors li.from-widget');
  assert.match(await page.textContent('#table-errors li.from-widget'), /^Hàng 2, cột «Tổng số chỉ tiêu»: /);
  assert.equal(await page.textContent('#preview td.widget-bad'), '12');
  assert.equal(await page.locator('[role=alert]').count(), 1, 'one alert: the widget’s own');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('JSON with a syntax error shows the widget’s alert and points at the line and column', async () => {
  const { page, context, errors } = await playground();
  await page.check('#mode-json');
  assert.equal(await page.getAttribute('#json-input', 'readonly'), null, 'editable in JSON mode');
  const bad = '{\n  "communes": [\n    { "name": "Mồ Sì San", "members": 89, }\n  ]\n}';
  await page.fill('#json-input', bad);
  await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'error');
  const alert = await page.textContent('#chart [role=alert]');
  assert.match(alert, /dòng 3, cột 43/);
  assert.match(alert, /thừa dấu phẩy/);
  assert.equal(await page.locator('[role=alert]').count(), 1, 'the page adds no second alert');
  await page.waitForSelector('#json-where:not([hidden])');
  assert.match(await page.textContent('#json-where'), /dòng 3, cột 43/);
  await page.click('#json-goto');
  const caret = await page.evaluate(() => {
    const t = document.getElementById('json-input');
    const before = t.value.slice(0, t.selectionStart);
    return { focused: document.activeElement === t, line: before.split('\n').length, column: [...before.split('\n').pop()].length + 1 };
  });
  assert.deepEqual(caret, { focused: true, line: 3, column: 43 });
  assert.ok(await page.isDisabled('#copy'));
  // A schema error is located by its path.
  await page.fill('#json-input', '{\n  "communes": [\n    { "name": "A", "members": 1 },\n    { "name": "B", "member": 2 }\n  ]\n}');
  await page.waitForFunction(() => /communes\[1\]\.member/.test(document.getElementById('json-where').textContent));
  assert.match(await page.textContent('#json-where'), /dòng 4, cột 20/);
  await page.click('#json-goto');
  const key = await page.evaluate(() => { const t = document.getElementById('json-input'); return t.value.slice(t.selectionStart, t.selectionEnd); });
  assert.equal(key, '"member": 2');
  // Valid again.
  await page.fill('#json-input', '{ "title": "Hai xã", "communes": [ { "name": "A", "members": 1 }, { "name": "B", "members": 2 } ] }');
  await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'ready');
  assert.ok(await page.isHidden('#json-where'));
  assert.equal(await page.inputValue('#meta-title'), 'Hai xã', 'the title field follows the JSON');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('the copied inline snippet renders the same chart in a fresh page, even with </script> in the title', async () => {
  const { page, context, errors } = await playground();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  await page.selectOption('#kind', 'targets');
  const title = 'Chỉ tiêu </script><b id="pwned">x</b> <!-- ok';
  await page.fill('#meta-title', title);
  await page.fill('#script-url', `${env.base}/dist/commune-charts.js`);
  await page.waitForFunction((t) => window[Symbol.for('commune-test-dom')].part('#chart', 'table caption')?.textContent === t && document.getElementById('chart').dataset.state === 'ready', title);
  await page.waitForFunction(() => /data-commune-chart="targets"/.test(document.getElementById('snippet').value));
  await page.click('#copy');
  await page.waitForFunction(() => /Đã sao chép/.test(document.getElementById('copy-status').textContent));
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(snippet, await page.inputValue('#snippet'));
  assert.match(snippet, /^<figure data-commune-chart="targets" style="margin-left:0;margin-right:0">\n {2}<script type="application\/json">/);
  assert.ok(snippet.includes('<\\/script><b id=\\"pwned\\">'), 'the </script inside the JSON is escaped');
  assert.equal(snippet.match(/<\/script/gi).length, 2, 'only the two real closing tags');
  assert.ok(snippet.includes('\\u003C!-- ok'), '<!-- is escaped too');
  const wanted = await page.evaluate(() => window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getAttribute('aria-label'));

  const fresh = await context.newPage();
  await fresh.route('**/favicon.ico', (route) => route.fulfill({ status: 204 })); // the blank page's automatic request
  const freshErrors = [];
  fresh.on('pageerror', (e) => freshErrors.push(String(e)));
  fresh.on('console', (m) => { if (m.type() === 'error') freshErrors.push(m.text()); });
  await fresh.goto(`${env.base}/article.css`); // any page of the server's origin, so the script and wasm are same-origin
  await fresh.setContent(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><main>${snippet}</main></body></html>`);
  await fresh.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('[data-commune-chart]')?.dataset.state), null, { timeout: 15000 });
  assert.equal(await fresh.getAttribute('[data-commune-chart]', 'data-state'), 'ready');
  assert.equal(await fresh.getAttribute('[data-commune-chart]', 'data-commune-chart'), 'targets');
  // The chart gets the column's whole width, as in the playground's preview (a <figure>'s default
  // 40 px side margins would take 80 px from it).
  const widths = await fresh.evaluate(() => [document.querySelector('main').clientWidth, document.querySelector('[data-commune-chart]').getBoundingClientRect().width]);
  assert.equal(widths[1], widths[0], `figure ${widths[1]} px in a ${widths[0]} px column`);
  assert.equal(await fresh.locator('#pwned').count(), 0, 'the title did not break out of the script');
  assert.equal(await fresh.textContent('[data-commune-chart] table caption'), title);
  assert.equal(await fresh.getAttribute('[data-commune-chart] canvas[role=img]', 'aria-label'), wanted);
  const met = await fresh.evaluate(countColour, { selector: '[data-commune-chart]', hex: '#17457f' });
  assert.ok(met > 6 * 18, `targets drawn (${met} px)`);
  assert.deepEqual(realErrors(freshErrors), []);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('the data-src snippet and the downloaded data.json render the same chart', async () => {
  const { page, context, errors } = await playground();
  await page.selectOption('#kind', 'cells');
  await page.check('#variant-src');
  await page.fill('#data-url', `${env.base}/data/phong-tho.json`);
  await page.fill('#script-url', `${env.base}/dist/commune-charts.js`);
  const snippet = await page.inputValue('#snippet');
  assert.equal(snippet, `<div data-commune-chart="cells" data-src="${env.base}/data/phong-tho.json"></div>\n\n<script src="${env.base}/dist/commune-charts.js" defer></script>\n`);
  assert.equal((await page.textContent('#download')).trim(), 'Tải phong-tho.json');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(download.suggestedFilename(), 'phong-tho.json');
  const body = await readFile(await download.path(), 'utf8');
  const data = JSON.parse(body);
  assert.equal(data.communes.length, 3);
  assert.equal(data.communes[2].members, 2989);

  const fresh = await context.newPage();
  await fresh.route('**/data/phong-tho.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
  await fresh.goto(`${env.base}/article.css`);
  await fresh.setContent(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${snippet}</body></html>`);
  await fresh.waitForFunction(() => document.querySelector('[data-commune-chart]')?.dataset.state === 'ready', null, { timeout: 15000 });
  assert.match(await fresh.getAttribute('[data-commune-chart] canvas[role=img]', 'aria-label'), /Đức Thọ \(77\)/);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('English labels, a usable 375 px layout, and no console errors in light or dark', async () => {
  for (const [width, dark] of [[375, false], [375, true], [1280, true]]) {
    const { page, context, errors } = await playground({ width, height: 800, dark });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no sideways scrolling at ${width} px`);
    await page.click('#ui-lang');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('h1'), 'Make a commune party chart');
    assert.equal(await page.textContent('#ui-lang'), 'Tiếng Việt');
    await page.fill('#table-input', 'Xã\tĐảng viên\nMồ Sì San\t2.98x\n');
    await page.waitForSelector('#table-errors li');
    assert.equal(await page.textContent('#table-errors li'), 'Row 2, column «Đảng viên»: «2.98x» is not a number');
    await page.click('#ui-lang');
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    assert.equal(await page.textContent('#table-errors li'), 'Hàng 2, cột «Đảng viên»: «2.98x» không phải là số');
    // Every control keeps a usable size on a phone.
    const narrow = await page.evaluate(() => [...document.querySelectorAll('button:not([hidden]), select, input[type=text], textarea')]
      .filter((e) => e.offsetParent && e.getBoundingClientRect().width < 40).map((e) => e.id || e.textContent));
    assert.deepEqual(narrow, []);
    assert.deepEqual(realErrors(errors), []);
    await context.close();
  }
});
