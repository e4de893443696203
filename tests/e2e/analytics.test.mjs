// Issue 18 as a reader sees it in Chromium: the commune of the story in full colour among muted
// peers, the mean line and its label, ranks and distances in the readout, sections with subtotals
// in the chart and the data table, the summary sentence, and a misspelt highlight named on the chart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openBlank, renderIn, tooltipText } from './browser.mjs';

const env = useBrowser();

const DATA = {
  title: 'Số đảng viên',
  locale: 'vi',
  highlight: ['pa vây sử'],
  compare: 'mean',
  group: 'province',
  communes: [
    { name: 'Mồ Sì San', province: 'Lai Châu', members: 89, population: 1950 },
    { name: 'Pa Vây Sử', province: 'Lai Châu', members: 86, population: 2460 },
    { name: 'Dào San', province: 'Lai Châu', members: 412, population: 11230 },
    { name: 'Đức Thọ', province: 'Hà Tĩnh', members: 2989, population: 40065 },
    { name: 'Tùng Ảnh', province: 'Hà Tĩnh', members: 1450, population: 21400 },
  ],
};

/** The canvas's pixels by colour: [r, g, b, count], most frequent first. */
function colours(page, id) {
  return page.evaluate((id) => {
    const c = window[Symbol.for('commune-test-dom')].part(document.getElementById(id), 'canvas[role=img]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const counts = new Map();
    for (let i = 0; i < d.length; i += 4) {
      const k = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k >> 16, (k >> 8) & 255, k & 255, n]);
  }, id);
}

/** WCAG contrast of two [r, g, b]. */
function contrast(a, b) {
  const lum = ([r, g, bl]) => {
    const c = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(bl);
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

async function chart(page, data, kind, width = 720) {
  await page.setViewportSize({ width, height: 900 });
  return page.evaluate(async ({ data, kind }) => {
    const el = document.createElement('div');
    el.id = 'c-' + kind;
    document.getElementById('main').appendChild(el);
    await window.CommuneCharts.render(el, data, { kind });
    const { part } = window[Symbol.for('commune-test-dom')];
    const canvas = part(el, 'canvas[role=img]');
    return { label: canvas.getAttribute('aria-label'), table: part(el, 'table').innerText, state: el.dataset.state };
  }, { data, kind });
}

test('the highlighted commune keeps its colour; the others are muted but still 3:1 against the page', async () => {
  for (const dark of [false, true]) {
    const { page, context, errors } = await openBlank(env, { dark, width: 720 });
    const r = await chart(page, DATA, 'members');
    assert.equal(r.state, 'ready');
    const px = await colours(page, 'c-members');
    const bg = px[0].slice(0, 3);
    // The two most frequent saturated colours are the bars: four muted, one highlighted.
    const bars = px.filter(([r, g, b]) => Math.max(r, g, b) - Math.min(r, g, b) > 40).slice(0, 2);
    assert.equal(bars.length, 2, JSON.stringify(px.slice(0, 8)));
    const [muted, full] = bars;
    assert.ok(muted[3] > full[3] * 3, `muted bars cover more pixels than the highlighted one: ${muted} / ${full}`);
    assert.ok(contrast(full, bg) > contrast(muted, bg), `highlighted ${full} stands out more than muted ${muted} on ${bg}`);
    assert.ok(contrast(muted, bg) >= 3, `muted ${muted} against ${bg}: ${contrast(muted, bg).toFixed(2)}:1`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('summary, table and readouts say the reference, ranks, distances and sections', async () => {
  const { page, context, errors } = await openBlank(env, { width: 720 });
  const r = await chart(page, DATA, 'members');
  assert.match(r.label, /Trung bình: 1\.005,2/);
  assert.match(r.label, /Bài viết nói về: Pa Vây Sử\.$/);
  // Sections in order of first appearance, each followed by its subtotal; the mean last.
  const lines = r.table.split('\n').map((l) => l.trim()).filter(Boolean);
  const at = (s) => lines.findIndex((l) => l.startsWith(s));
  assert.ok(at('Dào San') < at('Tổng Lai Châu') && at('Tổng Lai Châu') < at('Đức Thọ'), lines.join(' | '));
  assert.match(lines[at('Tổng Lai Châu')], /587/);
  assert.match(lines[at('Tổng Hà Tĩnh')], /4\.439/);
  assert.match(lines[at('Trung bình')], /1\.005,2/);
  // Keyboard: the first row is Mồ Sì San (Lai Châu first); its readout has rank, distance, group.
  await page.focus('#c-members canvas[role=img]');
  await page.keyboard.press('ArrowDown');
  const live = await page.textContent('#c-members [aria-live]');
  assert.equal(live, 'Mồ Sì San (Lai Châu). Đảng viên: 89; Hạng 4/5; thấp hơn trung bình 91%');
  assert.match(await tooltipText(page), /Hạng 4\/5/);
  await page.keyboard.press('ArrowDown');
  assert.match(await page.textContent('#c-members [aria-live]'), /^Pa Vây Sử .*Hạng 5\/5/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('members per 1,000 residents: one decimal, "no data" without a population, English readouts', async () => {
  const { page, context, errors } = await openBlank(env, { width: 720 });
  const data = { ...DATA, locale: 'en', highlight: [], group: 'none', compare: 'median' };
  data.communes = [...DATA.communes, { name: 'Xã Không Dân', members: 5 }];
  const r = await chart(page, data, 'members-per-1000');
  assert.equal(r.state, 'ready');
  assert.match(r.label, /Party members per 1,000 residents in 6 communes: most in Đức Thọ \(74\.6\), fewest in Pa Vây Sử \(35\.0\); no data: 1\. Median: 45\.64\./);
  assert.match(r.table, /Xã Không Dân\s+–/);
  await page.focus('#c-members-per-1000 canvas[role=img]');
  await page.keyboard.press('ArrowDown');
  assert.equal(
    await page.textContent('#c-members-per-1000 [aria-live]'),
    'Mồ Sì San (Lai Châu). Members per 1,000 residents: 45.6; Party members: 89 · Population: 1,950; Rank 3 of 5; equal to median',
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('a highlight name that is no commune is an error on the chart naming the closest one', async () => {
  const { page, context, errors } = await openBlank(env, { width: 720 });
  const text = JSON.stringify({ ...DATA, highlight: ['Pa Vay Su'] });
  const r = await renderIn(page, text, 'members');
  assert.equal(r.state, 'error');
  assert.match(r.alert, /`highlight\[0\]`: không có xã nào tên "Pa Vay Su" trong "communes" để làm nổi bật\. Có phải ý bạn là "Pa Vây Sử"\?/);
  assert.equal(r.problems[0].path, 'highlight[0]');
  assert.deepEqual(errors, []);
  await context.close();
});
