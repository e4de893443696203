// The hostile-input corpus (tests/hostile/cases.json) in Chromium, through the embed: every case
// is rendered into its own element with CommuneCharts.render (raw-byte and table cases through
// data-src, served by page.route), on one page that also holds a valid control chart. For each case: the
// expected data-state and alert text, pointer and keyboard reading of drawn charts, no element or
// attribute from the data in the DOM, no script from the data run (window.__pwned), no page
// error or console error (a wasm panic shows as a RuntimeError "unreachable"); then the element
// is destroyed. At the end the control chart and a freshly rendered one are still ready.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, openPage } from './browser.mjs';
import { manifestText, expand, MANIFEST_PATH } from '../hostile/generate.mjs';

// HOSTILE_ONLY=substring runs the cases whose name contains it; HOSTILE_VERBOSE=1 prints each result.
const ONLY = process.env.HOSTILE_ONLY || '';
const VERBOSE = Boolean(process.env.HOSTILE_VERBOSE);
const MIN_CASES = 300;
const BATCH = 40;
/** A case must settle within this; the page must stay responsive. */
const CASE_BUDGET_MS = 10_000;
/** A call into the page that takes longer than this means the tab froze. */
const FROZEN_MS = 120_000;

/** `promise`, or a rejection naming `what` once the tab has not answered for FROZEN_MS. */
function unlessFrozen(promise, what) {
  let timer;
  const frozen = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the tab froze: no answer after ${FROZEN_MS / 1000} s in ${what}`)), FROZEN_MS);
  });
  return Promise.race([promise, frozen]).finally(() => clearTimeout(timer));
}

const env = useBrowser();

const manifestOnDisk = readFileSync(MANIFEST_PATH, 'utf8');
const manifest = JSON.parse(manifestOnDisk);

test('the manifest is the generator\'s current output and has enough cases', () => {
  assert.ok(manifestOnDisk === manifestText(),
    'tests/hostile/cases.json is stale: run `node tests/hostile/generate.mjs` and commit its output');
  assert.ok(manifest.cases.length >= MIN_CASES, `only ${manifest.cases.length} cases`);
  assert.equal(new Set(manifest.cases.map((c) => c.name)).size, manifest.cases.length, 'case names are unique');
});

const CONTROL = JSON.stringify({
  title: 'Số đảng viên',
  communes: [
    { name: 'Mồ Sì San', members: 89, cells: 9, targets: { met: 3, over80: 3, behind: 5 } },
    { name: 'Pa Vây Sử', members: 86, cells: 11, targets: { met: 13, over80: 8, behind: 10 } },
    { name: 'Đức Thọ', members: 2989, cells: 77 },
  ],
});

/** In the page: a runner for one case, and a watch on every element added anywhere. */
function installRunner() {
  // What the chart itself creates; anything else in the page came from data.
  const ALLOWED = new Set(['DIV', 'CANVAS', 'SPAN', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'BUTTON', 'STRONG', 'PRE',
    // The search box of charts of 20 or more communes (src/web/find.rs).
    'LABEL', 'INPUT']);
  const foreign = [];
  const look = (node) => {
    if (node.nodeType !== 1) return;
    for (const n of [node, ...node.querySelectorAll('*')]) {
      if (!ALLOWED.has(n.tagName)) foreign.push(n.tagName);
      for (const a of n.attributes) {
        const url = /^(href|src|srcdoc|action|formaction|xlink:href)$/i.test(a.name) && /javascript:/i.test(a.value);
        if (/^on/i.test(a.name) || url) foreign.push(`${n.tagName}[${a.name}]`);
      }
    }
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) look(n);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  // Shadow trees too (a document observer does not see into them).
  const { attachShadow } = Element.prototype;
  Element.prototype.attachShadow = function (...args) {
    const root = attachShadow.apply(this, args);
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
  const { part, parts, deepQueryAll, shownTooltips } = window[Symbol.for('commune-test-dom')];

  // Uncaught errors, rejections and console errors, for the case that caused them (the page
  // listeners of openPage() see them too, for anything outside a case).
  const pageErrors = [];
  window.addEventListener('error', (e) => pageErrors.push(`error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => pageErrors.push(`unhandled rejection: ${e.reason}`));
  const consoleError = console.error.bind(console);
  console.error = (...args) => { pageErrors.push(`console.error: ${args.join(' ')}`); consoleError(...args); };

  const main = document.getElementById('main');
  const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  /** Some pixels of the canvas differ from its background: the chart was really drawn. */
  function painted(canvas) {
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const h = Math.min(canvas.height, 600);
    const data = ctx.getImageData(0, 0, canvas.width, h).data;
    let differ = 0;
    for (let i = 4; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) differ++;
    }
    return differ;
  }

  /** Keyboard, then pointer and tap, over a drawn chart: the wasm hit-test, readouts, tooltip. */
  function read(el, canvas) {
    const tips = [];
    const tip = () => {
      const t = shownTooltips()[0];
      if (t) tips.push(t.textContent);
    };
    canvas.focus();
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'End', 'ArrowUp', 'Home', 'ArrowRight']) {
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
      tip();
    }
    const live = part(el, '[aria-live]');
    const announced = live ? live.textContent : null;
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, composed: true }));
    canvas.blur();
    const r = canvas.getBoundingClientRect();
    const fire = (type, x, y) => canvas.dispatchEvent(new PointerEvent(type, {
      clientX: r.left + x, clientY: r.top + y, bubbles: true, composed: true, pointerType: 'mouse', isPrimary: true,
    }));
    const ys = [-1, 0, 30, 60, 90, r.height / 2, r.height - 30, r.height - 1, r.height + 5];
    const xs = [-1, 0, 20, r.width * 0.3, r.width * 0.5, r.width * 0.7, r.width * 0.95, r.width - 1, r.width + 5];
    for (const y of ys) {
      for (const x of xs) {
        fire('pointermove', x, y);
        tip();
      }
    }
    canvas.dispatchEvent(new MouseEvent('click', { clientX: r.left + r.width / 2, clientY: r.top + 40, bubbles: true, composed: true }));
    canvas.dispatchEvent(new PointerEvent('pointerleave', { bubbles: false }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    return { tips: tips.length, tipSample: tips.slice(0, 2), live: announced };
  }

  window.__hostile = {
    take: () => foreign.splice(0),
    async run(c) {
      const el = document.createElement('div');
      main.appendChild(el);
      let errorEvent = null;
      el.addEventListener('commune-chart:error', (e) => { errorEvent = e.detail; });
      const t0 = performance.now();
      let rejected = null;
      let chart = null;
      try {
        if (c.src) {
          el.setAttribute('data-commune-chart', c.kind);
          el.setAttribute('data-src', c.src);
          await window.CommuneCharts.scan(el, { lazy: false });
          chart = window.CommuneCharts.get(el);
        } else {
          chart = await window.CommuneCharts.render(el, c.text, { kind: c.kind });
        }
      } catch (e) {
        rejected = e;
        chart = e && e.chart;
      }
      const out = { name: c.name, ms: Math.round(performance.now() - t0), state: el.dataset.state };
      const alert = part(el, '[role=alert]');
      out.alert = alert ? alert.textContent : null;
      out.problems = rejected && rejected.problems ? rejected.problems.map((p) => p.message) : null;
      out.eventProblems = errorEvent && errorEvent.problems ? errorEvent.problems.length : null;
      out.rejectedWithout = rejected && !rejected.problems ? String(rejected) : null;
      const canvas = part(el, 'canvas[role=img]');
      out.canvas = Boolean(canvas);
      try {
        if (canvas && out.state === 'ready') {
          out.label = canvas.getAttribute('aria-label');
          out.size = [canvas.width, canvas.height];
          out.painted = painted(canvas);
          Object.assign(out, read(el, canvas));
          out.tableRows = parts(el, 'table tr').length;
        }
        if (chart && chart.destroy) chart.destroy();
      } catch (e) {
        // A trapped (panicked) wasm instance throws on every later call.
        out.thrown = String(e && e.stack ? e.stack : e).slice(0, 400);
      }
      out.leftInElement = el.childElementCount;
      el.remove();
      out.tooltipsLeft = deepQueryAll('[role=tooltip]').length;
      await settle();
      // Anything the data added (seen by the observer) and any script it ran, for this case.
      out.foreign = foreign.splice(0);
      out.pwned = window.__pwned;
      out.errors = pageErrors.splice(0);
      return out;
    },
  };
}

