// What a journalist sees: every class of error named where it happens, data-src failures,
// preview warnings, the JS API (render/update/destroy/scan/get, events), lazy rendering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openPage, openBlank, renderIn, prepareContext, tooltipText,
} from './browser.mjs';

const env = useBrowser();
const blank = (opts, query) => openBlank(env, opts, query);

const SEED = {
  title: 'Số đảng viên',
  communes: [
    { name: 'Mồ Sì San', members: 89, cells: 9, targets: { met: 3, over80: 3, behind: 5 } },
    { name: 'Pa Vây Sử', members: 86, cells: 11, targets: { met: 13, over80: 8, behind: 10 } },
    { name: 'Đức Thọ', members: 2989, cells: 77 },
  ],
};

test('each class of invalid data says what is wrong and where, in the chart\'s language', async () => {
  const { page, context, errors } = await blank();
  const cases = [
    // [json text, kind, expected alert patterns]
    ['{\n  "communes": [\n    { "name": "Mồ Sì San" "members": 89 }\n  ]\n}', 'members',
      [/dòng 3, cột 27/, /thiếu dấu phẩy/, /\{ "name": "Mồ Sì San" "members": 89 \}\n\s{26}\^/]],
    ['{"communes":[{"name":"A","members":"2.989"}]}', 'members',
      [/`communes\[0\]\.members`/, /cần một số, nhưng đang là một chuỗi/, /"2\.989"/, /2989/]],
    ['{"communes":[{"name":"A","member":89}]}', 'members', [/`communes\[0\]\.member`/, /Có phải ý bạn là "members"\?/]],
    ['{"communes":[{"name":"A","members":-5}]}', 'members', [/`communes\[0\].members`/, /không được âm \(đang là [−-]5\)/]],
    ['{"communes":[{"name":"A","members":12.5}]}', 'members', [/`communes\[0\]\.members`/, /12,5|12\.5/]],
    ['{"communes":[{"name":"A","cells":9,"cellKinds":{"Chi bộ bản":4,"Chi bộ trường":4}}]}', 'cells',
      [/`communes\[0\]\.cellKinds`/, /8/, /"cells" là 9/]],
    ['{"communes":[{"name":"A","targets":{"met":3,"over80":3,"behind":5,"total":12}}]}', 'targets',
      [/`communes\[0\]\.targets\.total`/, /cộng lại bằng 11, nhưng "total" là 12/]],
    ['{"communes":[{"name":"A","members":89}]}', 'bars', [/không có loại biểu đồ "bars"/, /members, cells, members-per-cell, members-per-1000, targets, indicators, overview/]],
    ['{"communes":[{"name":"A","members":89}]}', 'targets', [/không xã nào có trường "targets"/]],
    ['{"communes":[{"name":"","members":89}]}', 'members', [/`communes\[0\]\.name`/]],
    ['{"communes":[]}', 'members', [/`communes`/]],
    ['{"locale":"en","communes":[{"name":"A","membres":89}]}', 'members', [/`communes\[0\]\.membres`/, /Did you mean "members"\?/]],
    ['{"locale":"en","communes":[{"name":"A","members":89}],}', 'members', [/JSON syntax error at line 1, column 55/, /extra comma/]],
  ];
  for (const [text, kind, patterns] of cases) {
    const r = await renderIn(page, text, kind);
    assert.equal(r.state, 'error', text);
    for (const p of patterns) assert.match(r.alert, p, `${text}\n→ ${r.alert}`);
    assert.ok(Array.isArray(r.problems) && r.problems.length > 0, 'the rejection carries problems');
    assert.equal(r.detail.message.split('\n')[0], r.problems[0].message, 'the error event has the message');
    assert.equal(r.detail.problems.length, r.problems.length);
  }
  // Syntax errors carry their line and column for editors (the playground selects them).
  const syntax = await renderIn(page, '{\n  "communes": [\n    { "name": "Mồ Sì San" "members": 89 }\n  ]\n}', 'members');
  assert.deepEqual({ line: syntax.problems[0].line, column: syntax.problems[0].column }, { line: 3, column: 27 });
  const path = await renderIn(page, '{"communes":[{"name":"A","member":89}]}', 'members');
  assert.equal(path.problems[0].path, 'communes[0].member');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chart element without data, and one with an unknown kind attribute, say so', async () => {
  const { page, context } = await blank();
  await page.evaluate(() => {
    const main = document.getElementById('main');
    main.insertAdjacentHTML('beforeend',
      '<div id="empty" data-commune-chart="members"></div>' +
      '<div id="kind" data-commune-chart="member"><script type="application/json">{"communes":[{"name":"A","members":1}]}</script></div>');
    window.CommuneCharts.scan();
  });
  await page.waitForFunction(() => ['empty', 'kind'].every((id) => document.getElementById(id).dataset.state === 'error'));
  assert.match(await page.textContent('#empty [role=alert]'), /không tìm thấy dữ liệu/);
  assert.match(await page.textContent('#kind [role=alert]'), /không có loại biểu đồ "member"; dùng một trong: members,/);
  await context.close();
});

