// Security and isolation, in real Chromium: the widget under a strict Content-Security-Policy,
// markup in every string of the data, a portal stylesheet that targets everything, and a
// thousand render/update/destroy cycles with wasm memory, nodes, listeners and observers counted.
// Pages: tests/fixtures/pages/{csp,xss,portal,leak}.html (xss.json is xss.html's data, for data-src).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  useBrowser, settleAll, prepareContext, tableToggle, screenPixels, screenDiff,
} from './browser.mjs';

const env = useBrowser();

const KINDS = ['members', 'cells', 'members-per-cell', 'targets', 'indicators', 'overview'];

/** A page with init scripts installed before anything loads; records page and console errors. */
async function newPage({ width = 1280, height = 900, dpr = 1, init = [] } = {}) {
  const context = await prepareContext(await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr }));
  const page = await context.newPage();
  const errors = [];
  const consoleAll = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    consoleAll.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') errors.push(m.text());
  });
  for (const fn of init) await page.addInitScript(fn);
  return { page, context, errors, consoleAll };
}

/** In the page: how many pixels of each chart's canvas (canvas[role=img]) differ from its
 *  top-left (background) pixel. */
function paintedPixels() {
  const { parts, chartOf } = window[Symbol.for('commune-test-dom')];
  return [...document.querySelectorAll('[data-commune-chart]')].flatMap((el) => parts(el, 'canvas[role=img]')).map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 4; i < d.length; i += 4) {
      if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) n++;
    }
    return { id: chartOf(c).id, painted: n, width: c.width, height: c.height };
  });
}

/** The visible tooltip's text (textContent), or null. */
const tooltipText = (page) => page.evaluate(() => {
  const t = window[Symbol.for('commune-test-dom')].shownTooltips()[0];
  return t ? t.textContent : null;
});

