// Charts whose elements leave the page (a carousel, a single-page app changing views, a
// lightbox closed) release every listener they added, settle their promises, and come back when
// the element is put back; a copy of a drawn chart (cloneNode then scan) is one chart.
// Listener counts: CDP Memory.getDOMCounters (jsEventListeners).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, openBlank } from './browser.mjs';

const env = useBrowser();

const SEED = {
  title: 'Số đảng viên',
  communes: [
    { name: 'Mồ Sì San', members: 89, cells: 9 },
    { name: 'Pa Vây Sử', members: 86, cells: 11 },
    { name: 'Đức Thọ', members: 2989, cells: 77 },
  ],
};

async function blank() {
  const r = await openBlank(env);
  const cdp = await r.context.newCDPSession(r.page);
  // after a garbage collection: Blink counts a removed listener until its wrapper is collected
  r.listeners = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Memory.getDOMCounters')).jsEventListeners;
  };
  await r.page.evaluate(() => {
    // canvases and alerts of a chart, in the element or in the shadow roots of its hosts
    window.inChart = (el, sel) => [el, ...[...el.querySelectorAll('[data-commune-chart-root]')].map((h) => h.shadowRoot).filter(Boolean)]
      .flatMap((root) => [...root.querySelectorAll(sel)]);
    window.tick = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));
  });
  return r;
}

const state = (page, sel) => page.evaluate((sel) => document.querySelector(sel)?.getAttribute('data-state') ?? null, sel);

test('a drawn chart whose element leaves releases its listeners; put back, the same chart object draws again', async () => {
  const { page, context, errors, listeners } = await blank();
  const baseline = await listeners();
  const first = await page.evaluate(async (seed) => {
    const el = document.createElement('div');
    el.id = 'moved';
    document.getElementById('main').appendChild(el);
    window.kept = await window.CommuneCharts.render(el, seed, { kind: 'members' });
    return { state: el.dataset.state, canvases: window.inChart(el, 'canvas[role=img]').length };
  }, SEED);
  assert.deepEqual(first, { state: 'ready', canvases: 1 });
  const drawn = await listeners();
  assert.ok(drawn > baseline, `the chart listens while drawn (${baseline} -> ${drawn})`);

  const away = await page.evaluate(async () => {
    const el = document.getElementById('moved');
    window.parking = el;
    el.remove();
    await window.tick();
    return { state: el.getAttribute('data-state'), nodes: el.childNodes.length, got: window.CommuneCharts.get(el) };
  });
  assert.deepEqual(away, { state: null, nodes: 0, got: null }, 'nothing of the chart is left, nothing stays registered');
  assert.equal(await listeners(), baseline, 'every listener the chart added is gone');

  const back = await page.evaluate(async () => {
    const el = window.parking;
    document.getElementById('main').appendChild(el);
    for (let i = 0; i < 100 && el.dataset.state !== 'ready'; i++) await window.tick(20);
    return { state: el.dataset.state, same: window.CommuneCharts.get(el) === window.kept, canvases: window.inChart(el, 'canvas[role=img]').length };
  });
  assert.deepEqual(back, { state: 'ready', same: true, canvases: 1 });
  assert.equal(await listeners(), drawn, 'the same listeners as before it left');
  // destroy() after all that leaves the page as it was
  await page.evaluate(() => window.kept.destroy());
  assert.equal(await listeners(), baseline);
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving a chart\'s element within the same task keeps the chart as it is', async () => {
  const { page, context, errors } = await blank();
  const r = await page.evaluate(async (seed) => {
    const el = document.createElement('div');
    document.getElementById('main').appendChild(el);
    const chart = await window.CommuneCharts.render(el, seed, { kind: 'members' });
    const canvas = window.inChart(el, 'canvas[role=img]')[0];
    let events = 0;
    el.addEventListener('commune-chart:ready', () => events++);
    const other = document.createElement('section');
    document.body.appendChild(other);
    el.remove();
    other.appendChild(el); // same task: the observer sees it connected
    await window.tick(200);
    return { state: el.dataset.state, sameCanvas: window.inChart(el, 'canvas[role=img]')[0] === canvas, got: window.CommuneCharts.get(el) === chart, events };
  }, SEED);
  assert.deepEqual(r, { state: 'ready', sameCanvas: true, got: true, events: 0 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chart removed while its data-src is loading settles its promise, leaves no listener, and draws when put back', async () => {
  const { page, context, listeners } = await blank();
  let asked = 0;
  await page.route('**/fixtures/hang.json', async (route) => {
    asked += 1;
    if (asked === 1) return; // the first request never answers
    await route.fulfill({ path: new URL('../fixtures/seed.json', import.meta.url).pathname, contentType: 'application/json' });
  });
  // the wasm is loaded first, so that only the data is pending
  await page.evaluate(async (seed) => {
    const el = document.createElement('div');
    document.getElementById('main').appendChild(el);
    (await window.CommuneCharts.render(el, seed)).destroy();
  }, SEED);
  const baseline = await listeners();
  const r = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'pending';
    el.setAttribute('data-commune-chart', 'members');
    el.setAttribute('data-src', '/fixtures/hang.json');
    el.setAttribute('data-timeout', '30'); // the removal, not the timeout, must settle it
    el.setAttribute('data-lazy', 'false');
    document.getElementById('main').appendChild(el);
    const scanned = window.CommuneCharts.scan();
    await window.tick(300);
    const before = el.dataset.state;
    el.remove();
    const settled = await Promise.race([scanned.then((charts) => charts.length), window.tick(2000).then(() => 'stuck')]);
    window.parking = el;
    return { before, settled, after: el.getAttribute('data-state'), got: window.CommuneCharts.get(el) };
  });
  assert.deepEqual(r, { before: 'loading', settled: 0, after: null, got: null });
  assert.equal(await listeners(), baseline, 'no listener left for the removed element');
  await page.evaluate(() => document.getElementById('main').appendChild(window.parking));
  await page.waitForFunction(() => document.getElementById('pending').dataset.state === 'ready', null, { timeout: 10000 });
  assert.equal(asked, 2, 'fetched again when put back');
  await context.close();
});

test('a lazy chart removed before it scrolled near settles scan()\'s promise, and is found again when put back', async () => {
  const { page, context } = await openPage(env.browser, `${env.base}/fixtures/pages/lazy.html`);
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  const r = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.setAttribute('data-commune-chart', 'members');
    el.innerHTML = '<script type="application/json">{"communes":[{"name":"A","members":1}]}</script>';
    document.querySelector('main').appendChild(el); // far below the fold
    const scanned = window.CommuneCharts.scan();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = el.dataset.state;
    const parent = el.parentNode;
    el.remove();
    const settled = await Promise.race([scanned.then(() => 'settled'), new Promise((resolve) => setTimeout(() => resolve('stuck'), 2000))]);
    const after = el.getAttribute('data-state');
    document.body.prepend(el); // back, near the top: drawn
    await new Promise((resolve) => { const t = setInterval(() => { if (el.dataset.state === 'ready') { clearInterval(t); resolve(); } }, 20); setTimeout(resolve, 5000); });
    return { before, settled, after, back: el.dataset.state, parent: !!parent };
  });
  assert.deepEqual(r, { before: 'loading', settled: 'settled', after: null, back: 'ready', parent: true });
  await context.close();
});