/** The expected outcome in the browser: the case's, or its browser override. */
function browserExpect(c) {
  return c.browser && c.browser.expect !== undefined ? c.browser.expect : c.expect;
}

const srcOf = (c) => `/hostile-bytes/${encodeURIComponent(c.name)}`;

function judge(c, r) {
  const problems = [];
  const expect = browserExpect(c);
  if (r.ms > CASE_BUDGET_MS) problems.push(`took ${r.ms} ms`);
  if (r.thrown) problems.push(`reading or destroying the chart threw: ${r.thrown}`);
  if (r.tooltipsLeft) problems.push(`${r.tooltipsLeft} tooltip(s) left in the page after destroy()`);
  if (r.leftInElement) problems.push(`${r.leftInElement} node(s) left in the element after destroy()`);
  if (expect === 'ready') {
    if (r.state !== 'ready') problems.push(`expected ready, got data-state=${r.state}: ${(r.alert || r.rejectedWithout || '').slice(0, 400)}`);
    else {
      if (!r.canvas) problems.push('ready without a canvas');
      if (!r.label || !r.label.trim()) problems.push('ready without an aria-label summary');
      if (!(r.painted > 50)) problems.push(`the canvas (${r.size}) is blank: ${r.painted} pixels differ from the background`);
      if (!(r.tableRows > 1)) problems.push('no data table');
      if (!(r.tips > 0)) problems.push('neither pointer nor keyboard brought up a readout (tooltip)');
      if (!r.live || !r.live.trim()) problems.push('keyboard reading announced nothing in the live region');
    }
  } else {
    const subs = [].concat(expect.error).map((e) => e.split('{{SRC}}').join(srcOf(c)));
    if (r.state !== 'error') problems.push(`expected an error containing ${JSON.stringify(subs)}, got data-state=${r.state}`);
    else if (r.alert == null) problems.push('error state without a role=alert element');
    else {
      const missing = subs.filter((s) => !r.alert.includes(s));
      if (missing.length) problems.push(`alert lacks ${JSON.stringify(missing)}; it says: ${r.alert.slice(0, 600)}`);
      if (c.body == null && !c.format) { // (data-src charts are scanned: nothing rejects)
        if (!r.problems || r.problems.length === 0) problems.push('render() did not reject with problems');
        else if (!r.alert.includes(r.problems[0])) problems.push('the first problem is not in the alert');
      }
      if (!(r.eventProblems > 0)) problems.push('no commune-chart:error event with problems');
    }
  }
  return problems;
}

