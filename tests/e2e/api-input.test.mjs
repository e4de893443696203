// Whatever a portal's code hands render() and update(): values JSON cannot hold (a cycle, a
// BigInt, a throwing getter, no data at all), pages that changed Array.prototype.toJSON or
// JSON.stringify, an element in a same-origin iframe, a window.CommuneCharts the page set first.
// Every case ends in a rejected promise AND an alert on the chart, never a synchronous throw or a
// chart stuck in `loading`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, openBlank } from './browser.mjs';

const env = useBrowser();

async function blank() {
  const r = await openBlank(env);
  await r.page.evaluate(() => {
    // In the page: render `make()`'s value (a function, as values like cycles cannot be passed in)
    // into a new element; what a user sees: state, alert, rejection, error event.
    window.tryRender = async (make, kind = 'members') => {
      const el = document.createElement('div');
      el.id = `c${document.querySelectorAll('[id^=c]').length}`;
      document.getElementById('main').appendChild(el);
      const out = { id: el.id, sync: null, events: [] };
      el.addEventListener('commune-chart:error', (e) => out.events.push(['error', e.detail.message]));
      el.addEventListener('commune-chart:ready', () => out.events.push(['ready']));
      let promise;
      try {
        promise = window.CommuneCharts.render(el, make(), { kind });
      } catch (e) {
        out.sync = String(e);
        return out;
      }
      try {
        const chart = await promise;
        out.resolved = chart === window.CommuneCharts.get(el);
      } catch (e) {
        out.rejected = { message: e.message, problems: e.problems, hasChart: !!e.chart };
      }
      out.state = el.dataset.state;
      return out;
    };
  });
  return r;
}

const SEED = () => ({
  title: 'Số đảng viên',
  communes: [
    { name: 'Mồ Sì San', members: 89, cells: 9 },
    { name: 'Pa Vây Sử', members: 86, cells: 11 },
    { name: 'Đức Thọ', members: 2989, cells: 77 },
  ],
});

