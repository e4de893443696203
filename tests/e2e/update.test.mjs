// chart.update(data): what a reader sees afterwards. The chart keeps its nodes (the same canvas,
// toggle, live region and listeners) and shows the new numbers on the canvas, in the tooltip and
// in the data table (a big table is written after the chart is painted: the tests wait for it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openPage, settleAll, tooltipText, tableToggle, waitForTable,
} from './browser.mjs';

const env = useBrowser();

const SEED = [['Mồ Sì San', 89], ['Pa Vây Sử', 86], ['Đức Thọ', 2989]];
const data = (rows, title = 'Số đảng viên') => ({ title, communes: rows.map(([name, members]) => ({ name, members })) });
/** n communes with distinct names; `variant` changes every count, not the names. */
const many = (n, variant) => Array.from({ length: n }, (_, i) => [`Xã số ${i + 1}`, 20 + ((i * 37 + variant * 101) % 2900)]);
const vi = (v) => v.toLocaleString('vi-VN');

/** A fresh chart in a new element at the top of the page; its chart object is window.__chart. */
async function mount(page, rows) {
  await page.evaluate(async (d) => {
    const el = document.createElement('div');
    el.id = 'under-test';
    document.body.prepend(el);
    window.__chart = await window.CommuneCharts.render(el, d, { kind: 'members' });
  }, data(rows));
}

/** The data table's body rows as text (read through its pages if paged), once there are
 *  `expected` of them, or once they are `want` (name and members: the first two columns; the
 *  others are '–' for this data). */
async function tableRows(page, expected, want = null) {
  const two = (t) => t.body.map((r) => r.slice(0, 2));
  const t = await waitForTable(page, '#under-test', (x) => x.body.length === expected && (!want || JSON.stringify(two(x)) === JSON.stringify(want)));
  return two(t);
}

/** Every distinct tooltip text from a pointer sweep down the middle of the canvas. */
async function sweep(page) {
  const box = await page.locator('#under-test canvas[role=img]').boundingBox();
  const seen = new Set();
  for (let y = 2; y < Math.min(box.height, 400); y += 5) {
    for (const fx of [0.3, 0.6]) {
      await page.mouse.move(box.x + box.width * fx, box.y + y);
      const t = await tooltipText(page);
      if (t) seen.add(t);
    }
  }
  return [...seen];
}

async function ready() {
  const r = await openPage(env.browser, `${env.base}/`);
  await settleAll(r.page);
  return r;
}

