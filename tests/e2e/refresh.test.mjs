// Live refresh (`data-refresh`, contract §6) against a local server that changes its answer and
// fails on purpose. Time is Playwright's clock (page.clock): installed before the page loads and
// paused once the charts are drawn, then run forward a second at a time, so the widget's real 10 s
// minimum is what is tested (no test hook shortens it). Each fetch's time is the page's clock at
// the call (a wrapper round window.fetch): backoff shows in the gaps between them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, prepareContext, tooltipText } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (f) => readFileSync(join(root, 'dist', f));

/** The data file of each key (`/data/K.json`): `body`, `mode` (ok, 500, network, invalid),
 *  `modified` (a Last-Modified date, or none); every request is logged with its
 *  If-None-Match and the status sent. ETag is the body's hash, and an If-None-Match that
 *  matches it gets a 304, as static servers do. */
const files = new Map();
const log = [];
let server;
let base;
let browser;

function page(attrs) {
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join('');
  return `<!doctype html><html lang="${attrs.lang || 'vi'}"><head><meta charset="utf-8"><title>refresh</title></head>
<body style="margin:0"><main id="main" style="width:640px"><div id="c" data-commune-chart="members" data-lazy="false" data-timeout="60"${a}></div>
<div id="tail" style="height:400px"></div></main><script src="/commune-charts.js"></script></body></html>`;
}

before(async () => {
  browser = await launch();
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    // (Connection: close: a reset connection is not one Chromium retries on another socket.)
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { 'Content-Type': type, Connection: 'close', ...extra });
      res.end(body);
    };
    if (url.pathname === '/page.html') return send(200, 'text/html; charset=utf-8', page(JSON.parse(url.searchParams.get('a'))));
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (url.pathname === '/commune-charts.js') return send(200, 'text/javascript', dist('commune-charts.js'), { 'Cache-Control': 'no-store' });
    if (url.pathname.endsWith('.wasm')) return send(200, 'application/wasm', dist(url.pathname.slice(1)), { 'Cache-Control': 'no-store' });
    const m = url.pathname.match(/^\/data\/(\w+)\.json$/);
    const f = m && files.get(m[1]);
    if (!f) return send(404, 'text/plain', 'not found');
    const entry = { key: m[1], inm: req.headers['if-none-match'] || null, status: 0 };
    log.push(entry);
    if (f.mode === 'network') { entry.status = 'reset'; return req.socket.destroy(); }
    if (f.mode === '500') { entry.status = 500; return send(500, 'text/plain', 'oops', { 'Cache-Control': 'no-store' }); }
    const body = f.mode === 'invalid' ? '{"communes": [{"name": "X", "members": 1},' : JSON.stringify(f.body);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const headers = { 'Cache-Control': 'no-cache', Connection: 'close', ETag: etag, ...(f.modified ? { 'Last-Modified': f.modified } : {}) };
    if (entry.inm === etag) { entry.status = 304; res.writeHead(304, headers); return res.end(); }
    entry.status = 200;
    return send(200, 'application/json; charset=utf-8', body, headers);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await browser?.close();
  server?.close();
});

const T0 = Date.parse('2025-03-01T08:00:00Z');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const communes = (rows) => ({ title: 'Đảng viên', communes: rows.map(([name, members]) => ({ name, members })) });
const FIRST = communes([['Mồ Sì San', 89], ['Pa Vây Sử', 86], ['Đức Thọ', 2989], ['Bản Lang', 310]]);
// The same communes with new numbers, and a new one at the top whatever the order.
// (Pa Vây Sử's row moves whether the chart keeps the data's order or sorts by value.)
const SECOND = communes([['Xã Mới', 9000], ['Mồ Sì San', 91], ['Pa Vây Sử', 80], ['Đức Thọ', 2990], ['Bản Lang', 311]]);

/** A page with one chart `#c` whose data-src is /data/KEY.json, given `attrs`, drawn, with the
 *  clock paused. window.__fetches: [{url, t}] (page time); window.__ready: the ready events'
 *  details (updatedAt as a number). */
