// What networks and servers do to the widget: data-src bodies that stall or are cut, the .wasm
// missing, blocked by CORS, replaced by HTML, cut, from another release, blocked by CSP; a page
// whose fetch is a polyfill; the .wasm requested before six slow data-src files; the explanations
// module fetched only for invalid charts, and an invalid chart without it.
// Servers: tests/e2e/network-server.mjs (two origins). Pages: tests/fixtures/pages/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage } from './browser.mjs';
import { startNetworkServers } from './network-server.mjs';

let browser;
let net;
before(async () => {
  browser = await launch();
  net = await startNetworkServers();
});
after(async () => {
  await browser?.close();
  net?.close();
});

const settled = (page, ids, timeout = 10000) => page.waitForFunction(
  (ids) => ids.every((id) => ['ready', 'error'].includes(document.getElementById(id)?.dataset.state)), ids, { timeout },
);
// Playwright's CSS selectors go into open shadow roots: this finds the alert wherever the widget put it.
const alertText = (page, id) => page.locator(`#${id} [role=alert]`).first().textContent();

test('data-src: a body that stalls is a timeout, a body cut mid-way says so; scan() tries a failed one again', async () => {
  const { page, context } = await openPage(browser, `${net.base}/p/ok/network.html`);
  await settled(page, ['inline', 'remote']);
  const events = await page.evaluate(() => {
    const events = {};
    const add = (id, src, timeout = 2) => {
      const el = document.createElement('div');
      Object.assign(el, { id });
      el.setAttribute('data-commune-chart', 'members');
      el.setAttribute('data-src', src);
      el.setAttribute('data-timeout', String(timeout));
      el.setAttribute('data-lazy', 'false');
      el.addEventListener('commune-chart:error', (e) => { events[id] = e.detail.message; });
      document.getElementById('main').appendChild(el);
    };
    add('stalled', '/data/stall.json', 1);
    add('cut', '/data/cut.json');
    add('flaky', '/data/flaky.json?key=a');
    window.__events = events;
    window.CommuneCharts.scan();
    return events;
  });
  assert.deepEqual(events, {});
  await settled(page, ['stalled', 'cut', 'flaky']);
  const states = await page.$$eval('#stalled, #cut, #flaky', (els) => els.map((e) => e.dataset.state));
  assert.deepEqual(states, ['error', 'error', 'error']);
  assert.match(await alertText(page, 'stalled'), /\/data\/stall\.json: máy chủ không trả lời sau 1 giây/);
  assert.match(await alertText(page, 'cut'), /tải dữ liệu từ \/data\/cut\.json bị ngắt giữa chừng/);
  assert.match(await alertText(page, 'flaky'), /\/data\/flaky\.json\?key=a bị ngắt giữa chừng/);
  const seen = await page.evaluate(() => window.__events);
  assert.match(seen.stalled, /không trả lời sau 1 giây/, 'the error event says it too');
  assert.match(seen.cut, /bị ngắt giữa chừng/);
  // The next scan() fetches the failed file again (the server now sends it whole).
  const drawn = await page.evaluate(async () => (await window.CommuneCharts.scan()).length);
  assert.ok(drawn >= 1);
  await settled(page, ['flaky']);
  assert.equal(await page.getAttribute('#flaky', 'data-state'), 'ready');
  assert.equal(await page.getAttribute('#inline', 'data-state'), 'ready', 'the other charts are untouched');
  await context.close();
});