test('a copy of a drawn chart (cloneNode, then scan) becomes one chart (needs the Rust side\'s host convention)', async () => {
  const { page, context, errors } = await blank();
  const r = await page.evaluate(async (seed) => {
    const el = document.createElement('figure');
    el.setAttribute('data-commune-chart', 'members');
    const data = document.createElement('script');
    data.type = 'application/json';
    data.textContent = JSON.stringify(seed);
    el.appendChild(data);
    document.getElementById('main').appendChild(el);
    await window.CommuneCharts.scan(document, { lazy: false });
    const copy = el.cloneNode(true); // a carousel's copy: stale data-state, the host without its shadow root
    const stale = copy.getAttribute('data-state');
    document.getElementById('main').appendChild(copy);
    await window.CommuneCharts.scan(document, { lazy: false });
    for (let i = 0; i < 100 && copy.dataset.state !== 'ready'; i++) await window.tick(20);
    const count = (e) => ({
      canvases: window.inChart(e, 'canvas[role=img]').length,
      tables: window.inChart(e, 'table').length,
      buttons: window.inChart(e, 'button').length,
      hosts: e.querySelectorAll(':scope > [data-commune-chart-root]').length,
    });
    return { stale, state: copy.dataset.state, copy: count(copy), original: count(el), distinct: window.CommuneCharts.get(copy) !== window.CommuneCharts.get(el) };
  }, SEED);
  assert.equal(r.stale, 'ready');
  assert.equal(r.state, 'ready');
  assert.equal(r.distinct, true);
  assert.deepEqual(r.copy, r.original, 'the copy has what the original has, once');
  assert.equal(r.copy.canvases, 1);
  assert.equal(r.copy.hosts, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('render() again into an element that left the page: put back, it holds that one chart only', async () => {
  const { page, context, errors } = await blank();
  const r = await page.evaluate(async (seed) => {
    const el = document.createElement('div');
    document.getElementById('main').appendChild(el);
    const first = await window.CommuneCharts.render(el, seed, { kind: 'members' });
    el.remove();
    await window.tick();
    const second = await window.CommuneCharts.render(el, seed, { kind: 'cells' }); // while out of the page
    document.getElementById('main').appendChild(el);
    for (let i = 0; i < 100 && el.dataset.state !== 'ready'; i++) await window.tick(20);
    await window.tick(200);
    return {
      state: el.dataset.state, canvases: window.inChart(el, 'canvas[role=img]').length,
      got: window.CommuneCharts.get(el) === second, firstIsOld: first !== second,
    };
  }, SEED);
  assert.deepEqual(r, { state: 'ready', canvases: 1, got: true, firstIsOld: true });
  assert.deepEqual(errors, []);
  await context.close();
});
