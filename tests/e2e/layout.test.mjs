// Layout (issue 14, "Layout"): a chart in a portal's flex, grid or table column shrinks with its
// column when the window narrows, never makes the page scroll sideways, keeps a backing store of
// its CSS size x DPR, and does not collapse inside a shrink-to-fit box (inline-block, float).
// Pages: tests/fixtures/pages/layout-*.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, settleAll } from './browser.mjs';

const env = useBrowser();
const DPR = 2;

/** In the page: the chart's canvas against its column and the page, for one chart element. */
function measure(id) {
  const { part, painted } = window[Symbol.for('commune-test-dom')];
  const el = document.getElementById(id);
  const canvas = part(el, 'canvas[role=img]');
  const column = el.closest('[data-column]');
  const px = (cs, p) => parseFloat(cs.getPropertyValue(p)) || 0;
  const contentWidth = () => {
    const cs = getComputedStyle(column);
    return column.getBoundingClientRect().width - px(cs, 'padding-left') - px(cs, 'padding-right')
      - px(cs, 'border-left-width') - px(cs, 'border-right-width');
  };
  let columnWidth = null;
  let designWidth = null;
  if (column) {
    columnWidth = contentWidth();
    // The width the page's design gives the column: with the chart out of the layout for a
    // moment (restored before any frame, so no resize is ever seen). A chart that sets its
    // column's minimum width makes the column wider than this, or pushes the sidebar below.
    const display = el.style.getPropertyValue('display');
    const priority = el.style.getPropertyPriority('display');
    el.style.setProperty('display', 'none', 'important');
    designWidth = contentWidth();
    el.style.removeProperty('display');
    if (display) el.style.setProperty('display', display, priority);
  }
  const r = canvas ? canvas.getBoundingClientRect() : { width: 0, height: 0 };
  return {
    viewport: innerWidth,
    sideways: document.scrollingElement.scrollWidth - innerWidth,
    column: columnWidth && Math.round(columnWidth * 100) / 100,
    design: designWidth && Math.round(designWidth * 100) / 100,
    element: Math.round(el.getBoundingClientRect().width * 100) / 100,
    cssWidth: Math.round(r.width * 100) / 100,
    cssHeight: Math.round(r.height * 100) / 100,
    backing: canvas ? [canvas.width, canvas.height] : null,
    painted: canvas ? painted(canvas) : 0,
    state: el.dataset.state,
  };
}

/** Waits (briefly) until `ok(measure)` holds after a resize, then returns the measurement. */
async function settle(page, id, ok, timeout = 3000) {
  const end = Date.now() + timeout;
  let m = await page.evaluate(measure, id);
  while (!ok(m) && Date.now() < end) {
    await page.waitForTimeout(50);
    m = await page.evaluate(measure, id);
  }
  return m;
}

function assertFits(m, what) {
  const at = `${what} at ${m.viewport} px: ${JSON.stringify(m)}`;
  assert.equal(m.state, 'ready', at);
  assert.ok(m.sideways <= 0, `the page scrolls sideways by ${m.sideways} px (${at})`);
  assert.ok(Math.abs(m.column - m.design) <= 1, `the chart widens its column to ${m.column} px from the page's ${m.design} px (${at})`);
  assert.ok(Math.abs(m.cssWidth - m.column) <= 1, `canvas ${m.cssWidth} px wide in a ${m.column} px column (${at})`);
  assert.ok(Math.abs(m.backing[0] - Math.round(m.cssWidth * DPR)) <= 1 && Math.abs(m.backing[1] - Math.round(m.cssHeight * DPR)) <= 1,
    `backing store ${m.backing} = CSS size x ${DPR} (${at})`);
  assert.ok(m.painted > 1000, `the chart is drawn (${at})`);
}

const fitsColumn = (m) => m.state === 'ready' && m.sideways <= 0 && Math.abs(m.cssWidth - m.column) <= 1 && Math.abs(m.column - m.design) <= 1
  && Math.abs(m.backing[0] - Math.round(m.cssWidth * DPR)) <= 1;

for (const [name, what] of [['flex', 'a Bootstrap-like flex row (.col flex: 1 0 0% next to a 300 px sidebar)'],
  ['grid', 'a CSS grid (1fr 300px)'], ['table', 'a layout table (a cell next to a 300 px cell)']]) {
  test(`${what}: loaded at 1280 px, narrowed to 900 and 375 px, the chart follows its column`, async (t) => {
    const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/layout-${name}.html`, { width: 1280, height: 900, dpr: DPR });
    await settleAll(page);
    // Every width measured first (the figures of a failure are all reported), then judged.
    const seen = [await settle(page, 'chart', fitsColumn)];
    for (const width of [900, 375]) {
      await page.setViewportSize({ width, height: 900 });
      seen.push(await settle(page, 'chart', fitsColumn));
    }
    for (const m of seen) t.diagnostic(`${name} @${m.viewport}px: sideways ${m.sideways} px, column ${m.column} (design ${m.design}), canvas ${m.cssWidth}x${m.cssHeight} CSS px, backing ${m.backing}`);
    for (const m of seen) assertFits(m, name);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a chart in a shrink-to-fit box (inline-block, float) does not collapse and does not overflow', async (t) => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/layout-shrink.html`, { width: 1280, height: 900, dpr: DPR });
  // Not settleAll(): a collapsed chart may never leave `loading`; that is measured below.
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  await page.evaluate(() => { window.CommuneCharts.scan(document, { lazy: false }); });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-commune-chart]')].every((e) => e.dataset.state === 'ready'), null, { timeout: 3000 }).catch(() => {});
  const usable = (m) => m.state === 'ready' && m.cssWidth >= 200 && m.sideways <= 0 && Math.abs(m.backing[0] - Math.round(m.cssWidth * DPR)) <= 1;
  const seen = [];
  for (const width of [1280, 375]) {
    if (width !== 1280) await page.setViewportSize({ width, height: 900 });
    for (const id of ['inline-chart', 'float-chart']) {
      const m = { id, ...await settle(page, id, usable) };
      seen.push(m);
      t.diagnostic(`${id} @${width}px: ${m.state}, element ${m.element}, canvas ${m.cssWidth}x${m.cssHeight} CSS px, backing ${m.backing}, sideways ${m.sideways} px`);
    }
  }
  for (const m of seen) {
    const { id, viewport: width } = m;
    const at = `${id} at ${width} px: ${JSON.stringify(m)}`;
    assert.equal(m.state, 'ready', at);
    assert.ok(m.cssWidth >= 200, `the chart is ${m.cssWidth} px wide, collapsed (${at})`);
    assert.ok(m.cssWidth <= width, `the chart fits the viewport (${at})`);
    assert.ok(m.sideways <= 0, `the page scrolls sideways by ${m.sideways} px (${at})`);
    assert.ok(Math.abs(m.backing[0] - Math.round(m.cssWidth * DPR)) <= 1, `backing store = CSS width x ${DPR} (${at})`);
    assert.ok(m.painted > 1000, `the chart is drawn (${at})`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
