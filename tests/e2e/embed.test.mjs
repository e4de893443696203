// End-to-end: the demo article in headless Chromium, as a reader and a portal would load it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, settleAll } from './browser.mjs';

const env = useBrowser();


/** Per canvas: CSS size, backing size, and how many pixels have each of the given colours. */
function inspectCanvases(colors) {
  const { parts, chartOf } = window[Symbol.for('commune-test-dom')];
  return [...document.querySelectorAll('[data-commune-chart]')].flatMap((el) => parts(el, 'canvas[role=img]')).map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const counts = Object.fromEntries(Object.keys(colors).map((k) => [k, 0]));
    const rgb = Object.entries(colors).map(([k, hex]) => [k, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)]);
    for (let i = 0; i < d.length; i += 4) {
      for (const [k, r, g, b] of rgb) {
        if (Math.abs(d[i] - r) < 6 && Math.abs(d[i + 1] - g) < 6 && Math.abs(d[i + 2] - b) < 6) counts[k]++;
      }
    }
    const rect = c.getBoundingClientRect();
    return { id: chartOf(c).id, cssWidth: rect.width, cssHeight: rect.height, width: c.width, height: c.height, counts, label: c.getAttribute('aria-label'), role: c.getAttribute('role') };
  });
}

// The light theme's colours (src/theme.rs) and which chart must show which.
const COLORS = { bar: '#1f5fa8', kindOrange: '#e69f00', unclassified: '#a0a8b2', met: '#17457f', over80: '#4f8fcf', behind: '#d55e00', belowPlan: '#7b818a' };
const EXPECTED = {
  'chart-members': ['bar'],
  'chart-cells': ['bar', 'kindOrange', 'unclassified'],
  'chart-ratio': ['bar'],
  'chart-targets': ['met', 'over80', 'behind'],
  'chart-indicators': ['bar', 'belowPlan'],
  'chart-overview': ['bar', 'kindOrange', 'met', 'over80', 'behind'],
};

for (const [width, dpr] of [[1280, 1], [768, 2], [375, 3]]) {
  test(`every chart kind on the demo article renders crisply at ${width} px, DPR ${dpr}`, async () => {
    const { page, context, errors } = await openPage(env.browser, `${env.base}/`, { width, dpr, height: 8000 }); // all charts near the viewport
    await settleAll(page);
    const states = await page.$$eval('[data-commune-chart]', (els) => els.map((e) => `${e.id}:${e.dataset.state}`));
    assert.deepEqual(states, Object.keys(EXPECTED).map((id) => `${id}:ready`));
    const canvases = await page.evaluate(inspectCanvases, COLORS);
    assert.equal(canvases.length, 6);
    for (const c of canvases) {
      assert.equal(c.width, Math.round(c.cssWidth * dpr), `${c.id}: backing width = CSS width x DPR`);
      assert.equal(c.height, Math.round(c.cssHeight * dpr), `${c.id}: backing height = CSS height x DPR`);
      assert.ok(c.cssWidth <= width, `${c.id} fits the viewport`);
      assert.equal(c.role, 'img');
      assert.ok(c.label.length > 20, `${c.id} has a summary`);
      for (const colour of EXPECTED[c.id]) {
        // A bar segment is at least ~6 x 18 CSS px.
        assert.ok(c.counts[colour] >= 6 * 18 * dpr * dpr, `${c.id}: ${colour} drawn (${c.counts[colour]} px)`);
      }
    }
    const members = canvases[0];
    // Đức Thọ's 2.989 bar alone is wider than a third of the chart.
    assert.ok(members.counts.bar > (members.width / 3) * 18 * dpr, `members bars (${members.counts.bar} px)`);
    assert.match(members.label, /Đức Thọ \(2\.989\)/);
    assert.deepEqual(errors.filter((e) => !/favicon|404/.test(e)), []);
    await context.close();
  });
}

test('an invalid chart shows its alert and the other charts stay ready (scan picks it up)', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/`);
  await settleAll(page);
  await page.evaluate(() => {
    const fig = document.createElement('figure');
    fig.id = 'broken';
    fig.setAttribute('data-commune-chart', 'members');
    const s = document.createElement('script');
    s.type = 'application/json';
    s.textContent = '{\n  "communes": [\n    { "name": "Mồ Sì San", "members": 89, }\n  ]\n}';
    fig.appendChild(s);
    document.querySelector('main').appendChild(fig);
    window.CommuneCharts.scan(); // below the fold: drawn once scrolled near
    fig.scrollIntoView();
  });
  await page.waitForFunction(() => document.getElementById('broken').dataset.state === 'error');
  const alert = await page.textContent('#broken [role=alert]');
  assert.match(alert, /dòng 3, cột 43/);
  assert.match(alert, /thừa dấu phẩy/);
  assert.equal(await page.locator('#broken canvas').count(), 0);
  const states = await page.$$eval('[data-commune-chart]:not(#broken)', (els) => els.map((e) => e.dataset.state));
  assert.deepEqual(states, Array(6).fill('ready'));
  assert.deepEqual(errors.filter((e) => !/favicon|404/.test(e)), []);
  await context.close();
});

test('the chart follows its container width and redraws on resize', async () => {
  const { page, context } = await openPage(env.browser, `${env.base}/`, { width: 1280, height: 8000 }); // all charts near the viewport
  await settleAll(page);
  const wide = (await page.evaluate(inspectCanvases, COLORS))[0];
  await page.setViewportSize({ width: 420, height: 8000 });
  // The canvas box narrows at once (CSS); the redraw follows in the ResizeObserver callback, which
  // runs after requestAnimationFrame callbacks in a frame: wait for the redrawn backing store.
  await page.waitForFunction((w) => {
    const c = window[Symbol.for('commune-test-dom')].part('#chart-members', 'canvas[role=img]');
    const r = c.getBoundingClientRect();
    return r.width < w && Math.abs(c.width - Math.round(r.width * devicePixelRatio)) <= 1;
  }, wide.cssWidth);
  const narrow = (await page.evaluate(inspectCanvases, COLORS))[0];
  assert.ok(narrow.cssWidth <= 420 && narrow.cssWidth > 300, `narrow width ${narrow.cssWidth}`);
  assert.ok(narrow.cssHeight > wide.cssHeight, 'names move above the bars on a narrow screen');
  assert.ok(narrow.counts.bar > 0);
  await context.close();
});

test("the README's optional <link rel=preload> for the wasm is used: one request, no warning", async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/preload.html`);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'ready', null, { timeout: 15000 });
  // A credentials or mode mismatch between the preload and the widget's fetch would fetch twice.
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
  assert.equal(wasm, 1, 'the wasm is fetched once');
  await page.waitForTimeout(3500); // Chromium warns about a preload unused after about 3 s
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the script adds one global, and loading it twice is harmless', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/index.html`);
  await settleAll(page);
  const added = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    const w = frame.contentWindow;
    const before = new Set(Object.getOwnPropertyNames(w));
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve, reject) => {
        const s = w.document.createElement('script');
        s.src = '/dist/commune-charts.js';
        s.onload = resolve;
        s.onerror = reject;
        w.document.head.appendChild(s);
      });
    }
    return Object.getOwnPropertyNames(w).filter((k) => !before.has(k));
  });
  assert.deepEqual(added, ['CommuneCharts']);
  assert.deepEqual(errors.filter((e) => !/favicon|404/.test(e)), []);
  await context.close();
});
