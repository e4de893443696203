// End-to-end: the playground offers the analytics of issue 18 (contract, section 6): a highlight
// picker, the compare and group menus, and the members-per-1000 kind; they write their fields
// into the JSON and the embed code, and follow JSON typed by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPlayground, realErrors } from './browser.mjs';

const env = useBrowser();

const playground = (opts) => openPlayground(env, opts);

const json = async (page) => JSON.parse(await page.inputValue('#json-input'));
const label = (page) => page.evaluate(() => window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]')?.getAttribute('aria-label') ?? '');
/** Waits until the preview is drawn and its summary sentence matches `re`. */
const drawnWith = (page, re) => page.waitForFunction((src) => {
  const el = document.getElementById('chart');
  const c = window[Symbol.for('commune-test-dom')].part(el, 'canvas[role=img]');
  return el.dataset.state === 'ready' && c && new RegExp(src).test(c.getAttribute('aria-label'));
}, re.source, { timeout: 10000 });

/**
 * The bars' colours in the preview's canvas: each bluish colour (blue well above red) that
 * covers more than 60 pixels, with its pixel count, the rows it spans and its luminance.
 */
function barColours() {
  const c = window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const seen = new Map();
  for (let i = 0; i < d.length; i += 4) {
    const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
    if (b - r < 40) continue;
    const hex = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const y = Math.floor(i / 4 / c.width);
    const s = seen.get(hex) || { hex, n: 0, minY: y, maxY: y, lum: 0.2126 * r + 0.7152 * g + 0.0722 * b };
    s.n++; s.minY = Math.min(s.minY, y); s.maxY = Math.max(s.maxY, y);
    seen.set(hex, s);
  }
  return [...seen.values()].filter((s) => s.n > 60).sort((a, b) => b.n - a.n);
}

