// Scale and zoom (issue 14, "Scale and zoom"): a chart is laid out in its own CSS pixels whatever
// scales it on screen (CSS zoom, transform: scale(), a lightbox's opening animation), its backing
// store matches the device pixels it covers, and a device-pixel-ratio change alone redraws it.
// Pages: tests/fixtures/pages/scale-zoom.html, lightbox.html, blank.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, settleAll } from './browser.mjs';

const env = useBrowser();
const DPR = 2;

/** In the page: one chart's element and canvas, in layout CSS px (offset/computed sizes, which
 *  neither zoom nor transforms change) and on screen (getBoundingClientRect). */
function measure(id) {
  const { part, painted } = window[Symbol.for('commune-test-dom')];
  const el = document.getElementById(id);
  const canvas = part(el, 'canvas[role=img]');
  const round = (v) => Math.round(v * 100) / 100;
  const cs = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const r = canvas ? canvas.getBoundingClientRect() : { width: 0, height: 0 };
  return {
    state: el.dataset.state,
    dpr: devicePixelRatio,
    elementCss: round(parseFloat(cs.width)), // content box, the element's own CSS px
    elementScreen: round(box.width * parseFloat(cs.width) / el.offsetWidth), // its content box on screen
    canvasCss: canvas ? round(parseFloat(getComputedStyle(canvas).width)) : 0,
    canvasScreen: [round(r.width), round(r.height)],
    backing: canvas ? [canvas.width, canvas.height] : null,
    painted: canvas ? painted(canvas) : 0,
  };
}

/** Polls `measure(id)` until `ok` holds or `timeout` ms pass; the last measurement either way. */
async function settle(page, id, ok, timeout = 2000) {
  const end = Date.now() + timeout;
  let m = await page.evaluate(measure, id);
  while (!ok(m) && Date.now() < end) {
    await page.waitForTimeout(50);
    m = await page.evaluate(measure, id);
  }
  return m;
}

const near = (a, b, d) => Math.abs(a - b) <= d;
/** Backing store = the canvas's on-screen size x DPR (the device pixels it covers), within 2 px. */
const crisp = (m) => m.backing && near(m.backing[0], Math.round(m.canvasScreen[0] * m.dpr), 2) && near(m.backing[1], Math.round(m.canvasScreen[1] * m.dpr), 2);