test('update keeps the canvas and shows the new numbers in the label, the table and the tooltip', async () => {
  const { page, context, errors } = await ready();
  await mount(page, SEED);
  await page.evaluate(() => {
    const { part, parts } = window[Symbol.for('commune-test-dom')];
    const el = document.getElementById('under-test');
    window.__nodes = {
      canvas: part(el, 'canvas[role=img]'), button: part(el, 'button[aria-expanded]'), live: part(el, '[aria-live]'), canvases: parts(el, 'canvas').length,
    };
  });
  assert.deepEqual(await tableRows(page, 3), [['Mồ Sì San', '89'], ['Pa Vây Sử', '86'], ['Đức Thọ', '2.989']]);
  const before = await sweep(page);
  assert.ok(before.some((t) => t.includes('Đức Thọ') && t.includes('2.989')), before.join(' | '));

  await page.evaluate((d) => window.__chart.update(d), data([['Mồ Sì San', 91], ['Pa Vây Sử', 1204], ['Đức Thọ', 3150]]));
  const same = await page.evaluate(() => {
    const { part, parts } = window[Symbol.for('commune-test-dom')];
    const el = document.getElementById('under-test');
    return {
      canvas: part(el, 'canvas[role=img]') === window.__nodes.canvas,
      button: part(el, 'button[aria-expanded]') === window.__nodes.button,
      live: part(el, '[aria-live]') === window.__nodes.live,
      canvases: parts(el, 'canvas').length === window.__nodes.canvases,
      state: el.dataset.state,
    };
  });
  assert.deepEqual(same, { canvas: true, button: true, live: true, canvases: true, state: 'ready' });
  assert.match(await page.getAttribute('#under-test canvas[role=img]', 'aria-label'), /Đức Thọ \(3\.150\)/);
  assert.deepEqual(await tableRows(page, 3, [['Mồ Sì San', '91'], ['Pa Vây Sử', '1.204'], ['Đức Thọ', '3.150']]), [['Mồ Sì San', '91'], ['Pa Vây Sử', '1.204'], ['Đức Thọ', '3.150']]);
  const after = await sweep(page);
  assert.ok(after.some((t) => t.includes('Đức Thọ') && t.includes('3.150')), after.join(' | '));
  assert.ok(after.some((t) => t.includes('Pa Vây Sử') && t.includes('1.204')), after.join(' | '));
  assert.ok(!after.some((t) => t.includes('2.989')), `no old number in a tooltip: ${after.join(' | ')}`);

  // Keyboard reading after the update announces the new numbers through the same live region.
  await page.focus('#under-test canvas[role=img]');
  await page.keyboard.press('End');
  assert.match(await page.textContent('#under-test [aria-live]'), /3\.150/);

  // The toggle still opens the table, with the new numbers.
  const toggle = tableToggle(page, '#under-test');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const seen = await page.evaluate(() => {
    const { part, visibleRect } = window[Symbol.for('commune-test-dom')];
    return visibleRect(part('#under-test', 'table')).height;
  });
  assert.ok(seen > 60, `the table is shown (${seen} px)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a big table follows updates (more, fewer and changed rows) and stays in the accessibility tree', async () => {
  const { page, context, errors } = await ready();
  await mount(page, many(600, 0));
  const shown = (rows) => rows.map(([n, v]) => [n, vi(v)]);
  let rows = await tableRows(page, 600, shown(many(600, 0)));
  assert.deepEqual(rows[599], ['Xã số 600', vi(many(600, 0)[599][1])]);

  await page.evaluate((d) => window.__chart.update(d), data(many(600, 1)));
  rows = await tableRows(page, 600, shown(many(600, 1)));
  assert.deepEqual(rows, shown(many(600, 1)));

  await page.evaluate((d) => window.__chart.update(d), data(many(150, 2), 'Ít xã hơn'));
  rows = await tableRows(page, 150, shown(many(150, 2)));
  assert.deepEqual(rows, shown(many(150, 2)));
  assert.equal(await page.textContent('#under-test caption'), 'Ít xã hơn');

  await page.evaluate((d) => window.__chart.update(d), data(many(2000, 3)));
  rows = await tableRows(page, 2000, shown(many(2000, 3)));
  assert.deepEqual(rows, shown(many(2000, 3)));

  // What a screen reader gets: the table and its rows, with the new numbers (a paged table was
  // left at its last page by the reading above).
  const tree = await page.locator('#under-test').ariaSnapshot();
  assert.match(tree, /table "Số đảng viên"/);
  // (A members chart's table has two columns: the name and the members.)
  assert.ok(tree.includes(`row "Xã số 2000 ${vi(many(2000, 3)[1999][1])}"`), tree.slice(-300));
  assert.deepEqual(errors, []);
  await context.close();
});

test('50 updates add no nodes and no listeners', async () => {
  const { page, context, errors } = await ready();
  await mount(page, many(300, 0));
  await tableRows(page, 300);
  const cdp = await context.newCDPSession(page);
  const counters = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const c = await cdp.send('Memory.getDOMCounters');
    const inPage = await page.evaluate(() => {
      const { deepCount, deepQueryAll } = window[Symbol.for('commune-test-dom')];
      return { chart: deepCount(document.getElementById('under-test')), tooltips: deepQueryAll('[role=tooltip]').length };
    });
    return { ...inPage, listeners: c.jsEventListeners, nodes: c.nodes };
  };
  // A point on a bar (found by sweeping), then moves of 1 px around it, each one a pointermove.
  // (Reading the paged table scrolled down to its pager: back to the top of the chart first.)
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('#under-test canvas[role=img]').boundingBox();
  let at = null;
  for (let y = 30; y < 400 && !at; y += 7) {
    for (const fx of [0.1, 0.2, 0.3]) {
      await page.mouse.move(box.x + box.width * fx, box.y + y);
      if (await tooltipText(page)) { at = [box.x + box.width * fx, box.y + y]; break; }
    }
  }
  assert.ok(at, 'a bar to hover');
  let moves = 0;
  const hover = () => page.mouse.move(at[0] + (moves++ % 2), at[1]);
  // One update first, so that every lazily created thing (the tooltip) exists when counting.
  await page.evaluate((d) => window.__chart.update(d), data(many(300, 1)));
  await hover();
  const first = await counters();
  for (let i = 0; i < 50; i++) {
    await page.evaluate((d) => window.__chart.update(d), data(many(300, i % 2)));
    await hover();
  }
  // The table as shown (its last row, or its current page's) has the last update's numbers.
  await page.waitForFunction(() => {
    const rows = window[Symbol.for('commune-test-dom')].parts('#under-test', 'table tr');
    const [name, value] = [...rows[rows.length - 1].children].map((c) => c.textContent);
    const i = Number(/Xã số (\d+)/.exec(name)?.[1]) - 1;
    return value === (20 + ((i * 37 + 101) % 2900)).toLocaleString('vi-VN');
  });
  const last = await counters();
  assert.equal(last.chart, first.chart, 'nodes inside the chart');
  assert.ok(last.tooltips >= 1 && last.tooltips === first.tooltips, `no tooltip added by updates: ${first.tooltips} -> ${last.tooltips}`);
  assert.ok(last.listeners <= first.listeners, `event listeners: ${first.listeners} -> ${last.listeners}`);
  assert.ok(last.nodes <= first.nodes, `DOM nodes (after GC): ${first.nodes} -> ${last.nodes}`);
  assert.match(await tooltipText(page) ?? '', /Xã số/);
  assert.deepEqual(errors, []);
  await context.close();
});