// The .wasm as servers get it wrong: [variant, page language, the box's text].
const WASM_CASES = [
  ['missing', 'vi', /^Không vẽ được biểu đồ: máy chủ trả lời 404 cho http:\/\/127\.0\.0\.1:\d+\/p\/missing\/commune-charts_bg\.wasm: hãy đặt tệp commune-charts_bg\.wasm cạnh commune-charts\.js\.$/],
  ['missing', 'en', /^The chart cannot be drawn: the server answered 404 for http:\/\/127\.0\.0\.1:\d+\/p\/missing\/commune-charts_bg\.wasm: put commune-charts_bg\.wasm next to commune-charts\.js\.$/],
  ['html', 'vi', /\/p\/html\/commune-charts_bg\.wasm trả về một trang HTML, không phải tệp \.wasm: hãy đặt tệp commune-charts_bg\.wasm cạnh commune-charts\.js/],
  ['html-as-wasm', 'en', /\/p\/html-as-wasm\/commune-charts_bg\.wasm returned an HTML page, not the \.wasm file: put commune-charts_bg\.wasm next to commune-charts\.js/],
  ['truncated', 'vi', /\/p\/truncated\/commune-charts_bg\.wasm tải về không trọn vẹn: hãy tải lại trang; nếu vẫn lỗi, chép lại tệp lên máy chủ/],
  ['cut', 'en', /\/p\/cut\/commune-charts_bg\.wasm arrived incomplete: reload the page; if this persists, copy the file to the server again/],
  ['release', 'vi', /^Không vẽ được biểu đồ: commune-charts\.js và commune-charts_bg\.wasm thuộc hai phiên bản khác nhau: hãy chép cả hai tệp trong dist\/ cùng lúc\.$/],
  ['release', 'en', /^The chart cannot be drawn: commune-charts\.js and commune-charts_bg\.wasm are from different releases: copy both files of dist\/ together\.$/],
  ['csp', 'vi', /^Không vẽ được biểu đồ: Content-Security-Policy của trang chặn WebAssembly: hãy cho phép 'wasm-unsafe-eval' trong script-src\.$/],
  ['csp', 'en', /^The chart cannot be drawn: the page's Content-Security-Policy blocks WebAssembly: allow 'wasm-unsafe-eval' in script-src\.$/],
  ['stall', 'vi', /^Không vẽ được biểu đồ: lỗi mạng khi tải http:\/\/127\.0\.0\.1:\d+\/p\/stall\/commune-charts_bg\.wasm: hãy tải lại trang\.$/],
];

for (const [variant, lang, expected] of WASM_CASES) {
  test(`the .wasm (${variant}, ${lang}): every chart says the cause and the fix, render() rejects with it`, async () => {
    const { page, context } = await openPage(browser, `${net.base}/p/${variant}/network.html?lang=${lang}`);
    await settled(page, ['inline', 'remote']);
    assert.deepEqual(await page.$$eval('#inline, #remote', (els) => els.map((e) => e.dataset.state)), ['error', 'error']);
    const inline = await alertText(page, 'inline');
    assert.match(inline, expected);
    assert.equal(await alertText(page, 'remote'), inline, 'a data-src chart says the same');
    const api = await page.evaluate(async () => {
      const el = document.createElement('div');
      el.id = 'api';
      el.setAttribute('data-timeout', '2');
      document.getElementById('main').appendChild(el);
      let event = null;
      el.addEventListener('commune-chart:error', (e) => { event = e.detail.message; });
      try {
        await window.CommuneCharts.render(el, { communes: [{ name: 'A', members: 1 }] });
        return { resolved: true };
      } catch (e) {
        const host = el.querySelector('[data-commune-chart-root]');
        return {
          message: e.message, problems: e.problems, event, state: el.dataset.state,
          inShadow: !!(host && host.shadowRoot && host.shadowRoot.querySelector('[role=alert]')),
        };
      }
    });
    assert.match(api.message, expected);
    assert.deepEqual(api.problems, []);
    assert.equal(api.event, api.message);
    assert.equal(api.state, 'error');
    assert.ok(api.inShadow, 'the box is in an open shadow root on <div data-commune-chart-root>');
    await context.close();
  });
}

test('the .wasm on another origin: without Access-Control-Allow-Origin the box names the header; with it the chart draws', async () => {
  const blocked = await openPage(browser, `${net.base}/p/page/cross-origin.html?via=nocors`);
  await settled(blocked.page, ['inline']);
  assert.match(await alertText(blocked.page, 'inline'),
    /^Không vẽ được biểu đồ: http:\/\/127\.0\.0\.1:\d+\/p\/nocors\/commune-charts_bg\.wasm ở một origin khác, không có header Access-Control-Allow-Origin: hãy thêm header này cho tệp \.wasm\.$/);
  await blocked.context.close();
  const allowed = await openPage(browser, `${net.base}/p/page/cross-origin.html?via=cors&lang=en`);
  await settled(allowed.page, ['inline']);
  assert.equal(await allowed.page.getAttribute('#inline', 'data-state'), 'ready');
  await allowed.context.close();
});

test('a page whose window.fetch is the whatwg-fetch polyfill: inline and data-src charts draw', async () => {
  const { page, context, errors } = await openPage(browser, `${net.base}/p/ok/polyfill.html`);
  await settled(page, ['inline', 'remote']);
  assert.equal(await page.evaluate(() => window.fetch === WHATWGFetch.fetch), true, 'the polyfill is in place');
  assert.deepEqual(await page.$$eval('#inline, #remote', (els) => els.map((e) => e.dataset.state)), ['ready', 'ready']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the .wasm is requested before the data-src files (six slow ones would queue it on HTTP/1.1)', async () => {
  const { page, context } = await openPage(browser, 'about:blank');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${net.base}/p/ok/order.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-commune-chart]')].every((e) => e.dataset.state === 'ready'), null, { timeout: 10000 });
  const wasm = requests.indexOf('/p/ok/commune-charts_bg.wasm');
  const data = requests.findIndex((p) => p.startsWith('/data/'));
  assert.ok(wasm >= 0 && data >= 0, requests.join(' '));
  assert.ok(wasm < data, `requests in this order: ${requests.join(' ')}`);
  assert.equal(requests.filter((p) => p.startsWith('/data/')).length, 6);
  await context.close();
});

test('valid charts download only the reader path; the explanations module comes once, for an invalid chart', async () => {
  const { page, context } = await openPage(browser, 'about:blank');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${net.base}/p/ok/network.html?lang=en`);
  await settled(page, ['inline', 'remote']);
  assert.equal(await page.getAttribute('#remote', 'data-state'), 'ready');
  const explain = () => requests.filter((p) => p.endsWith('/commune-charts-explain.wasm')).length;
  assert.equal(explain(), 0, `a page of valid charts asked for: ${requests.join(' ')}`);
  const said = await page.evaluate(async () => {
    const out = [];
    for (const data of ['{"communes": [{"name": "A", "members": 3,}]}', { communes: [{ name: 'A', member: 3 }] }]) {
      const el = document.createElement('div');
      document.getElementById('main').appendChild(el);
      const events = [];
      el.addEventListener('commune-chart:error', (e) => events.push(e.detail.message));
      const error = await window.CommuneCharts.render(el, data, { kind: 'members' }).then(() => null, (e) => e);
      out.push({ message: error && error.message, problems: error && error.problems.length, state: el.dataset.state, events });
    }
    return out;
  });
  assert.deepEqual(said.map((s) => [s.state, s.problems, s.events.length]), [['error', 1, 1], ['error', 1, 1]]);
  assert.match(said[0].message, /^JSON syntax error at line 1, column 42: there is an extra comma before } or \]/);
  assert.equal(said[0].events[0], said[0].message);
  assert.match(said[1].message, /`communes\[0\]\.member`: there is no field "member"\. Did you mean "members"\?/);
  assert.equal(explain(), 1, 'fetched once for both');
  await context.close();
});

test('without the explanations module an invalid chart still ends in error and says why the words are missing', async () => {
  const { page, context, errors } = await openPage(browser, `${net.base}/p/no-explain/network.html?lang=vi`);
  await settled(page, ['inline', 'remote']);
  assert.equal(await page.getAttribute('#inline', 'data-state'), 'ready');
  const said = await page.evaluate(async () => {
    const el = document.createElement('div');
    document.getElementById('main').appendChild(el);
    const error = await window.CommuneCharts.render(el, '{"communes": [}', { kind: 'members' }).then(() => null, (e) => e);
    return { message: error && error.message, state: el.dataset.state };
  });
  assert.equal(said.state, 'error');
  assert.match(said.message, /không tải được phần giải thích lý do \(.*\/p\/no-explain\/commune-charts-explain\.wasm: HTTP 404\): hãy tải lại trang\./);
  assert.equal(await page.getAttribute('#inline', 'data-state'), 'ready', 'the other charts are untouched');
  assert.ok(errors.every((e) => /explain|404/i.test(e)), errors.join('\n'));
  await context.close();
});