test('CSS zoom 1.5 on an ancestor: laid out for the element\'s CSS width, backing store at 1.5 x DPR (crisp, not clipped)', async (t) => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/scale-zoom.html`, { width: 1280, height: 900, dpr: DPR });
  await settleAll(page);
  const ok = (m) => near(m.canvasCss, m.elementCss, 1) && near(m.canvasScreen[0], m.elementScreen, 1) && crisp(m);
  const m = await settle(page, 'zoom-chart', ok);
  t.diagnostic(`zoom 1.5: element ${m.elementCss} CSS px (${m.elementScreen} on screen); canvas ${m.canvasCss} CSS px, ${m.canvasScreen[0]} on screen; backing ${m.backing} (want ${Math.round(m.elementCss * 1.5 * DPR)} wide)`);
  const at = JSON.stringify(m);
  assert.equal(m.state, 'ready');
  assert.ok(near(m.canvasCss, m.elementCss, 1), `canvas laid out ${m.canvasCss} CSS px wide in a ${m.elementCss} px element (${at})`);
  assert.ok(near(m.canvasScreen[0], m.elementScreen, 1), `canvas ${m.canvasScreen[0]} px on screen in a ${m.elementScreen} px element: clipped or short (${at})`);
  assert.ok(near(m.backing[0], Math.round(m.elementCss * 1.5 * DPR), 2), `backing ${m.backing[0]} px wide for ${m.elementCss} CSS px x 1.5 x ${DPR} (${at})`);
  assert.ok(crisp(m), `backing store = on-screen size x DPR (${at})`);
  assert.ok(m.painted > 2000, `drawn (${at})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('transform: scale(.5) on an ancestor: the chart is laid out for its untransformed width', async (t) => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/scale-zoom.html`, { width: 1280, height: 900, dpr: DPR });
  await settleAll(page);
  const layoutCrisp = (m) => m.backing && near(m.backing[0], Math.round(m.canvasCss * DPR), 2);
  const ok = (m) => near(m.canvasCss, m.elementCss, 1) && layoutCrisp(m);
  const m = await settle(page, 'scale-chart', ok);
  t.diagnostic(`transform scale(.5): element ${m.elementCss} CSS px; canvas ${m.canvasCss} CSS px (${m.canvasScreen[0]} on screen); backing ${m.backing}`);
  const at = JSON.stringify(m);
  assert.equal(m.state, 'ready');
  assert.ok(near(m.canvasCss, m.elementCss, 1), `canvas laid out ${m.canvasCss} CSS px wide for a ${m.elementCss} px element (${at})`);
  assert.ok(near(m.canvasScreen[0], m.elementScreen, 1), `canvas fills its element on screen (${at})`);
  assert.ok(layoutCrisp(m), `backing store = layout CSS width x ${DPR} (${at})`);
  assert.ok(m.painted > 2000, `drawn (${at})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lightbox opening with a scale animation (60% -> 100%): after it, the chart fills the dialog', async (t) => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/lightbox.html`, { width: 1280, height: 900, dpr: DPR });
  await page.waitForFunction(() => document.getElementById('inline-chart').dataset.state === 'ready', null, { timeout: 15000 });
  await page.click('#open');
  await page.evaluate(() => window.lightboxOpened);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('chart').dataset.state), null, { timeout: 5000 }).catch(() => {});
  const ok = (m) => m.state === 'ready' && near(m.canvasCss, m.elementCss, 1) && near(m.canvasScreen[0], m.elementScreen, 1) && crisp(m);
  const m = await settle(page, 'chart', ok);
  t.diagnostic(`lightbox after the animation: element ${m.elementCss} CSS px (${m.elementScreen} on screen); canvas ${m.canvasCss} CSS px, ${m.canvasScreen[0]} on screen; backing ${m.backing}`);
  const at = JSON.stringify(m);
  assert.equal(m.state, 'ready', at);
  assert.ok(near(m.canvasCss, m.elementCss, 1), `canvas ${m.canvasCss} CSS px wide in a ${m.elementCss} px dialog (${at})`);
  assert.ok(near(m.canvasScreen[0], m.elementScreen, 1), `canvas ${m.canvasScreen[0]} px on screen in a ${m.elementScreen} px dialog (${at})`);
  assert.ok(crisp(m), `backing store = on-screen size x DPR (${at})`);
  assert.ok(m.painted > 2000, `drawn (${at})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a device-pixel-ratio change without a width change (1 -> 2 -> 3, CDP): the backing store follows and the chart is redrawn', async (t) => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/blank.html`, { width: 800, height: 600, dpr: 1 });
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'chart';
    document.getElementById('main').appendChild(el);
    const communes = [['Mồ Sì San', 89], ['Pa Vây Sử', 86], ['Đức Thọ', 2989]].map(([name, members]) => ({ name, members }));
    await window.CommuneCharts.render(el, { title: 'Số đảng viên', communes }, { kind: 'members' });
  });
  const cdp = await context.newCDPSession(page);
  const follows = (m) => crisp(m) && m.painted > 1000 * m.dpr * m.dpr;
  const seen = [await settle(page, 'chart', follows)];
  for (const dpr of [2, 3]) {
    // Width and height 0 keep the window as it is and change only the ratio (as moving the window
    // to another screen does). Chromium's emulation notifies the page (a media-query change) only
    // for an override set from none: restating 800 x 600, or overriding an override, changes
    // devicePixelRatio with no event at all, which no page could see. Hence the clear first.
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 0, height: 0, deviceScaleFactor: dpr, mobile: false });
    await page.waitForFunction((d) => window.devicePixelRatio === d, dpr);
    seen.push(await settle(page, 'chart', follows));
  }
  for (const m of seen) {
    t.diagnostic(`DPR ${m.dpr}: canvas ${m.canvasScreen.join('x')} CSS px, backing ${m.backing} (want ${Math.round(m.canvasScreen[0] * m.dpr)}x${Math.round(m.canvasScreen[1] * m.dpr)}), ${m.painted} px drawn`);
  }
  assert.deepEqual(seen.map((m) => m.canvasScreen[0]), Array(3).fill(seen[0].canvasScreen[0]), 'the width did not change');
  for (const m of seen) {
    const at = JSON.stringify(m);
    assert.ok(crisp(m), `DPR ${m.dpr}: backing ${m.backing} = CSS size x ${m.dpr} (${at})`);
    assert.ok(m.painted > 1000 * m.dpr * m.dpr, `DPR ${m.dpr}: the chart is redrawn at the new ratio (${at})`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
