// Memory (issue 14, "Memory"): 60 charts on a DPR 3 phone within 150 MiB of canvas backing store,
// and one chart of 10,000 communes within 2,000 DOM nodes and 20 MB of Blink (embedder) heap,
// with every number still reachable through the data table.
// Pages: tests/fixtures/pages/many.html (?n=60: charts of tests/fixtures/seed.json), blank.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, readWholeTable } from './browser.mjs';

const env = useBrowser();
const MiB = 1024 * 1024;
const MB = 1e6;

/** In the page: bytes of every canvas backing store (document and open shadow roots), 4 per pixel. */
const canvasBytes = () => window[Symbol.for('commune-test-dom')].canvases().reduce((n, c) => n + c.width * c.height * 4, 0);

test('60 charts on a 390 x 844 phone at DPR 3 hold at most 150 MiB of canvas; far charts come back when scrolled near', async (t) => {
  const N = 60;
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/many.html?n=${N}`, { width: 390, height: 844, dpr: 3, touch: true });
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  // Scroll through the article as a reader does, each chart to the middle of the screen, until it is drawn.
  let peak = 0;
  for (let i = 0; i < N; i++) {
    await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'center' }), `chart-${i}`);
    await page.waitForFunction((id) => ['ready', 'error'].includes(document.getElementById(id).dataset.state), `chart-${i}`, { timeout: 10000 });
    if (i % 10 === 9) peak = Math.max(peak, await page.evaluate(canvasBytes));
  }
  const allReadyMs = await page.evaluate(() => performance.now());
  const states = await page.$$eval('[data-commune-chart]', (els) => els.map((e) => e.dataset.state));
  // ...and back to the top: charts far from the viewport may give back their backing stores.
  await page.evaluate(() => window.scrollTo(0, 0));
  const end = Date.now() + 3000;
  let bytes = await page.evaluate(canvasBytes);
  while (bytes > 150 * MiB && Date.now() < end) {
    await page.waitForTimeout(100);
    bytes = await page.evaluate(canvasBytes);
  }
  const count = await page.evaluate(() => window[Symbol.for('commune-test-dom')].canvases().length);
  t.diagnostic(`${N} charts at DPR 3: all ready after ${(allReadyMs / 1000).toFixed(1)} s (scrolled through one by one); `
    + `canvas backing store ${(bytes / MiB).toFixed(1)} MiB in ${count} canvases back at the top (peak while scrolling ${(peak / MiB).toFixed(1)} MiB)`);

  // The charts on screen are drawn (those given back while far draw again as they come near: an
  // IntersectionObserver callback, a frame or two after the scroll), and so is a far one.
  const seenOnScreen = () => {
    const { parts, painted } = window[Symbol.for('commune-test-dom')];
    return [...document.querySelectorAll('[data-commune-chart]')].flatMap((el) => parts(el, 'canvas[role=img]').map((c) => [el.id, c]))
      .filter(([, c]) => { const r = c.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })
      .map(([id, c]) => ({ id, painted: painted(c) }));
  };
  await page.waitForFunction(`(${seenOnScreen})().every((c) => c.painted > 1000)`, null, { timeout: 3000 }).catch(() => {});
  const onScreen = await page.evaluate(seenOnScreen);
  await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'center' }), `chart-${N - 1}`);
  const farBack = await page.waitForFunction((id) => {
    const { part, painted } = window[Symbol.for('commune-test-dom')];
    const c = part(id, 'canvas[role=img]');
    return c && c.width > 0 && painted(c) > 1000 && painted(c);
  }, `#chart-${N - 1}`, { timeout: 3000 }).then((h) => h.jsonValue()).catch(() => 0);

  assert.deepEqual(states, Array(N).fill('ready'), 'every chart drew');
  assert.ok(onScreen.length > 0 && onScreen.every((c) => c.painted > 1000), `the charts on screen are drawn: ${JSON.stringify(onScreen)}`);
  assert.ok(farBack > 1000, `the last chart is drawn again when scrolled near (${farBack} px)`);
  assert.ok(bytes <= 150 * MiB, `canvas backing store ${(bytes / MiB).toFixed(1)} MiB, above 150 MiB`);
  assert.deepEqual(errors, []);
  await context.close();
});

const PLACES = ['Tân Lập', 'Hòa Bình', 'Phú Mỹ', 'Thanh Sơn', 'Đông Hưng', 'Mồ Sì San', 'Pa Vây Sử', 'Đức Thọ'];
const COMMUNES = Array.from({ length: 10000 }, (_, i) => ({ name: `${PLACES[i % PLACES.length]} ${i + 1}`, members: ((i * 37) % 3000) + 1 }));

test('10,000 communes in one chart: at most 2,000 DOM nodes and 20 MB of Blink heap, every number reachable in the table', async (t) => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/blank.html`, { width: 1280, height: 900 });
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  const cdp = await context.newCDPSession(page);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const heap = await cdp.send('Runtime.getHeapUsage');
    return { nodes: dom.nodes, blink: heap.embedderHeapUsedSize, js: heap.usedSize };
  };
  // The widget loaded (a small chart drawn and destroyed): the baseline is the page before the chart.
  await page.evaluate(async () => {
    const el = document.createElement('div');
    document.getElementById('main').appendChild(el);
    const chart = await window.CommuneCharts.render(el, { communes: [{ name: 'A', members: 1 }] }, { kind: 'members' });
    chart.destroy();
    el.remove();
  });
  const before = await measure();
  const settled = await page.evaluate(async (communes) => {
    const { deepCount } = window[Symbol.for('commune-test-dom')];
    const el = document.createElement('div');
    el.id = 'big';
    document.getElementById('main').appendChild(el);
    const t0 = performance.now();
    await window.CommuneCharts.render(el, { title: 'Mười nghìn xã', communes }, { kind: 'members' });
    const ready = performance.now() - t0;
    // Until the chart's DOM stops changing (a big table may be written after the first paint).
    let last = -1;
    let same = 0;
    for (let i = 0; i < 100 && same < 3; i++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
      const n = deepCount(el);
      same = n === last ? same + 1 : 0;
      last = n;
    }
    return { state: el.dataset.state, ready, nodesInChart: last };
  }, COMMUNES);
  const after = await measure();
  const nodes = after.nodes - before.nodes;
  const blink = after.blink - before.blink;
  t.diagnostic(`10,000 communes: ready in ${Math.round(settled.ready)} ms; ${nodes} DOM nodes over the page before the chart `
    + `(${settled.nodesInChart} elements in the chart); Blink heap +${(blink / MB).toFixed(1)} MB, JS heap +${((after.js - before.js) / MB).toFixed(1)} MB`);

  // Every number is reachable: the data table, through its pages if it is paged.
  const t0 = Date.now();
  const table = await readWholeTable(page, '#big');
  const byName = new Map(table.body.map((r) => [r[0], r[1]]));
  const missing = COMMUNES.filter((c) => byName.get(c.name) !== c.members.toLocaleString('vi-VN'));
  t.diagnostic(`the table read in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${table.body.length} rows`);

  assert.equal(settled.state, 'ready');
  assert.deepEqual(missing.slice(0, 5).map((c) => `${c.name}: ${byName.get(c.name)} (want ${c.members.toLocaleString('vi-VN')})`), [],
    `${missing.length} of 10,000 communes are not in the table with their number`);
  assert.ok(nodes <= 2000, `${nodes} DOM nodes for the chart, above 2,000`);
  assert.ok(blink <= 20 * MB, `Blink heap grew by ${(blink / MB).toFixed(1)} MB, above 20 MB`);
  assert.deepEqual(errors, []);
  await context.close();
});