test('ticking a commune writes "highlight" into the JSON and the embed code, and its bar alone keeps the full colour', async () => {
  const { page, context, errors } = await playground();
  await page.selectOption('#kind', 'members');
  await drawnWith(page, /Biểu đồ số đảng viên/);
  // The picker lists the communes of the data (the seed table), none ticked.
  const names = await page.$$eval('#highlight-list input[type=checkbox]', (boxes) => boxes.map((b) => [b.value, b.checked]));
  assert.deepEqual(names, [['Mồ Sì San', false], ['Pa Vây Sử', false], ['Đức Thọ', false]]);
  assert.equal(await page.textContent('#highlight-count'), 'Chưa chọn xã nào: mọi xã cùng một màu.');
  const before = await page.evaluate(barColours);
  assert.equal(before[0].hex, '#1f5fa8', `one bar colour: ${JSON.stringify(before)}`);

  await page.check('#highlight-list input[value="Mồ Sì San"]');
  await drawnWith(page, /Bài viết nói về: Mồ Sì San/);
  assert.deepEqual((await json(page)).highlight, ['Mồ Sì San']);
  assert.match(await page.inputValue('#json-input'), /\n {2}"highlight": \["Mồ Sì San"\],\n/);
  await page.waitForFunction(() => document.getElementById('snippet').value.includes('"highlight": ["Mồ Sì San"]'));
  assert.equal(await page.textContent('#highlight-count'), 'Đã chọn 1 trong 3 xã.');

  // Pixels: Mồ Sì San's bar (the first row) keeps #1f5fa8; the others are one lighter colour,
  // all below it.
  const after = await page.evaluate(barColours);
  const full = after.find((s) => s.hex === '#1f5fa8');
  const muted = after.find((s) => s.hex !== '#1f5fa8');
  assert.ok(full && muted, `a full and a muted colour: ${JSON.stringify(after)}`);
  assert.ok(full.n * 5 < before[0].n, `only the highlighted bar is in full colour (${full.n} of ${before[0].n} px)`);
  assert.ok(muted.n > full.n * 5, `Pa Vây Sử and Đức Thọ are muted (${muted.n} px)`);
  assert.ok(full.maxY < muted.minY, `the full-colour bar is the first row (rows ${full.minY}-${full.maxY}, muted from ${muted.minY})`);
  assert.ok(muted.lum > full.lum + 20, 'muted is lighter, toward the white background');

  // A second name follows the data's order; unticking both takes the field away.
  await page.check('#highlight-list input[value="Đức Thọ"]');
  await page.waitForFunction(() => /"highlight": \["Mồ Sì San", "Đức Thọ"\]/.test(document.getElementById('json-input').value));
  await page.click('#highlight-clear');
  await page.waitForFunction(() => !/"highlight"/.test(document.getElementById('json-input').value));
  await drawnWith(page, /^(?!.*Bài viết nói về)/);
  assert.equal((await page.evaluate(barColours))[0].hex, '#1f5fa8');
  assert.deepEqual(await page.$$eval('#highlight-list input:checked', (b) => b.length), 0);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('compare and group write their fields; members-per-1000 is offered and draws', async () => {
  const { page, context, errors } = await playground();
  const kinds = await page.$$eval('#kind option', (os) => os.map((o) => [o.value, o.textContent]));
  assert.deepEqual(kinds.find(([v]) => v === 'members-per-1000'), ['members-per-1000', 'Đảng viên trên 1.000 dân']);
  assert.deepEqual(await page.$$eval('#compare option', (os) => os.map((o) => o.value)), ['none', 'mean', 'median']);
  assert.deepEqual(await page.$$eval('#group option', (os) => os.map((o) => o.value)), ['none', 'province', 'district']);

  await page.selectOption('#kind', 'members');
  await page.selectOption('#compare', 'mean');
  await drawnWith(page, /Trung bình: 1\.054,7/);
  assert.equal((await json(page)).compare, 'mean');
  await page.waitForFunction(() => document.getElementById('snippet').value.includes('"compare": "mean"'));
  // On a kind that draws no reference line, the page says so.
  await page.selectOption('#kind', 'targets');
  await page.waitForSelector('#options-hint:not([hidden])');
  assert.match(await page.textContent('#options-hint'), /không vẽ đường so sánh/);
  await page.selectOption('#kind', 'members');
  await page.waitForSelector('#options-hint', { state: 'hidden' });

  await page.selectOption('#group', 'province');
  await page.waitForFunction(() => /"group": "province"/.test(document.getElementById('json-input').value));
  const doc = await json(page);
  assert.deepEqual(Object.keys(doc).slice(-3), ['compare', 'group', 'communes'], 'in the schema’s order');
  await page.waitForFunction(() => {
    const table = window[Symbol.for('commune-test-dom')].part('#chart', 'table');
    return table && /Lai Châu/.test(table.textContent) && /Hà Tĩnh/.test(table.textContent);
  });
  await page.waitForFunction(() => document.getElementById('snippet').value.includes('"group": "province"'));
  await page.selectOption('#compare', 'none');
  await page.waitForFunction(() => !/"compare"/.test(document.getElementById('json-input').value));

  // Members per 1,000 residents: the seed has a population for Đức Thọ only.
  await page.selectOption('#kind', 'members-per-1000');
  await drawnWith(page, /trên 1\.000 dân/);
  assert.match(await label(page), /Đức Thọ \(74,6\)/);
  await page.waitForFunction(() => /data-commune-chart="members-per-1000"/.test(document.getElementById('snippet').value));
  assert.ok(await page.isHidden('#kind-hint'));
  // Without a population column the page says what the chart needs.
  await page.fill('#table-input', 'Xã\tĐảng viên\nMồ Sì San\t89\nĐức Thọ\t2.989\n');
  await page.waitForSelector('#kind-hint:not([hidden])');
  assert.match(await page.textContent('#kind-hint'), /cần cột «Dân số»/);
  // Grouping by province without a province column: one section, and the page says why.
  assert.match(await page.textContent('#options-hint'), /không ghi tỉnh/);
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('JSON typed by hand sets the menus and the picker; a name the data lacks is shown, and unticking it removes it', async () => {
  const { page, context, errors } = await playground();
  await page.selectOption('#kind', 'members');
  await page.check('#mode-json');
  const typed = {
    title: 'Ba xã', highlight: ['pa vây sử', 'Xã Không Có'], compare: 'median', group: 'district',
    communes: [{ name: 'Mồ Sì San', district: 'Phong Thổ', members: 89 }, { name: 'Pa Vây Sử', district: 'Phong Thổ', members: 86 }, { name: 'Đức Thọ', members: 2989 }],
  };
  await page.fill('#json-input', JSON.stringify(typed, null, 2));
  await page.waitForFunction(() => document.getElementById('compare').value === 'median');
  assert.equal(await page.inputValue('#group'), 'district');
  const picker = await page.$$eval('#highlight-list li', (lis) => lis.map((li) => [li.querySelector('input').value, li.querySelector('input').checked, li.classList.contains('unknown')]));
  assert.deepEqual(picker, [['Xã Không Có', true, true], ['Mồ Sì San', false, false], ['Pa Vây Sử', true, false], ['Đức Thọ', false, false]]);
  assert.match(await page.textContent('#highlight-list li.unknown'), /không có trong số liệu/);
  // The widget names the unknown commune.
  await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'error');
  assert.match(await page.textContent('#chart [role=alert]'), /Xã Không Có/);
  // Unticking it takes it out of the JSON (the other name now spelt as the data spells it).
  await page.click('#highlight-list li.unknown input');
  await page.waitForFunction(() => !/Xã Không Có/.test(document.getElementById('json-input').value));
  assert.deepEqual((await json(page)).highlight, ['Pa Vây Sử']);
  await drawnWith(page, /Trung vị: 89/);
  assert.match(await label(page), /Bài viết nói về: Pa Vây Sử/);
  assert.equal(await page.locator('#highlight-list li.unknown').count(), 0);
  // Ticking another one in JSON mode patches the JSON (the title typed stays).
  await page.check('#highlight-list input[value="Đức Thọ"]');
  await page.waitForFunction(() => /"highlight": \["Pa Vây Sử", "Đức Thọ"\]/.test(document.getElementById('json-input').value));
  assert.equal((await json(page)).title, 'Ba xã');
  // JSON that does not parse cannot take a change: the controls go back and say why.
  await page.fill('#json-input', '{ "compare": "mean", ');
  await page.selectOption('#compare', 'none');
  await page.waitForSelector('#options-hint:not([hidden])');
  assert.match(await page.textContent('#options-hint'), /lỗi cú pháp/);
  assert.equal(await page.inputValue('#compare'), 'median');
  assert.equal(await page.inputValue('#json-input'), '{ "compare": "mean", ');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('a ticked commune survives edits of the table that lose it for a while; English words', async () => {
  const { page, context, errors } = await playground();
  await page.check('#highlight-list input[value="Pa Vây Sử"]');
  await page.waitForFunction(() => /"highlight": \["Pa Vây Sử"\]/.test(document.getElementById('json-input').value));
  const table = await page.inputValue('#table-input');
  await page.fill('#table-input', table.replace('Pa Vây Sử', 'Pa Vây'));
  await page.waitForFunction(() => !/"highlight"/.test(document.getElementById('json-input').value));
  await page.fill('#table-input', table);
  await page.waitForFunction(() => /"highlight": \["Pa Vây Sử"\]/.test(document.getElementById('json-input').value));
  assert.ok(await page.isChecked('#highlight-list input[value="Pa Vây Sử"]'));

  await page.click('#ui-lang');
  assert.equal(await page.textContent('#options legend'), 'Highlight the communes your article is about (the others are muted)');
  assert.equal(await page.textContent('#highlight-count'), '1 of 3 communes chosen.');
  assert.deepEqual(await page.$$eval('#compare option', (os) => os.map((o) => o.textContent)), ['None', 'Average of the communes', 'Median (the middle commune)']);
  assert.equal(await page.textContent('#kind option[value="members-per-1000"]'), 'Members per 1,000 residents');
  // The indicators table has no communes: the section goes.
  await page.click('#example-indicators');
  await page.waitForFunction(() => document.getElementById('kind').value === 'indicators');
  assert.ok(await page.isHidden('#options'));
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('a long list has a filter that ignores diacritics; the picker fits a phone', async () => {
  const { page, context, errors } = await playground({ width: 375, height: 800 });
  const names = ['Mồ Sì San', 'Pa Vây Sử', 'Vàng Ma Chải', 'Sin Suối Hồ', 'Xã Dào San', 'Tông Qua Lìn', 'Mù Sang', 'Hoang Thèn', 'Bản Lang', 'Khổng Lào'];
  const rows = names.map((n, i) => `${n}\t${50 + i}`).join('\n');
  await page.fill('#table-input', `Xã\tĐảng viên\n${rows}\n`);
  await page.waitForFunction(() => document.querySelectorAll('#highlight-list li').length === 10);
  assert.ok(await page.isVisible('#highlight-filter'));
  await page.fill('#highlight-filter', 'dao san');
  assert.deepEqual(await page.$$eval('#highlight-list li:not([hidden]) input', (b) => b.map((x) => x.value)), ['Xã Dào San']);
  await page.check('#highlight-list input[value="Xã Dào San"]');
  await page.waitForFunction(() => /"highlight": \["Xã Dào San"\]/.test(document.getElementById('json-input').value));
  await page.fill('#highlight-filter', 'zzz');
  assert.match(await page.textContent('#highlight-count'), /Không có xã nào khớp «zzz»/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no sideways scrolling at 375 px');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});