test('every hostile case, rendered in Chromium through the embed', async () => {
  const started = Date.now();
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/blank.html`, { width: 1280, height: 900 });
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');

  // Raw-byte cases: data-src answered with exactly these bytes. Tables (`format`): served as
  // text/csv or text/tab-separated-values, which makes the widget read them as tables.
  const bodies = new Map();
  for (const c of manifest.cases) if (c.body != null || c.format) bodies.set(c.name, c);
  const TABLE_TYPES = { csv: 'text/csv; charset=utf-8', tsv: 'text/tab-separated-values; charset=utf-8' };
  await page.route('**/hostile-bytes/**', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.slice('/hostile-bytes/'.length));
    const c = bodies.get(name);
    if (!c) return route.fulfill({ status: 404, body: 'no such case' });
    const body = c.format ? Buffer.from(c.table != null ? c.table : expand(c.generate), 'utf8') : Buffer.from(c.body, 'base64');
    return route.fulfill({ status: 200, headers: { 'content-type': c.format ? TABLE_TYPES[c.format] : c.contentType, 'cache-control': 'no-store' }, body });
  });

  await page.evaluate(installRunner);
  // The detectors work: markup injected on purpose is seen, and its script runs.
  const canary = await page.evaluate(async () => {
    const d = document.createElement('div');
    d.innerHTML = '<img src="data:," onerror="window.__pwned=\'canary\'">';
    document.body.appendChild(d);
    for (let i = 0; i < 50 && window.__pwned === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    d.remove();
    const out = { pwned: window.__pwned, foreign: window.__hostile.take() };
    delete window.__pwned;
    return out;
  });
  assert.equal(canary.pwned, 'canary', 'the __pwned canary ran');
  assert.deepEqual(canary.foreign, ['IMG', 'IMG[onerror]'], 'the DOM watch sees injected markup');
  errors.splice(0);
  const control = await page.evaluate(async (text) => {
    const el = document.createElement('div');
    el.id = 'control';
    document.getElementById('main').appendChild(el);
    await window.CommuneCharts.render(el, text, { kind: 'overview' });
    return el.dataset.state;
  }, CONTROL);
  assert.equal(control, 'ready', 'the control chart draws');

  const failures = [];
  const counts = {};
  let ran = 0;
  let skipped = 0;
  const slow = [];
  const check = async (c, r) => {
    const category = c.name.split('/')[0];
    counts[category] = (counts[category] || 0) + 1;
    const problems = judge(c, r);
    if (VERBOSE) console.log(JSON.stringify({ ...r, alert: r.alert && r.alert.slice(0, 200) }));
    if (r.pwned !== undefined) problems.push(`window.__pwned = ${r.pwned}: script from the data ran`);
    if (r.foreign.length) problems.push(`elements or attributes from the data reached the DOM: ${r.foreign.join(', ')}`);
    if (r.errors.length) problems.push(`page errors: ${r.errors.join(' | ').slice(0, 600)}`);
    if (problems.length) failures.push(`${c.name}: ${problems.join('; ')}`);
    slow.push([r.ms, c.name]);
    ran++;
  };
  const runOne = async (c, payload) => {
    await check(c, await unlessFrozen(page.evaluate((p) => window.__hostile.run(p), payload), c.name));
    pageLevel(c.name);
  };
  // What Playwright saw (pageerror, console errors), including anything outside the runner.
  const pageLevel = (where) => {
    if (errors.length) failures.push(`${where}: page/console errors: ${errors.splice(0).join(' | ').slice(0, 600)}`);
  };

  const small = [];
  const corpus = async () => {
    for (const c of manifest.cases) {
      if ((c.browser && c.browser.skip) || !c.name.includes(ONLY)) { skipped++; continue; }
      if (c.body != null || c.format) {
        await runOne(c, { name: c.name, kind: c.kind, src: srcOf(c) });
      } else if (c.generate) {
        // Large: one case per call, the text expanded here exactly as hostile.rs does.
        await runOne(c, { name: c.name, kind: c.kind, text: expand(c.generate) });
      } else {
        small.push(c);
      }
    }
    for (let i = 0; i < small.length; i += BATCH) {
      const batch = small.slice(i, i + BATCH);
      const where = `${batch[0].name} … ${batch[batch.length - 1].name}`;
      const results = await unlessFrozen(page.evaluate(async (list) => {
        const out = [];
        for (const p of list) out.push(await window.__hostile.run(p));
        return out;
      }, batch.map((c) => ({ name: c.name, kind: c.kind, text: c.json }))), `the batch ${where}`);
      for (let j = 0; j < batch.length; j++) await check(batch[j], results[j]);
      pageLevel(where);
    }

    // The page survived: the control chart is still drawn, a new chart draws, nothing leaked.
    const end = await unlessFrozen(page.evaluate(async (text) => {
      const control = document.getElementById('control');
      const fresh = document.createElement('div');
      document.getElementById('main').appendChild(fresh);
      let state;
      try {
        await window.CommuneCharts.render(fresh, text, { kind: 'targets' });
        state = fresh.dataset.state;
      } catch (e) {
        state = `rejected: ${e}`;
      }
      const { part } = window[Symbol.for('commune-test-dom')];
      const canvas = part(fresh, 'canvas[role=img]');
      return {
        control: control.dataset.state,
        controlCanvas: Boolean(part(control, 'canvas[role=img]')),
        fresh: state,
        freshLabel: canvas && canvas.getAttribute('aria-label'),
        mainChildren: document.getElementById('main').childElementCount,
        pwned: window.__pwned,
      };
    }, CONTROL), 'the final checks');
    const after = (ok, what) => { if (!ok) failures.push(`after the corpus: ${what}`); };
    after(end.control === 'ready', `the control chart is ${end.control}, not ready`);
    after(end.controlCanvas, 'the control chart lost its canvas');
    after(end.fresh === 'ready', `a chart rendered after the corpus is ${end.fresh}`);
    after(/\S/.test(end.freshLabel || ''), 'a chart rendered after the corpus has no summary');
    after(end.mainChildren === 2, `${end.mainChildren - 2} case element(s) were left in the page`);
    after(end.pwned === undefined, `window.__pwned = ${end.pwned}`);
    pageLevel('the final checks');
  };
  try {
    await corpus();
  } catch (e) {
    // A frozen or crashed tab ends the run; what was found so far is still reported.
    failures.push(`the run stopped: ${e.message}`);
  }

  slow.sort((a, b) => b[0] - a[0]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`hostile corpus in Chromium: ${ran} cases (${skipped} skipped) in ${seconds} s; `
    + `slowest: ${slow.slice(0, 5).map(([ms, n]) => `${n} ${ms} ms`).join(', ')}`);
  console.log(Object.entries(counts).map(([k, v]) => `  ${k}: ${v}`).join('\n'));
  await context.close();
  if (!ONLY) assert.ok(ran >= MIN_CASES, `only ${ran} cases ran in the browser`);
  assert.deepEqual(failures, [], `${failures.length} of ${ran} hostile cases failed in Chromium:\n${failures.join('\n')}`);
});