async function open(key, attrs, body = FIRST, { modified = null, width = 800, height = 600 } = {}) {
  files.set(key, { body, mode: 'ok', modified });
  const context = await browser.newContext({ viewport: { width, height } });
  await prepareContext(context);
  await context.addInitScript(() => {
    window.__fetches = [];
    window.__ready = [];
    const f = window.fetch;
    window.fetch = function (url, init) {
      if (/\/data\//.test(String(url))) window.__fetches.push({ url: String(url), t: Date.now(), cache: init && init.cache });
      return f.apply(this, arguments);
    };
    document.addEventListener('commune-chart:ready', (e) => {
      const at = e.detail.updatedAt;
      window.__ready.push({ kind: e.detail.kind, at: at instanceof Date ? at.getTime() : at, now: Date.now() });
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.clock.install({ time: T0 });
  const q = encodeURIComponent(JSON.stringify({ 'data-src': `/data/${key}.json`, ...attrs }));
  await page.goto(`${base}/page.html?a=${q}`);
  await page.waitForFunction(() => document.getElementById('c').dataset.state === 'ready', null, { timeout: 30000 });
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 500)); // (ahead of the page, which runs on meanwhile)
  return { page, context, errors, start: await page.evaluate(() => Date.now()) };
}

/** Runs the page's clock forward `ms`, a second at a time, letting each fetch arrive. */
async function advance(page, ms, step = 1000) {
  for (let done = 0; done < ms; done += step) {
    await page.clock.runFor(Math.min(step, ms - done));
    await sleep(15);
    // A fetch made in this step: its answer is read before the clock moves on.
    const pending = await page.evaluate(() => window.__fetches.length);
    if (pending !== (advance.seen.get(page) || 0)) {
      advance.seen.set(page, pending);
      await sleep(120);
    }
  }
}
advance.seen = new WeakMap();

const fetchTimes = (page) => page.evaluate(() => window.__fetches.map((f) => f.t));
/** Refreshes so far (the first fetch, the chart's own, apart). */
const refreshes = async (page) => (await fetchTimes(page)).length - 1;
/** Waits (the page's clock is paused: polled from here) until `fn` is true in the page. */
async function until(page, fn, ms = 10000) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(25)) if (await page.evaluate(fn)) return;
  throw new Error(`timed out: ${fn}`);
}
const gaps = (ts) => ts.slice(1).map((t, i) => t - ts[i]);
const ready = (page) => page.evaluate(() => window.__ready);
const state = (page) => page.evaluate(() => {
  const { part, isShown } = window[Symbol.for('commune-test-dom')];
  const el = document.getElementById('c');
  const note = part(el, '[data-commune-chart-refresh]');
  return {
    state: el.dataset.state,
    canvas: !!part(el, 'canvas'),
    alert: !!part(el, '[role=alert]'),
    note: note && isShown(note) ? note.textContent : null,
    label: part(el, 'canvas') ? part(el, 'canvas').getAttribute('aria-label') : null,
  };
});

test('the chart updates when the data changes, with updatedAt; an unchanged file costs a 304 and no event', async () => {
  const { page, context, errors, start } = await open('a', { 'data-refresh': '30' }, FIRST, { modified: 'Sat, 01 Mar 2025 07:30:00 GMT' });
  const first = await ready(page);
  assert.equal(first.length, 1);
  assert.equal(first[0].at, Date.parse('Sat, 01 Mar 2025 07:30:00 GMT'), 'the first ready event has the Last-Modified time');
  // Unchanged: the browser revalidates its copy (If-None-Match), the server answers 304, no event.
  await advance(page, 30000);
  assert.equal(log.filter((e) => e.key === 'a').length, 2);
  assert.deepEqual(log.filter((e) => e.key === 'a').map((e) => e.status), [200, 304]);
  assert.ok(log.filter((e) => e.key === 'a')[1].inm, 'the refresh sends the ETag back');
  assert.equal((await page.evaluate(() => window.__fetches[1].cache)), 'no-cache');
  assert.equal((await ready(page)).length, 1, 'no ready event for the same data');
  // Changed, with no Last-Modified: updatedAt is when the answer came (the page's clock).
  files.get('a').body = SECOND;
  files.get('a').modified = null;
  await advance(page, 30000);
  const events = await ready(page);
  assert.equal(events.length, 2, 'one ready event for the new data');
  assert.equal(events[1].kind, 'members');
  assert.ok(events[1].at > start + 55000 && events[1].at <= events[1].now, `updatedAt is the fetch time: ${events[1].at - start}`);
  assert.match((await state(page)).label, /Xã Mới/, 'the new data is drawn');
  assert.deepEqual(gaps(await fetchTimes(page)).map((g) => Math.floor(g / 1000)), [30, 30]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the focused bar and its tooltip stay on the same commune; no announcement; the canvas keeps focus', async () => {
  const { page, context, errors } = await open('b', { 'data-refresh': '10' });
  const canvas = page.locator('#c canvas[role=img]');
  await canvas.focus();
  // Down to "Pa Vây Sử" (whichever row it is in).
  for (let i = 0; i < 6 && !/Pa Vây Sử/.test(await tooltipText(page) || ''); i++) await page.keyboard.press('ArrowDown');
  assert.match(await tooltipText(page), /Pa Vây Sử/);
  assert.match(await tooltipText(page), /86/);
  const live = () => page.evaluate(() => window[Symbol.for('commune-test-dom')].part('#c', '[aria-live=polite]').textContent);
  const said = await live();
  files.get('b').body = SECOND; // a new commune above it: its row moves
  await advance(page, 10000);
  assert.equal((await ready(page)).length, 2);
  assert.match(await tooltipText(page), /Pa Vây Sử/, 'the tooltip is on the same commune');
  assert.match(await tooltipText(page), /\b80\b/, 'with its new number');
  assert.equal(await live(), said, 'the live region is not spoken again');
  assert.ok(await page.evaluate(() => window[Symbol.for('commune-test-dom')].activeElement()?.localName === 'canvas'), 'the canvas keeps focus');
  // The next key goes on from there.
  await page.keyboard.press('ArrowUp');
  const next = (await tooltipText(page)).split('\n')[0];
  assert.notEqual(next, 'Pa Vây Sử');
  // A commune that goes away closes the readout.
  files.get('b').body = communes(SECOND.communes.filter((c) => c.name !== next).map((c) => [c.name, c.members + 1]));
  await advance(page, 10000);
  assert.equal(await tooltipText(page), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tapped tooltip stays on its commune; a tall chart keeps its scroll position', async () => {
  const rows = (v) => Array.from({ length: 400 }, (_, i) => [`Xã số ${i + 1}`, 100 + ((i * 37 + v) % 900)]);
  const { page, context, errors } = await open('c', { 'data-refresh': '10' }, communes(rows(0)), { height: 500 });
  await page.evaluate(() => window.scrollTo(0, 3000));
  await sleep(100);
  const box = await page.locator('#c canvas[role=img]').boundingBox();
  await page.mouse.click(box.x + box.width / 2, 200);
  const before = await tooltipText(page);
  const name = before && before.split('\n')[0];
  assert.match(name || '', /^Xã số \d+/);
  const y = await page.evaluate(() => window.scrollY);
  files.get('c').body = communes(rows(5));
  await advance(page, 10000);
  assert.equal((await ready(page)).length, 2);
  assert.equal(await page.evaluate(() => window.scrollY), y, 'the page did not scroll');
  const after = await tooltipText(page);
  assert.equal(after && after.split('\n')[0], name, 'the tooltip is on the same commune');
  assert.notEqual(after, before, 'with its new number');
  assert.deepEqual(errors, []);
  await context.close();
});

test('failures keep the last good chart, say nothing to readers and back off; success resets the period', async () => {
  const { page, context, errors } = await open('d', { 'data-refresh': '10' });
  const good = await state(page);
  const f = files.get('d');
  f.mode = '500';
  await advance(page, 10000); // 1st try: 500
  f.mode = 'network';
  await advance(page, 20000); // 2nd, 20 s later: connection reset
  f.mode = 'invalid';
  await advance(page, 40000); // 3rd, 40 s later: invalid JSON
  assert.deepEqual(await state(page), good, 'the same chart, no alert, no note');
  assert.equal((await ready(page)).length, 1);
  f.mode = 'ok';
  f.body = SECOND;
  await advance(page, 80000); // 4th, 80 s later: good
  f.body = FIRST;
  await advance(page, 10000); // 5th: the period again
  const g = gaps(await fetchTimes(page));
  assert.deepEqual(g.map((x) => Math.floor(x / 1000)), [10, 20, 40, 80, 10], `gaps between fetches: ${g}`);
  assert.deepEqual(log.filter((e) => e.key === 'd').map((e) => e.status), [200, 500, 'reset', 200, 200, 200]);
  assert.equal((await ready(page)).length, 3);
  const now = await state(page);
  assert.equal(now.state, 'ready');
  assert.equal(now.alert, false);
  // (A console error from the browser for the 500 and the reset is the network's, not ours.)
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_/.test(e)), []);
  await context.close();
});

test('preview mode says that a refresh failed, in the page language, and clears it after a good one', async () => {
  for (const [lang, words] of [['vi', /chưa làm mới được dữ liệu \(HTTP 500\), thử lại sau 20 giây/], ['en', /could not be refreshed \(HTTP 500\); next try in 20 s/]]) {
    const { page, context } = await open(`e${lang}`, { 'data-refresh': '10', 'data-preview': '', lang });
    files.get(`e${lang}`).mode = '500';
    await advance(page, 10000);
    const s = await state(page);
    assert.match(s.note || '', words);
    assert.equal(s.alert, false);
    assert.equal(s.canvas, true);
    files.get(`e${lang}`).mode = 'invalid';
    await advance(page, 20000);
    assert.match((await state(page)).note || '', lang === 'vi' ? /dữ liệu mới không hợp lệ/ : /the new data is invalid/);
    files.get(`e${lang}`).mode = 'ok';
    files.get(`e${lang}`).body = SECOND;
    await advance(page, 40000);
    assert.equal((await state(page)).note, null);
    await context.close();
  }
});

test('a hidden page fetches nothing, and fetches at once when seen again if a refresh fell due', async () => {
  const { page, context } = await open('h', { 'data-refresh': '10' });
  const visibility = (hidden) => page.evaluate((hidden) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await visibility(true);
  await advance(page, 60000);
  assert.equal(await refreshes(page), 0, 'no request while hidden');
  await visibility(false);
  await sleep(150);
  assert.equal(await refreshes(page), 1, 'one request as soon as the page is seen');
  await advance(page, 10000);
  assert.equal(await refreshes(page), 2);
  await context.close();
});

test('a period under 10 s is 10 s; destroy() and update() stop it; an element that leaves stops it until it comes back', async () => {
  const { page, context } = await open('u', { 'data-refresh': '2' });
  await advance(page, 9000);
  assert.equal(await refreshes(page), 0, 'not after 2 s');
  await advance(page, 1000);
  assert.equal(await refreshes(page), 1, 'after 10 s');
  // The element leaves: no requests; it comes back: the refresh goes on (at once: one fell due).
  await page.evaluate(() => { window.__el = document.getElementById('c'); window.__el.remove(); });
  await sleep(50);
  await advance(page, 30000);
  assert.equal(await refreshes(page), 1, 'none while out of the document');
  await page.evaluate(() => document.getElementById('main').prepend(window.__el));
  await until(page, () => document.getElementById('c').dataset.state === 'ready');
  await advance(page, 1000);
  assert.equal(await refreshes(page), 2, 'back: at once');
  await advance(page, 10000);
  assert.equal(await refreshes(page), 3);
  // update() by the page's script: the page took over.
  await page.evaluate(() => window.CommuneCharts.get(document.getElementById('c')).update({ communes: [{ name: 'A', members: 1 }] }));
  await advance(page, 30000);
  assert.equal(await refreshes(page), 3, 'no refresh after update()');
  await context.close();

  const second = await open('v', { 'data-refresh': '10' });
  await second.page.evaluate(() => window.CommuneCharts.get(document.getElementById('c')).destroy());
  await advance(second.page, 30000);
  assert.equal(await refreshes(second.page), 0, 'no refresh after destroy()');
  await second.context.close();
});