test('arrays and objects read the same after Prototype.js\'s Array.prototype.toJSON and an overridden JSON.stringify', async () => {
  const { page, context, errors } = await blank();
  const r = await page.evaluate(async (seed) => {
    // Prototype.js 1.6: an enumerable Array.prototype.toJSON that returns a string.
    // eslint-disable-next-line no-extend-native
    Array.prototype.toJSON = function () { return `[${this.join(', ')}]`; };
    JSON.stringify = () => '"the page replaced JSON.stringify"';
    const data = seed;
    // JSON's rules: undefined, functions and symbols are left out (an unknown field would be an error).
    data.communes[0].extra = undefined;
    data.communes[0].onClick = () => 1;
    data.communes[0].tag = Symbol('x');
    // Only own keys: an inherited enumerable property is not data.
    data.communes[1] = Object.assign(Object.create({ inherited: 1 }), data.communes[1]);
    const out = await window.tryRender(() => data);
    out.label = document.querySelector(`#${out.id} canvas[role=img]`)?.getAttribute('aria-label')
      ?? [...document.querySelectorAll(`#${out.id} [data-commune-chart-root]`)].map((h) => h.shadowRoot?.querySelector('canvas[role=img]')?.getAttribute('aria-label')).find(Boolean);
    return out;
  }, SEED());
  assert.equal(r.sync, null);
  assert.equal(r.rejected, undefined, JSON.stringify(r.rejected));
  assert.equal(r.resolved, true);
  assert.equal(r.state, 'ready');
  assert.match(r.label, /Đức Thọ \(2\.989\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

// [what the page passes (a function body run in the page), the path, the alert's text]
const BAD = [
  ['cycle', 'const d = seed; d.communes[2].self = d; return d;', 'communes[2].self', /`communes\[2\]\.self`/],
  ['array that holds itself', 'const d = seed; d.communes[0] = d.communes; return d;', 'communes[0]', /`communes\[0\]`/],
  ['BigInt', 'const d = seed; d.communes[0].members = 89n; return d;', 'communes[0].members', /`communes\[0\]\.members`/],
  ['throwing getter', 'const d = seed; Object.defineProperty(d.communes[1], "members", { enumerable: true, get() { throw new Error("no"); } }); return d;',
    'communes[1].members', /`communes\[1\]\.members`/],
  ['throwing proxy', 'const d = seed; d.communes = new Proxy(d.communes, { get() { throw new Error("no"); } }); return d;', 'communes', /`communes`/],
  ['undefined', 'return undefined;', '', null],
  ['a number', 'return 42;', '', null],
  ['a function', 'return () => seed;', '', null],
];

for (const [name, body, path, alertPattern] of BAD) {
  test(`render() of ${name}: a rejected promise and an alert on the chart, never a throw or a stuck loading`, async () => {
    const { page, context } = await blank();
    const r = await page.evaluate(({ body, seed }) => window.tryRender(new Function('seed', body).bind(null, seed)), { body, seed: SEED() });
    assert.equal(r.sync, null, 'no synchronous throw');
    assert.ok(r.rejected, 'the promise rejects');
    assert.equal(r.state, 'error');
    const alert = await page.locator(`#${r.id} [role=alert]`).first().textContent();
    assert.ok(alert.startsWith(r.rejected.message.split('\n')[0]) || alert.includes(r.rejected.message.split('\n')[0]),
      `the rejection's message is the chart's text:\n${r.rejected.message}\n${alert}`);
    if (alertPattern) assert.match(alert, alertPattern);
    assert.ok(Array.isArray(r.rejected.problems) && r.rejected.problems.length === 1, JSON.stringify(r.rejected.problems));
    assert.equal(r.rejected.problems[0].path, path);
    assert.equal(r.rejected.hasChart, true, 'err.chart can be updated with fixed data');
    assert.deepEqual(r.events.map((e) => e[0]), ['error']);
    await context.close();
  });
}

test('update(cyclic) rejects (no synchronous throw) and shows why; update(fixed) draws the same kind again', async () => {
  const { page, context } = await blank();
  const r = await page.evaluate(async (seed) => {
    const el = document.createElement('div');
    document.getElementById('main').appendChild(el);
    const chart = await window.CommuneCharts.render(el, seed, { kind: 'cells' });
    const out = { first: el.dataset.state };
    const cyclic = JSON.parse(JSON.stringify(seed));
    cyclic.communes[1].parent = cyclic;
    let p;
    try { p = chart.update(cyclic); } catch (e) { out.sync = String(e); return out; }
    try { await p; out.resolved = true; } catch (e) { out.message = e.message; out.path = e.problems[0]?.path; out.same = e.chart === chart; }
    out.afterBad = el.dataset.state;
    try { out.fixed = (await chart.update(seed)) === chart; } catch (e) { out.fixedError = e.message; }
    out.afterFixed = el.dataset.state;
    out.got = window.CommuneCharts.get(el) === chart;
    // 12n through update(), then a kind change with good data
    try { await chart.update({ communes: [{ name: 'A', members: 12n }] }); } catch (e) { out.bigint = e.problems[0]?.path; }
    out.kind = (await chart.update(seed, { kind: 'members' })) === chart && el.dataset.state;
    return out;
  }, SEED());
  assert.equal(r.sync, undefined);
  assert.equal(r.first, 'ready');
  assert.equal(r.resolved, undefined);
  assert.equal(r.path, 'communes[1].parent');
  assert.equal(r.same, true);
  assert.equal(r.afterBad, 'error');
  assert.equal(r.fixedError, undefined);
  assert.deepEqual([r.fixed, r.afterFixed, r.got], [true, 'ready', true]);
  assert.equal(r.bigint, 'communes[0].members');
  assert.equal(r.kind, 'ready');
  // The fixed chart is a cells chart again (its legend or stacked bars), not the data's default kind.
  await context.close();
});

test('render() of an element inside a same-origin iframe draws it there (needs the Rust side\'s cross-document fix)', async () => {
  const { page, context, errors } = await blank();
  const r = await page.evaluate(async (seed) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 700px; height: 500px';
    document.getElementById('main').appendChild(frame);
    await new Promise((resolve) => {
      frame.onload = resolve;
      frame.srcdoc = '<!doctype html><html lang="vi"><body></body></html>'; // same origin, no script of its own
    });
    const doc = frame.contentDocument;
    // the frame's own copy of the script is not loaded: the parent page draws into it
    const el = doc.createElement('div');
    doc.body.appendChild(el);
    const out = {};
    try {
      const chart = await window.CommuneCharts.render(el, seed, { kind: 'members' });
      out.resolved = chart === window.CommuneCharts.get(el);
    } catch (e) {
      out.rejected = e.message;
    }
    out.state = el.dataset.state;
    const roots = [el, ...[...el.querySelectorAll('[data-commune-chart-root]')].map((h) => h.shadowRoot).filter(Boolean)];
    out.canvases = roots.reduce((n, r) => n + r.querySelectorAll('canvas[role=img]').length, 0);
    out.alert = roots.map((r) => r.querySelector('[role=alert]')?.textContent).find(Boolean) || null;
    return out;
  }, SEED());
  assert.notEqual(r.state, 'loading', 'never stuck in loading');
  assert.deepEqual(r, { resolved: true, state: 'ready', canvases: 1, alert: null });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a window.CommuneCharts the page set first (a settings stub) is replaced, with one console warning; charts draw', async () => {
  const { page, context } = await openPage(env.browser, 'about:blank');
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${env.base}/fixtures/pages/stub.html`);
  await page.waitForFunction(() => document.getElementById('inline').dataset.state === 'ready', null, { timeout: 10000 });
  const global = await page.evaluate(async () => {
    // A second copy of the script sees the global is ours and does nothing (no second warning).
    await new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/dist/commune-charts.js';
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
    return {
      render: typeof window.CommuneCharts.render,
      keys: Object.keys(window.CommuneCharts).sort(),
      canvases: document.querySelectorAll('#inline canvas[role=img]').length
        + [...document.querySelectorAll('#inline [data-commune-chart-root]')].reduce((n, h) => n + (h.shadowRoot?.querySelectorAll('canvas[role=img]').length || 0), 0),
    };
  });
  assert.deepEqual(global, { render: 'function', keys: ['get', 'render', 'scan', 'version'], canvases: 1 });
  const ours = warnings.filter((w) => /CommuneCharts/.test(w));
  assert.equal(ours.length, 1, warnings.join('\n'));
  assert.match(ours[0], /already set by the page; the widget replaces it/);
  await context.close();
});