/** Moves the real mouse over a chart in a grid; every distinct tooltip text seen. */
async function sweep(page, id, { step = 6, xs = [0.1, 0.25, 0.4, 0.55, 0.7, 0.85] } = {}) {
  const canvas = page.locator(`#${id} canvas[role=img]`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const seen = new Set();
  for (let y = 2; y < box.height; y += step) {
    for (const fx of xs) {
      await page.mouse.move(box.x + box.width * fx, box.y + y);
      const t = await tooltipText(page);
      if (t) seen.add(t);
    }
  }
  await page.mouse.move(0, 0);
  return [...seen];
}

// ---------------------------------------------------------------------------------------------
// 1. Content-Security-Policy

/** Init script: every CSP violation, from the DOM event and from the Reporting API. */
function recordViolations() {
  const seen = [];
  Object.defineProperty(window, Symbol.for('csp-violations'), { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push({ via: 'event', directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, file: e.sourceFile, line: e.lineNumber });
  }, true);
  if (typeof ReportingObserver === 'function') {
    new ReportingObserver((reports) => {
      for (const r of reports) seen.push({ via: 'report', directive: r.body.effectiveDirective, blocked: r.body.blockedURL, sample: r.body.sample });
    }, { types: ['csp-violation'], buffered: true }).observe();
  }
}

const violations = (page) => page.evaluate(() => window[Symbol.for('csp-violations')].slice());

/** Opens csp.html served with `policy` as its Content-Security-Policy header. */
async function openWithPolicy(policy, opts) {
  const r = await newPage({ ...opts, init: [recordViolations] });
  await r.page.route('**/fixtures/pages/csp.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  const response = await r.page.goto(`${env.base}/fixtures/pages/csp.html`);
  assert.equal(response.headers()['content-security-policy'], policy, 'the page is served with the policy');
  return r;
}

// The policy of the issue, and the strictest one the widget works under: nothing but its own
// script, its wasm (compiled: 'wasm-unsafe-eval') and same-origin fetches (the .wasm, data-src);
// no style source at all (the widget styles through CSSOM, which CSP does not restrict), no
// images or fonts, and Trusted Types enforced with no policy (no HTML sink is ever used).
const POLICIES = {
  'the issue\'s policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'",
  'style-src \'self\' without \'unsafe-inline\'': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
  'the minimal policy': "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'none'; "
    + "img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'; "
    + "require-trusted-types-for 'script'; trusted-types 'none'",
};

for (const [name, policy] of Object.entries(POLICIES)) {
  test(`CSP (${name}): every kind draws, the invalid chart alerts, nothing is blocked`, async () => {
    const { page, context, errors, consoleAll } = await openWithPolicy(policy);
    await settleAll(page);
    const states = await page.$$eval('[data-commune-chart]', (els) => els.map((e) => `${e.id}:${e.dataset.state}`));
    assert.deepEqual(states, [...KINDS.map((k) => `csp-${k}:ready`), 'csp-invalid:error']);
    // Drawn: every canvas has ink, at the size its inline styles give it.
    const drawn = await page.evaluate(paintedPixels);
    assert.equal(drawn.length, KINDS.length);
    for (const c of drawn) assert.ok(c.painted > 2000, `${c.id}: ${c.painted} pixels drawn on ${c.width}x${c.height}`);
    // The widget's styles (inline through CSSOM, or a constructed sheet) took effect: the table is
    // visually hidden (clipped to at most 1 px by an out-of-flow box), the canvas sized.
    const styled = await page.evaluate(() => [...document.querySelectorAll('[data-commune-chart][data-state=ready]')].map((el) => {
      const { part, visibleRect, composedParent } = window[Symbol.for('commune-test-dom')];
      const canvas = part(el, 'canvas[role=img]');
      const table = part(el, 'table');
      let clipper = table;
      while (clipper && clipper.getBoundingClientRect().height > 1) clipper = composedParent(clipper);
      return {
        id: el.id, canvasCss: canvas.getBoundingClientRect().width, backing: canvas.width,
        tableSeen: visibleRect(table).height, position: clipper && getComputedStyle(clipper).position,
      };
    }));
    for (const s of styled) {
      assert.equal(s.backing, Math.round(s.canvasCss), `${s.id}: canvas CSS width applied`);
      assert.ok(s.tableSeen <= 1 && ['absolute', 'fixed'].includes(s.position), `${s.id}: data table visually hidden (${JSON.stringify(s)})`);
    }
    const alert = await page.textContent('#csp-invalid [role=alert]');
    assert.match(alert, /dòng 4, cột 51/);
    // Hover and keyboard under the policy: the tooltip (styled and positioned inline) shows.
    const tips = await sweep(page, 'csp-members', { step: 8, xs: [0.3, 0.6] });
    assert.ok(tips.some((t) => t.includes('Đức Thọ') && t.includes('2.989')), `tooltips: ${tips.join(' | ')}`);
    await page.focus('#csp-targets canvas[role=img]');
    await page.keyboard.press('ArrowDown');
    assert.match(await page.textContent('#csp-targets [aria-live]'), /^Mồ Sì San\. /);
    await tableToggle(page, '#csp-members').click();
    const tableHeight = await page.evaluate(() => {
      const { part, visibleRect } = window[Symbol.for('commune-test-dom')];
      return visibleRect(part('#csp-members', 'table')).height;
    });
    assert.ok(tableHeight > 60, `the data table opens (${tableHeight} px)`);

    const found = await violations(page);
    assert.deepEqual(found, [], 'no securitypolicyviolation');
    assert.deepEqual(consoleAll.filter((m) => /Content.Security.Policy|Trusted.?Type|Refused to/i.test(m)), [], 'no CSP message on the console');
    assert.deepEqual(errors, []);

    // The detectors work under this policy: an inline style attribute set by other code is
    // reported (this is what setAttribute('style', …) or a <style> element in the widget would do).
    await page.evaluate(() => {
      const d = document.createElement('div');
      document.body.appendChild(d);
      d.setAttribute('style', 'color: red');
    });
    await page.waitForFunction(() => window[Symbol.for('csp-violations')].length > 0);
    const canary = await violations(page);
    assert.ok(canary.some((v) => v.via === 'event' && v.directive === 'style-src-attr'), JSON.stringify(canary));
    await context.close();
  });
}

test('CSP without \'wasm-unsafe-eval\': the violation is seen (the detector and the header work)', async () => {
  const { page, context } = await openWithPolicy("default-src 'self'; script-src 'self'");
  await page.waitForFunction(() => window[Symbol.for('csp-violations')].some((v) => v.blocked === 'wasm-eval'), null, { timeout: 15000 });
  const states = await page.$$eval('[data-commune-chart]', (els) => els.map((e) => e.dataset.state));
  assert.ok(!states.includes('ready'), `nothing can draw without wasm: ${states}`);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// 2. Markup in the data

/** Init script: every element, and every on… or javascript: attribute, added anywhere. */
function watchDom() {
  const added = [];
  Object.defineProperty(window, Symbol.for('added'), { value: added });
  const look = (node) => {
    if (node.nodeType !== 1) return;
    for (const n of [node, ...node.querySelectorAll('*')]) {
      added.push(n.tagName);
      for (const a of n.attributes) {
        if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) added.push(`${n.tagName}[${a.name}=${a.value}]`);
      }
    }
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) look(n);
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.documentElement, { childList: true, subtree: true }), { once: true });
  // Shadow trees (open or closed) are watched too: a mutation observer on the document does not see into them.
  const { attachShadow } = Element.prototype;
  Element.prototype.attachShadow = function (...args) {
    const root = attachShadow.apply(this, args);
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
}

const XSS = JSON.parse(readFileSync(new URL('../fixtures/pages/xss.json', import.meta.url), 'utf8'));
/** Every string the data puts in the DOM as text, as written in the data. */
const XSS_STRINGS = [
  XSS.title,
  ...XSS.communes.map((c) => c.name),
  ...XSS.communes.map((c) => c.district || c.province).filter(Boolean),
  ...new Set(XSS.communes.flatMap((c) => Object.keys(c.cellKinds || {}))),
  ...XSS.indicators.flatMap((i) => [i.unit, i.name, i.measure]),
];
/** What the widget itself creates inside a chart element (and its shadow root; tooltips may be in <body>). */
const OWN_TAGS = new Set(['DIV', 'CANVAS', 'SPAN', 'TABLE', 'CAPTION', 'TBODY', 'TR', 'TH', 'TD', 'BUTTON', 'STRONG', 'PRE']);

test('XSS: markup in every string of the data is shown as text and never becomes an element', async () => {
  const { page, context, errors } = await newPage({ width: 1280, height: 900, init: [watchDom] });
  await page.goto(`${env.base}/fixtures/pages/xss.html`);
  await settleAll(page);
  const states = await page.$$eval('[data-commune-chart]', (els) => els.map((e) => `${e.id}:${e.dataset.state}`));
  assert.deepEqual(states, [
    ...KINDS.map((k) => `xss-${k}:ready`),
    'xss-bad-field:error', 'xss-bad-syntax:error', 'xss-bad-kind:error', 'xss-bad-value:error', 'xss-bad-src:error',
  ]);

  // Read every chart as readers do: hover, Tab + arrows, the table toggle.
  const tooltips = [];
  for (const k of KINDS) tooltips.push(...await sweep(page, `xss-${k}`, { step: 9, xs: [0.15, 0.4, 0.65, 0.9] }));
  const announced = [];
  await page.mouse.click(2, 2);
  for (const k of KINDS) {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((id) => {
        const { activeElement, part } = window[Symbol.for('commune-test-dom')];
        return activeElement() === part(`#${id}`, 'canvas[role=img]');
      }, `xss-${k}`)) break;
    }
    assert.equal(await page.evaluate(() => {
      const { activeElement, chartOf } = window[Symbol.for('commune-test-dom')];
      return chartOf(activeElement())?.id;
    }), `xss-${k}`, 'Tab reaches the chart');
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'ArrowRight' : 'ArrowDown');
      announced.push(await page.textContent(`#xss-${k} [aria-live]`));
      const t = await tooltipText(page);
      if (t) tooltips.push(t);
    }
    await page.keyboard.press('Escape');
    await tableToggle(page, `#xss-${k}`).click();
  }
  const text = await page.evaluate(() => {
    const { part, deepQueryAll, visibleRect } = window[Symbol.for('commune-test-dom')];
    return Object.fromEntries([...document.querySelectorAll('[data-commune-chart]')].map((el) => {
      const table = part(el, 'table');
      const all = deepQueryAll('*', el);
      return [el.id, {
        label: part(el, 'canvas[role=img]')?.getAttribute('aria-label') ?? null,
        table: table?.textContent ?? null,
        tableShown: table ? visibleRect(table).height : 0,
        tableHtml: table?.innerHTML ?? '',
        alert: part(el, '[role=alert]')?.textContent ?? null,
        tags: all.filter((n) => !(n.tagName === 'SCRIPT' && n.type === 'application/json' && n.parentElement === el)).map((n) => n.tagName),
        attrs: all.flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${n.tagName}[${a.name}]`)),
      }];
    }));
  });
  const tooltipTags = await page.evaluate(() => window[Symbol.for('commune-test-dom')].deepQueryAll('[role=tooltip]')
    .flatMap((t) => [t, ...t.querySelectorAll('*')]).map((e) => e.tagName));
  await page.waitForTimeout(300); // an injected <img onerror> or <svg onload> would have fired by now
  const after = await page.evaluate(() => ({ xss: window.__xss, added: window[Symbol.for('added')].slice() }));

  assert.equal(after.xss, undefined, 'no script from the data ran');
  for (const [id, t] of Object.entries(text)) {
    const foreign = t.tags.filter((tag) => !OWN_TAGS.has(tag));
    assert.deepEqual(foreign, [], `${id}: only the widget's own elements (${[...new Set(t.tags)].join(' ')})`);
    assert.deepEqual(t.attrs, [], `${id}: no event-handler or javascript: attribute`);
  }
  assert.ok(tooltipTags.length > 0, 'the tooltips were found');
  assert.deepEqual(tooltipTags.filter((tag) => !OWN_TAGS.has(tag)), [], 'tooltips hold only the widget\'s elements');
  const addedForeign = after.added.filter((tag) => !OWN_TAGS.has(tag));
  assert.deepEqual(addedForeign, [], 'nothing else was added anywhere in the document');

  // The markup is there, verbatim, as text: in the tooltips, the live region, the table, the label.
  const allTips = tooltips.join('\n');
  const allTables = KINDS.map((k) => text[`xss-${k}`].table).join('\n');
  for (const s of XSS_STRINGS) {
    assert.ok(allTips.includes(s) || allTables.includes(s), `«${s}» shown as text`);
  }
  for (const c of XSS.communes) {
    assert.ok(allTips.includes(c.name), `tooltip shows «${c.name}»`);
    assert.ok(text['xss-members'].table.includes(c.name), `table shows «${c.name}»`);
  }
  for (const k of Object.keys(XSS.communes[0].cellKinds)) assert.ok(allTips.includes(k) && text['xss-cells'].table.includes(k), `cell kind «${k}»`);
  for (const i of XSS.indicators) {
    for (const s of [i.unit, i.name, i.measure]) assert.ok(text['xss-indicators'].table.includes(s) && allTips.includes(s), `indicator text «${s}»`);
  }
  for (const k of KINDS) {
    assert.ok(text[`xss-${k}`].table.startsWith(XSS.title), `xss-${k}: the caption is the title, as text`);
    assert.ok(text[`xss-${k}`].tableShown > 60, `xss-${k}: the table toggle shows the table`);
    assert.ok(!/<img|<script|<svg|<iframe/i.test(text[`xss-${k}`].tableHtml.replace(/&lt;/g, '')), `xss-${k}: table HTML holds only escaped markup`);
  }
  assert.ok(announced.some((a) => a.includes(XSS.communes[0].name)), `live region: ${announced.slice(0, 3).join(' | ')}`);
  assert.ok(announced.some((a) => a.includes(XSS.communes[1].name)));
  assert.ok(text['xss-members'].label.includes(XSS.communes[2].name), `aria-label: ${text['xss-members'].label}`);
  // The alerts quote the markup as text.
  assert.ok(text['xss-bad-field'].alert.includes('<img src=x onerror="window.__xss=\'field\'">'), text['xss-bad-field'].alert);
  assert.ok(text['xss-bad-syntax'].alert.includes('"<svg onload=window.__xss=\'syntax\'>" "<img src=x onerror=window.__xss=\'syntax\'>"'), text['xss-bad-syntax'].alert);
  assert.ok(text['xss-bad-kind'].alert.includes('<img src=x onerror=window.__xss=\'kind\'>'), text['xss-bad-kind'].alert);
  assert.ok(text['xss-bad-value'].alert.includes('("<img src=x onerror=window.__xss=\'value'), text['xss-bad-value'].alert); // quoted, shortened with …
  assert.ok(text['xss-bad-src'].alert.includes('<img src=x onerror=window.__xss=\'src\'>'), text['xss-bad-src'].alert);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);

  // The detectors work: markup put in with innerHTML is seen and its script runs.
  await page.evaluate(() => { document.querySelector('#xss-members').insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__xss=\'canary\'">'); });
  await page.waitForFunction(() => window.__xss === 'canary');
  assert.ok((await page.evaluate(() => window[Symbol.for('added')].slice())).includes('IMG[onerror=window.__xss=\'canary\']'));
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// 3. A portal's stylesheet

/** Init script: the window's own properties and the page's CSS just before the widget's script
 *  element is inserted (the portal's <style> is parsed by then; nothing has run yet). */
function snapshotBeforeWidget() {
  const state = { globals: null, css: null };
  Object.defineProperty(window, Symbol.for('before-widget'), { value: state });
  const cssNow = () => ({
    sheets: document.styleSheets.length,
    rules: [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0),
    adopted: document.adoptedStyleSheets.length,
    head: document.head ? [...document.head.children].map((e) => e.tagName) : [],
    styleElements: document.querySelectorAll('style, link[rel~=stylesheet]').length,
  });
  Object.defineProperty(window, Symbol.for('css-now'), { value: cssNow });
  const take = () => {
    if (state.globals) return;
    state.globals = Object.getOwnPropertyNames(window);
    state.keys = Object.keys(window);
    state.css = cssNow();
  };
  new MutationObserver((records, observer) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeName === 'SCRIPT' && /commune-charts\.js/.test(n.src || '')) {
          take();
          observer.disconnect();
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** In the page: the bars of one colour in a canvas, as CSS-px rows (from the pixels). */
function barRows([chart, hex]) {
  const c = window[Symbol.for('commune-test-dom')].part(chart, 'canvas[role=img]');
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const rows = [];
  let start = -1;
  let xs = [];
  for (let y = 0; y <= c.height; y++) {
    let first = -1;
    let last = -1;
    if (y < c.height) {
      for (let x = 0; x < c.width; x++) {
        const i = (y * c.width + x) * 4;
        if (Math.abs(d[i] - r) < 6 && Math.abs(d[i + 1] - g) < 6 && Math.abs(d[i + 2] - b) < 6) {
          if (first < 0) first = x;
          last = x;
        }
      }
    }
    if (first >= 0 && last - first > 2) {
      if (start < 0) { start = y; xs = [first, last]; }
    } else if (start >= 0) {
      rows.push({ y0: start, y1: y, x0: xs[0], x1: xs[1] });
      start = -1;
    }
  }
  const rect = c.getBoundingClientRect();
  const sx = rect.width / c.width;
  const sy = rect.height / c.height;
  return rows.filter((row) => row.y1 - row.y0 > 6).map((row) => ({
    x: rect.left + ((row.x0 + row.x1) / 2) * sx, y: rect.top + ((row.y0 + row.y1) / 2) * sy,
  }));
}

test('portal CSS: charts keep their size, pixels, hit-testing, tooltip, table and alert; one global, no page CSS', async () => {
  const dpr = 3;
  const { page, context, errors } = await newPage({ width: 1280, height: 900, dpr, init: [snapshotBeforeWidget] });
  await page.goto(`${env.base}/fixtures/pages/portal.html`);
  await settleAll(page);
  const states = await page.$$eval('[data-commune-chart]', (els) => els.map((e) => `${e.id}:${e.dataset.state}`));
  assert.deepEqual(states, [...KINDS.map((k) => `portal-${k}:ready`), 'portal-invalid:error']);

  // Every canvas, once scrolled to (charts far from the viewport give their pixels back): drawn,
  // its backing store is its CSS size x DPR, and it fits in its element.
  const geometry = [];
  for (const id of KINDS.map((k) => `portal-${k}`)) {
    await page.evaluate((i) => document.getElementById(i).scrollIntoView({ block: 'center' }), id);
    await page.waitForFunction((i) => window[Symbol.for('commune-test-dom')].parts(document.getElementById(i), 'canvas').every((c) => c.width > 0), id, { timeout: 3000 }).catch(() => {});
    geometry.push(...await page.evaluate((i) => {
      const host = document.getElementById(i);
      return window[Symbol.for('commune-test-dom')].parts(host, 'canvas').map((c) => {
        const r = c.getBoundingClientRect();
        const h = host.getBoundingClientRect();
        const cs = getComputedStyle(c);
        return {
          id: host.id, role: c.getAttribute('role'), cssW: r.width, cssH: r.height, w: c.width, h: c.height,
          border: cs.borderTopWidth, padding: cs.paddingTop, inside: r.left >= h.left - 0.5 && r.right <= h.right + 0.5,
          painted: c.width ? window[Symbol.for('commune-test-dom')].painted(c) : 0,
        };
      });
    }, id));
  }
  assert.deepEqual(geometry.filter((g) => g.role === 'img').map((g) => g.id), KINDS.map((k) => `portal-${k}`), 'one chart canvas per chart');
  for (const g of geometry) {
    const what = `${g.id} ${g.role || 'overlay'}: ${JSON.stringify(g)}`;
    assert.equal(g.w, Math.round(g.cssW * dpr), `backing width = CSS width x DPR (${what})`);
    assert.equal(g.h, Math.round(g.cssH * dpr), `backing height = CSS height x DPR (${what})`);
    assert.ok(g.cssH > 100, `not squashed (${what})`);
    assert.equal(g.border, '0px', what);
    assert.equal(g.padding, '0px', what);
    assert.ok(g.inside, `inside its element (${what})`);
  }
  for (const c of geometry) assert.ok(c.painted > 2000 * dpr * dpr, `${c.id}: ${c.painted} pixels drawn`);

  // Hit-testing: hovering the middle of each bar found in the pixels names that bar's commune,
  // and the highlight a reader sees lies over that bar (the screen changes on its row only).
  const canvasSel = '#portal-members canvas[role=img]';
  await page.locator(canvasSel).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window[Symbol.for('commune-test-dom')].part('#portal-members', 'canvas[role=img]').width > 0);
  const bars = await page.evaluate(barRows, ['#portal-members', '#1f5fa8']);
  assert.equal(bars.length, 3, `three bars in the members chart: ${JSON.stringify(bars)}`);
  const cbox = await page.locator(canvasSel).boundingBox();
  const clip = { x: cbox.x, y: cbox.y, width: cbox.width, height: cbox.height };
  await page.mouse.move(0, 0);
  const unhovered = await screenPixels(page, clip);
  const readouts = [];
  const highlights = [];
  for (const b of bars) {
    await page.mouse.move(b.x, b.y);
    const tip = await page.evaluate(() => {
      const t = window[Symbol.for('commune-test-dom')].shownTooltips()[0];
      if (!t) return null;
      const r = t.getBoundingClientRect();
      const cs = getComputedStyle(t);
      // The type size of every element that holds the readout's text.
      const sizes = [t, ...t.querySelectorAll('*')].filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
        .map((e) => getComputedStyle(e).fontSize);
      return {
        text: t.innerText, visible: cs.display !== 'none' && cs.visibility === 'visible' && r.width > 50 && r.height > 20,
        inViewport: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
        fontSize: [...new Set(sizes)].join(' '),
      };
    });
    readouts.push(tip);
    const diff = screenDiff(unhovered, await screenPixels(page, clip, { hideTooltips: true }));
    highlights.push({ bar: b.y - clip.y, ...diff });
  }
  for (const h of highlights) {
    const others = highlights.map((o) => o.bar).filter((y) => y !== h.bar);
    assert.ok(h.count >= 20 && h.box.y <= h.bar && h.box.y + h.box.height >= h.bar && others.every((y) => y < h.box.y || y > h.box.y + h.box.height),
      `the highlight lies over the hovered bar, not the others (${others}): ${JSON.stringify(h)}`);
  }
  assert.deepEqual(readouts.map((t) => t && t.text), [
    'Mồ Sì San (Phong Thổ)\nĐảng viên: 89\nHạng 2/3', 'Pa Vây Sử (Phong Thổ)\nĐảng viên: 86\nHạng 3/3',
    'Đức Thọ (Hà Tĩnh)\nĐảng viên: 2.989\nHạng 1/3',
  ], 'the hovered bar\'s commune, as written (no text-transform)');
  for (const t of readouts) {
    assert.ok(t.visible && t.inViewport, `tooltip visible in the viewport: ${JSON.stringify(t)}`);
    assert.equal(t.fontSize, '13px', 'the tooltip keeps its own type size');
  }
  await page.mouse.move(0, 0);

  // Keyboard: the focus ring shows and the live region is in the accessibility tree.
  await page.focus(canvasSel);
  await page.keyboard.press('ArrowDown');
  const focus = await page.evaluate(() => {
    const { activeElement, chartOf, part } = window[Symbol.for('commune-test-dom')];
    const c = activeElement();
    const live = part(chartOf(c), '[aria-live]');
    return { outline: getComputedStyle(c).outlineStyle, liveDisplay: getComputedStyle(live).display, live: live.textContent };
  });
  assert.equal(focus.outline, 'solid', 'focus ring visible');
  assert.notEqual(focus.liveDisplay, 'none', 'the live region is not display:none (screen readers hear it)');
  assert.equal(focus.live, 'Mồ Sì San (Phong Thổ). Đảng viên: 89; Hạng 2/3');
  const tree = await page.locator('#portal-members').ariaSnapshot();
  assert.match(tree, /img "Biểu đồ số đảng viên/);
  assert.match(tree, /table "Số đảng viên của ba đảng bộ xã"/);
  await page.keyboard.press('Escape');

  // The data table toggle, and the error alert, are visible and readable.
  const toggle = tableToggle(page, '#portal-members');
  assert.ok(await toggle.isVisible(), 'the table toggle is visible');
  await toggle.click();
  const table = await page.evaluate(() => {
    const t = window[Symbol.for('commune-test-dom')].part('#portal-members', 'table');
    const cell = t.querySelector('td');
    return {
      height: t.getBoundingClientRect().height, width: t.getBoundingClientRect().width, rows: t.querySelectorAll('tr').length,
      cellFont: getComputedStyle(cell).fontSize, headWeight: getComputedStyle(t.querySelector('th')).fontWeight, text: t.innerText,
    };
  });
  assert.ok(table.height > 60 && table.rows === 4, `the table opens: ${JSON.stringify(table)}`);
  assert.equal(table.cellFont, '13px', 'the table keeps its own type size');
  assert.equal(table.headWeight, '700', 'header cells stay bold');
  assert.match(table.text, /Đức Thọ\s+2\.989/);
  const alert = await page.evaluate(() => {
    const a = window[Symbol.for('commune-test-dom')].part('#portal-invalid', '[role=alert]');
    const r = a.getBoundingClientRect();
    return { display: getComputedStyle(a).display, height: r.height, text: a.innerText, headingWeight: getComputedStyle(a.querySelector('strong')).fontWeight };
  });
  assert.ok(alert.display !== 'none' && alert.height > 30, `the alert is visible: ${JSON.stringify(alert)}`);
  assert.equal(alert.headingWeight, '700', 'the alert\'s heading stays bold');
  assert.match(alert.text, /communes\[0\]\.member/);
  assert.match(alert.text, /Có phải ý bạn là "members"\?/);

  // One global, and nothing added to the page's CSS.
  const globals = await page.evaluate(() => {
    const before = window[Symbol.for('before-widget')];
    return {
      added: Object.getOwnPropertyNames(window).filter((k) => !before.globals.includes(k)),
      addedKeys: Object.keys(window).filter((k) => !before.keys.includes(k)),
      cssBefore: before.css,
      cssAfter: window[Symbol.for('css-now')](),
    };
  });
  assert.deepEqual(globals.added, ['CommuneCharts'], 'own properties of window');
  assert.deepEqual(globals.addedKeys, ['CommuneCharts'], 'Object.keys(window)');
  assert.deepEqual(globals.cssAfter, globals.cssBefore, 'styleSheets, rules, adoptedStyleSheets, <head> unchanged');
  assert.deepEqual(globals.cssBefore, { sheets: 1, rules: 17, adopted: 0, head: ['META', 'META', 'LINK', 'TITLE', 'STYLE'], styleElements: 1 });
  assert.deepEqual(errors, []);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// 4. Leaks over a thousand render / update / destroy cycles

/** Init script: the wasm memory (and tables) when the module is instantiated, live event
 *  listeners on every target (MediaQueryLists included), live observer registrations. */
function instrument() {
  const probe = { memories: [], tables: [], listeners: 0, observed: { ResizeObserver: 0, IntersectionObserver: 0, MutationObserver: 0 } };
  Object.defineProperty(window, Symbol.for('probe'), { value: probe });
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const v of Object.values(instance.exports)) {
      if (v instanceof WebAssembly.Memory) probe.memories.push(v);
      if (v instanceof WebAssembly.Table) probe.tables.push(v);
    }
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = function (...args) { return instantiate.apply(this, args).then(keep); };
  if (instantiateStreaming) WebAssembly.instantiateStreaming = function (...args) { return instantiateStreaming.apply(this, args).then(keep); };

  // Listeners: a registration is (target, type, callback, capture), as the DOM dedupes them.
  const live = new Map(); // target -> Set of keys
  const ids = new WeakMap();
  let nextId = 0;
  const keyOf = (type, fn, options) => {
    if (!ids.has(fn)) ids.set(fn, ++nextId);
    const capture = typeof options === 'boolean' ? options : Boolean(options && options.capture);
    return `${type}|${ids.get(fn)}|${capture}`;
  };
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, fn, options) {
    if (fn && !(options && options.once)) {
      if (!live.has(this)) live.set(this, new Set());
      live.get(this).add(keyOf(type, fn, options));
    }
    return addEventListener.call(this, type, fn, options);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, options) {
    if (fn && live.has(this)) {
      const set = live.get(this);
      set.delete(keyOf(type, fn, options));
      if (set.size === 0) live.delete(this);
    }
    return removeEventListener.call(this, type, fn, options);
  };
  probe.countListeners = () => [...live.values()].reduce((n, s) => n + s.size, 0);

  // Observers: live (observer, target) registrations.
  for (const name of Object.keys(probe.observed)) {
    const Base = window[name];
    if (typeof Base !== 'function') continue;
    const Counted = class extends Base {
      constructor(...args) { super(...args); this.targets = new Set(); }
      observe(target, ...rest) {
        if (!this.targets.has(target)) { this.targets.add(target); probe.observed[name]++; }
        return super.observe(target, ...rest);
      }
      unobserve(target) {
        if (this.targets.delete(target)) probe.observed[name]--;
        return super.unobserve(target);
      }
      disconnect() {
        probe.observed[name] -= this.targets.size;
        this.targets.clear();
        return super.disconnect();
      }
    };
    Object.defineProperty(window, name, { value: Counted, writable: true, configurable: true });
  }
}

test('leaks: 1,000 render/update/destroy cycles over every kind leave wasm memory, nodes, listeners and observers as they were', async () => {
  const CYCLES = 1000;
  const WARMUP = 20;
  const { page, context, errors } = await newPage({ width: 1280, height: 900, init: [instrument] });
  await page.goto(`${env.base}/fixtures/pages/leak.html`);
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOMDebugger.enable').catch(() => {});

  const seed = readFileSync(new URL('../fixtures/seed.json', import.meta.url), 'utf8');
  const data2 = JSON.parse(seed);
  data2.communes.forEach((c, i) => { c.members += 10 * (i + 1); if (c.targets) c.targets.met += 1; });
  data2.indicators[0].percentOfPlan = 87.5;
  data2.title = 'Cập nhật';

  // Cycles run inside the page, in batches; with pointer and keyboard use on some of them so
  // the tooltip, highlight and live region are created (and must be removed) too.
  const runCycles = (from, to) => page.evaluate(async ([from, to, kinds, d1, d2]) => {
    const host = document.getElementById('host');
    for (let i = from; i < to; i++) {
      const kind = kinds[i % kinds.length];
      const c = await window.CommuneCharts.render(host, d1, { kind });
      await c.update(d2);
      if (i % 10 === 0) {
        const { part } = window[Symbol.for('commune-test-dom')];
        const canvas = part(host, 'canvas[role=img]');
        const r = canvas.getBoundingClientRect();
        for (let y = 20; y < r.height; y += 25) {
          canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + r.width * 0.4, clientY: r.top + y, bubbles: true, composed: true, pointerType: 'mouse' }));
        }
        canvas.focus();
        canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true, composed: true }));
        part(host, 'button[aria-expanded]').click();
      }
      c.destroy();
    }
  }, [from, to, KINDS, seed, JSON.stringify(data2)]);

  const objectId = async (expression) => (await cdp.send('Runtime.evaluate', { expression })).result.objectId;
  const cdpListeners = async (expression, depth = 0) => (await cdp.send('DOMDebugger.getEventListeners', { objectId: await objectId(expression), depth, pierce: true })).listeners.length;
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const inPage = await page.evaluate(() => {
      const p = window[Symbol.for('probe')];
      const { deepQueryAll, deepCount } = window[Symbol.for('commune-test-dom')];
      return {
        wasmMemoryBytes: p.memories.map((m) => m.buffer.byteLength),
        wasmTables: p.tables.map((t) => t.length),
        documentNodes: deepQueryAll('*').length,
        hostNodes: deepCount(document.getElementById('host')),
        hostChildren: document.getElementById('host').childNodes.length,
        tooltips: deepQueryAll('[role=tooltip]').length,
        hostState: document.getElementById('host').getAttribute('data-state'),
        liveListeners: p.countListeners(),
        observers: { ...p.observed },
      };
    });
    const heap = await cdp.send('Runtime.getHeapUsage');
    return {
      ...inPage,
      cdpListeners: {
        window: await cdpListeners('window'),
        document: await cdpListeners('document', -1),
        host: await cdpListeners('document.getElementById("host")', -1),
      },
      jsHeapUsedBytes: heap.usedSize,
    };
  };

  const initial = await measure();
  await runCycles(0, WARMUP);
  const warm = await measure();
  const t0 = Date.now();
  for (let i = WARMUP; i < WARMUP + CYCLES; i += 100) await runCycles(i, Math.min(i + 100, WARMUP + CYCLES));
  const seconds = (Date.now() - t0) / 1000;
  const end = await measure();
  console.log(`leaks: ${CYCLES} cycles (render + update + destroy, ${KINDS.length} kinds, 1 in 10 read by pointer and keyboard) in ${seconds.toFixed(1)} s`);
  for (const [name, m] of [['before any chart', initial], [`after ${WARMUP} warm-up cycles`, warm], [`after ${CYCLES} more cycles`, end]]) {
    console.log(`  ${name}: ${JSON.stringify(m)}`);
  }

  assert.ok(warm.wasmMemoryBytes.length === 1 && warm.wasmMemoryBytes[0] > 0, 'the wasm memory was found');
  assert.deepEqual(end.wasmMemoryBytes, warm.wasmMemoryBytes, 'wasm memory did not grow after the warm-up');
  assert.deepEqual(end.wasmTables, warm.wasmTables, 'wasm tables (JS references held by wasm) did not grow');
  for (const m of [warm, end]) {
    assert.equal(m.documentNodes, initial.documentNodes, 'document element count');
    assert.equal(m.hostChildren, 0, 'nothing left in the element');
    assert.equal(m.tooltips, 0, 'no tooltip left in the page');
    assert.equal(m.hostState, null, 'data-state removed');
    assert.equal(m.liveListeners, initial.liveListeners, 'live event listeners (all targets)');
    assert.deepEqual(m.cdpListeners, initial.cdpListeners, 'event listeners on window, document and the element (CDP)');
    assert.deepEqual(m.observers, initial.observers, 'live ResizeObserver/IntersectionObserver/MutationObserver registrations');
  }
  assert.ok(end.jsHeapUsedBytes - warm.jsHeapUsedBytes < 2_000_000, `JS heap grew by ${end.jsHeapUsedBytes - warm.jsHeapUsedBytes} bytes`);

  // The counters do count: a drawn chart shows up in every one of them.
  await page.evaluate(async (d) => { window.__kept = await window.CommuneCharts.render(document.getElementById('host'), d, { kind: 'overview' }); }, seed);
  const withChart = await measure();
  assert.ok(withChart.hostNodes > 10 && withChart.liveListeners > end.liveListeners && withChart.cdpListeners.host > 0
    && withChart.cdpListeners.document > end.cdpListeners.document && withChart.observers.ResizeObserver > end.observers.ResizeObserver,
  `a live chart is counted: ${JSON.stringify(withChart)}`);
  await page.evaluate(() => window.__kept.destroy());
  assert.deepEqual(errors, []);
  await context.close();
});