test('data-src: 404, network error, an HTML page and a timeout each get their own message; the others still draw', async () => {
  const { page, context, errors } = await blank();
  await page.route('**/offline.json', (route) => route.abort('internetdisconnected'));
  await page.route('**/slow.json', () => { /* never answers */ });
  await page.evaluate(() => {
    const add = (id, src, extra = '') => document.getElementById('main').insertAdjacentHTML('beforeend',
      `<div id="${id}" data-commune-chart="members" data-src="${src}" data-lazy="false" ${extra}></div>`);
    add('missing', '/fixtures/nope.json');
    add('offline', '/fixtures/offline.json');
    add('html', '/index.html');
    add('slow', '/fixtures/slow.json', 'data-timeout="1"');
    add('good', '/fixtures/seed.json');
    window.CommuneCharts.scan();
  });
  await page.waitForFunction(() => ['missing', 'offline', 'html', 'slow', 'good']
    .every((id) => ['ready', 'error'].includes(document.getElementById(id).dataset.state)), null, { timeout: 10000 });
  const text = (id) => page.textContent(`#${id} [role=alert]`);
  assert.match(await text('missing'), /\/fixtures\/nope\.json: máy chủ trả lời 404 \(không có tệp này\)/);
  assert.match(await text('offline'), /\/fixtures\/offline\.json: lỗi mạng/);
  assert.match(await text('html'), /\/index\.html trả về một trang web \(HTML\), không phải dữ liệu JSON/);
  assert.match(await text('slow'), /máy chủ không trả lời sau 1 giây/);
  assert.equal(await page.getAttribute('#good', 'data-state'), 'ready');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('preview mode shows warnings; the published page does not', async () => {
  const suspicious = JSON.stringify({ communes: [
    { name: 'Mồ Sì San', members: 9, cells: 89 }, { name: 'Mồ Sì San', members: 86, cells: 11 }, { name: 'Đức Thọ', members: 2989 },
  ] });
  for (const [query, attrs, shown] of [['?commune-charts-debug', {}, true], ['', { 'data-preview': '' }, true], ['', {}, false]]) {
    const { page, context } = await blank({}, query);
    const r = await renderIn(page, suspicious, 'cells', attrs);
    assert.equal(r.state, 'ready');
    // The preview's warnings box: a shown [role=status] with text, anywhere in the page.
    const warnings = await page.evaluate(() => {
      const { deepQueryAll, isShown } = window[Symbol.for('commune-test-dom')];
      return deepQueryAll('[role=status]').filter((e) => isShown(e) && e.innerText.trim()).map((e) => e.innerText);
    });
    if (!shown) {
      assert.deepEqual(warnings, [], 'readers never see warnings');
    } else {
      assert.equal(warnings.length, 1, `${query} ${JSON.stringify(attrs)}`);
      assert.match(warnings[0], /Cảnh báo/);
      assert.match(warnings[0], /`communes\[1\]\.name`: tên xã "Mồ Sì San" đã có ở communes\[0\]/);
      assert.match(warnings[0], /`communes\[0\]`: số đảng viên \(9\) ít hơn số chi bộ \(89\)/);
      assert.match(warnings[0], /cần "cells", nhưng 1 xã chưa có .*: Đức Thọ/);
    }
    await context.close();
  }
});

test('render, update, get and destroy: destroy leaves the element as it was, with no listeners', async () => {
  const { page, context, errors } = await blank();
  const cdp = await context.newCDPSession(page);
  const listeners = async (expr) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.map((l) => l.type).sort();
  };
  const before = await page.evaluate(() => {
    const el = document.createElement('figure');
    el.id = 'api';
    el.className = 'portal-figure';
    el.innerHTML = '<figcaption>Chú thích của tòa soạn</figcaption>';
    document.getElementById('main').appendChild(el);
    return { html: el.outerHTML, body: document.body.childElementCount };
  });
  const baseline = { doc: await listeners('document'), win: await listeners('window') };
  const states = await page.evaluate(async (seed) => {
    const el = document.getElementById('api');
    const chart = await window.CommuneCharts.render(el, seed, { kind: 'members' });
    const out = [el.dataset.state, window.CommuneCharts.get(el) === chart];
    const { part } = window[Symbol.for('commune-test-dom')];
    const canvas = part(el, 'canvas[role=img]');
    out.push(canvas.getAttribute('aria-label'));
    // A bad update shows the alert; a good one brings the chart back.
    try { await chart.update('{"communes": [}'); out.push('resolved?'); } catch (e) { out.push(el.dataset.state, e.chart === chart); }
    seed.communes[0].members = 5000;
    await chart.update(seed);
    out.push(el.dataset.state, part(el, 'canvas[role=img]').getAttribute('aria-label'));
    // Another kind, same chart object.
    out.push(await chart.update(seed, { kind: 'targets' }) === chart, part(el, 'canvas[role=img]').getAttribute('aria-label'));
    return out;
  }, SEED);
  assert.deepEqual(states.slice(0, 2), ['ready', true]);
  assert.match(states[2], /Đức Thọ \(2\.989\)/);
  assert.deepEqual(states.slice(3, 6), ['error', true, 'ready']);
  assert.match(states[6], /Mồ Sì San \(5\.000\)/);
  assert.equal(states[7], true);
  assert.match(states[8], /chỉ tiêu đạt và vượt nhiều nhất|đạt và vượt/);
  const box = await page.locator('#api canvas[role=img]').boundingBox();
  for (let y = box.y + 5; y < box.y + box.height; y += 6) {
    await page.mouse.move(box.x + box.width * 0.3, y);
    if (await tooltipText(page)) break;
  }
  assert.ok(await tooltipText(page), 'a tooltip was shown before destroy');
  const during = {
    doc: await listeners('document'), win: await listeners('window'),
    canvas: await listeners("window[Symbol.for('commune-test-dom')].part('#api', 'canvas[role=img]')"),
  };
  assert.ok(during.doc.length + during.win.length > baseline.doc.length + baseline.win.length, 'the chart listens on the document or window while alive');
  assert.ok(during.canvas.includes('pointermove') && during.canvas.includes('keydown'));
  const after = await page.evaluate(() => {
    const el = document.getElementById('api');
    window.CommuneCharts.get(el).destroy();
    return { html: el.outerHTML, body: document.body.childElementCount, get: window.CommuneCharts.get(el) };
  });
  assert.equal(after.html, before.html, 'the element is exactly as before');
  assert.equal(after.body, before.body, 'no tooltip or other node left in <body>');
  assert.equal(after.get, null);
  assert.deepEqual(await listeners('document'), baseline.doc, 'no document listener left');
  assert.deepEqual(await listeners('window'), baseline.win, 'no window listener left');
  assert.deepEqual(errors, []);
  await context.close();
});

test('charts below the fold are drawn only when scrolled near: no data or wasm fetched before', async () => {
  const { page, context, errors } = await openPage(env.browser, 'about:blank');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${env.base}/fixtures/pages/lazy.html`);
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  await page.waitForTimeout(500);
  assert.equal(await page.getAttribute('#far', 'data-state'), 'loading');
  assert.ok(!requests.includes('/fixtures/seed.json'), 'data not fetched yet');
  assert.ok(!requests.includes('/dist/commune-charts_bg.wasm'), 'wasm not fetched yet');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => document.getElementById('far').dataset.state === 'ready');
  assert.ok(requests.includes('/fixtures/seed.json') && requests.includes('/dist/commune-charts_bg.wasm'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('render() on an element still waiting to scroll near takes it over, and scan() still settles', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/lazy.html`);
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  const result = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.setAttribute('data-commune-chart', 'members');
    document.querySelector('main').appendChild(el); // far below the fold: pending
    const scanned = window.CommuneCharts.scan();
    const chart = await window.CommuneCharts.render(el, { communes: [{ name: 'Mồ Sì San', members: 89 }] });
    const settled = await Promise.race([scanned.then(() => 'settled'), new Promise((r) => setTimeout(() => r('stuck'), 3000))]);
    return { settled, same: window.CommuneCharts.get(el) === chart, state: el.dataset.state, canvases: window[Symbol.for('commune-test-dom')].parts(el, 'canvas[role=img]').length };
  });
  assert.deepEqual(result, { settled: 'settled', same: true, state: 'ready', canvases: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('printing draws charts that were never scrolled near', async () => {
  const { page, context } = await openPage(env.browser, `${env.base}/fixtures/pages/lazy.html`);
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  await page.waitForTimeout(300);
  assert.equal(await page.getAttribute('#far', 'data-state'), 'loading');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => document.getElementById('far').dataset.state === 'ready');
  await context.close();
});

test('a wasm file that does not load gives every chart its own alert; a later scan() tries again', async () => {
  const context = await prepareContext(await env.browser.newContext({ viewport: { width: 1280, height: 900 } }));
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.route('**/commune-charts_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${env.base}/fixtures/pages/lazy.html`);
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  const seen = await page.evaluate(async (seed) => {
    const el = document.createElement('div');
    el.setAttribute('data-commune-chart', 'members');
    const inline = document.createElement('script');
    inline.type = 'application/json';
    inline.textContent = JSON.stringify(seed);
    el.appendChild(inline);
    document.body.prepend(el);
    let detail = null;
    el.addEventListener('commune-chart:error', (e) => { detail = e.detail; });
    let rejected = null;
    await window.CommuneCharts.render(el, seed, { kind: 'members' }).catch((e) => { rejected = e.message; });
    await window.CommuneCharts.scan(document, { lazy: false });
    const all = [...document.querySelectorAll('[data-commune-chart]')];
    const { part, parts } = window[Symbol.for('commune-test-dom')];
    return {
      rejected, detail: detail && detail.message,
      state: el.dataset.state, alert: part(el, '[role=alert]')?.textContent,
      scanned: all.map((e) => [e.dataset.state, parts(e, '[role=alert]').length]),
      got: window.CommuneCharts.get(el),
    };
  }, SEED);
  assert.equal(seen.rejected, seen.alert, 'the rejection says what the chart says');
  assert.equal(seen.state, 'error');
  assert.match(seen.alert, /^Không vẽ được biểu đồ: máy chủ trả lời 404 cho http:\/\/127\.0\.0\.1:\d+\/dist\/commune-charts_bg\.wasm: hãy đặt tệp commune-charts_bg\.wasm cạnh commune-charts\.js/);
  assert.equal(seen.detail, seen.alert);
  assert.equal(seen.got, null);
  assert.ok(seen.scanned.length >= 2);
  for (const [state, alerts] of seen.scanned) assert.deepEqual([state, alerts], ['error', 1]);
  // The file is back: scanning again draws every chart, and the start-failure boxes are gone.
  await page.unroute('**/commune-charts_bg.wasm');
  const after = await page.evaluate(async () => {
    await window.CommuneCharts.scan(document, { lazy: false });
    const { parts } = window[Symbol.for('commune-test-dom')];
    return [...document.querySelectorAll('[data-commune-chart]')].map((e) => [e.dataset.state, parts(e, '[data-commune-chart-start-failure]').length]);
  });
  for (const [state, boxes] of after) assert.deepEqual([state, boxes], ['ready', 0]);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('render() into a hidden element resolves with the chart, which draws when it is shown', async () => {
  const { page, context, errors } = await blank();
  const result = await page.evaluate(async (seed) => {
    const el = document.createElement('div');
    el.style.display = 'none';
    document.getElementById('main').appendChild(el);
    const chart = await window.CommuneCharts.render(el, seed, { kind: 'members' });
    const before = el.dataset.state;
    const ready = new Promise((resolve) => el.addEventListener('commune-chart:ready', () => resolve(el.dataset.state), { once: true }));
    el.style.display = 'block';
    const after = await Promise.race([ready, new Promise((r) => setTimeout(() => r('no ready event'), 5000))]);
    return { same: window.CommuneCharts.get(el) === chart, before, after, canvases: window[Symbol.for('commune-test-dom')].parts(el, 'canvas[role=img]').length };
  }, SEED);
  assert.deepEqual(result, { same: true, before: 'loading', after: 'ready', canvases: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a 375 px phone the quoted line of a syntax error fits its box, with the caret under the mistake', async () => {
  const { page, context, errors } = await blank({ width: 375, height: 812, dpr: 3 });
  const text = '{\n  "communes": [\n      { "name": "Đức Thọ", "members": 2989, "cells": 77, },\n  ]\n}';
  const r = await renderIn(page, text, 'members');
  assert.equal(r.state, 'error');
  const pre = await page.evaluate(() => {
    const p = window[Symbol.for('commune-test-dom')].deepQueryAll('[role=alert] pre').pop();
    return { text: p.textContent, overflow: p.scrollWidth - p.clientWidth };
  });
  assert.ok(pre.overflow <= 0, `the quoted line scrolls by ${pre.overflow}px`);
  const [line, caret] = pre.text.split('\n');
  assert.equal(line[caret.length - 1], '}', pre.text);
  assert.match(line, /"cells": 77, }/);
  assert.deepEqual(errors, []);
  await context.close();
});
