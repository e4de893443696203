// End-to-end: the demo article in headless Chromium, as a reader and a portal would load it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, openPage } from './browser.mjs';

let browser, server, base;
before(async () => {
  browser = await launch();
  ({ server, base } = await serve());
});
after(async () => {
  await browser?.close();
  server?.close();
});

const settled = () => [...document.querySelectorAll('[data-commune-chart]')].every((e) => ['ready', 'error'].includes(e.dataset.state));

/** Per canvas: CSS size, backing size, and how many pixels are bar-blue or cell-kind orange. */
function inspectCanvases() {
  return [...document.querySelectorAll('[data-commune-chart] canvas')].map((c) => {
    const ctx = c.getContext('2d');
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let blue = 0, orange = 0, light = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (Math.abs(r - 0x1f) < 8 && Math.abs(g - 0x5f) < 8 && Math.abs(b - 0xa8) < 8) blue++;
      if (Math.abs(r - 0x6c) < 8 && Math.abs(g - 0xa8) < 8 && Math.abs(b - 0xf0) < 8) light++;
      if (Math.abs(r - 0xe6) < 8 && Math.abs(g - 0x9f) < 8 && b < 10) orange++;
    }
    const rect = c.getBoundingClientRect();
    return { id: c.closest('[data-commune-chart]').id, cssWidth: rect.width, cssHeight: rect.height, width: c.width, height: c.height, blue, light, orange, label: c.getAttribute('aria-label'), role: c.getAttribute('role') };
  });
}

for (const [width, dpr] of [[1280, 1], [768, 2], [375, 3]]) {
  test(`demo article renders both charts crisply at ${width} px, DPR ${dpr}`, async () => {
    const { page, context, errors } = await openPage(browser, `${base}/`, { width, dpr });
    await page.waitForFunction(settled, null, { timeout: 15000 });
    const states = await page.$$eval('[data-commune-chart]', (els) => els.map((e) => e.dataset.state));
    assert.deepEqual(states, ['ready', 'ready']);
    const canvases = await page.evaluate(inspectCanvases);
    assert.equal(canvases.length, 2);
    for (const c of canvases) {
      assert.equal(c.width, Math.round(c.cssWidth * dpr), `${c.id}: backing width = CSS width x DPR`);
      assert.equal(c.height, Math.round(c.cssHeight * dpr), `${c.id}: backing height = CSS height x DPR`);
      assert.ok(c.cssWidth <= width, `${c.id} fits the viewport`);
      assert.equal(c.role, 'img');
    }
    const [members, cells] = canvases;
    // Three member bars: the biggest (2.989) alone covers well over a third of the plot width.
    assert.ok(members.blue > members.width * 8 * dpr, `members bars drawn (${members.blue} px)`);
    assert.ok(cells.orange > 0, 'the second cell kind is drawn in its own colour');
    assert.match(members.label, /Đức Thọ \(2\.989\)/);
    assert.deepEqual(errors.filter((e) => !/favicon|404/.test(e)), []);
    await context.close();
  });
}

test('an invalid chart shows its alert and the other charts stay ready (scan picks it up)', async () => {
  const { page, context, errors } = await openPage(browser, `${base}/`);
  await page.waitForFunction(settled, null, { timeout: 15000 });
  await page.evaluate(() => {
    const fig = document.createElement('figure');
    fig.id = 'broken';
    fig.setAttribute('data-commune-chart', 'members');
    const s = document.createElement('script');
    s.type = 'application/json';
    s.textContent = '{\n  "communes": [\n    { "name": "Mồ Sì San", "members": 89, }\n  ]\n}';
    fig.appendChild(s);
    document.querySelector('main').appendChild(fig);
    return window.CommuneCharts.scan();
  });
  await page.waitForFunction(() => document.getElementById('broken').dataset.state === 'error');
  const alert = await page.textContent('#broken [role=alert]');
  assert.match(alert, /dòng 3, cột 43/);
  assert.match(alert, /thừa dấu phẩy/);
  assert.equal(await page.locator('#broken canvas').count(), 0);
  const states = await page.$$eval('#chart-members, #chart-cells', (els) => els.map((e) => e.dataset.state));
  assert.deepEqual(states, ['ready', 'ready']);
  assert.deepEqual(errors.filter((e) => !/favicon|404/.test(e)), []);
  await context.close();
});

test('the chart follows its container width and redraws on resize', async () => {
  const { page, context } = await openPage(browser, `${base}/`, { width: 1280 });
  await page.waitForFunction(settled, null, { timeout: 15000 });
  const wide = (await page.evaluate(inspectCanvases))[0];
  await page.setViewportSize({ width: 420, height: 900 });
  await page.waitForFunction((w) => document.querySelector('#chart-members canvas').getBoundingClientRect().width < w, wide.cssWidth);
  const narrow = (await page.evaluate(inspectCanvases))[0];
  assert.ok(narrow.cssWidth <= 420 && narrow.cssWidth > 300, `narrow width ${narrow.cssWidth}`);
  assert.ok(narrow.cssHeight > wide.cssHeight, 'names move above the bars on a narrow screen');
  assert.ok(narrow.blue > 0);
  await context.close();
});

test('the script adds one global, and loading it twice is harmless', async () => {
  const { page, context, errors } = await openPage(browser, `${base}/index.html`);
  await page.waitForFunction(settled, null, { timeout: 15000 });
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
