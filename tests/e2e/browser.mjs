// Shared Playwright setup: Debian's Chromium, kept off the network, and the local static server.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { inflateSync } from 'node:zlib';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--font-render-hinting=none',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
    args: CHROMIUM_ARGS,
  });
}

export async function serve() {
  const server = await startServer(0);
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** One Chromium and one local server for a test file, started before its tests and closed after:
 *  read `env.browser` and `env.base` inside the tests. */
export function useBrowser() {
  const env = { browser: null, server: null, base: '' };
  before(async () => {
    env.browser = await launch();
    ({ server: env.server, base: env.base } = await serve());
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

/** A page that records uncaught errors and console errors. */
export async function openPage(browser, url, { width = 1280, height = 900, dpr = 1, dark = false, touch = false } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: dpr, colorScheme: dark ? 'dark' : 'light', hasTouch: touch, isMobile: touch,
  });
  await prepareContext(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  return { page, context, errors };
}

/** The blank fixture page with the widget loaded (`window.CommuneCharts` defined). */
export async function openBlank(env, opts, query = '') {
  const r = await openPage(env.browser, `${env.base}/fixtures/pages/blank.html${query}`, opts);
  await r.page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  return r;
}

/** Renders `text` as chart `kind` into a fresh element of the blank page (with `attrs`), and
 *  returns what a user sees: its state, alert text, quoted line (`<pre>`), preview warnings
 *  (waited for when `data-preview` is set: the explanations module is fetched), data table
 *  text, the rejection's problems and the last ready/error event's detail. */
export function renderIn(page, text, kind, attrs = {}) {
  return page.evaluate(async ({ text, kind, attrs }) => {
    const el = document.createElement('div');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.getElementById('main').appendChild(el);
    let detail = null;
    el.addEventListener('commune-chart:error', (e) => { detail = e.detail; });
    el.addEventListener('commune-chart:ready', (e) => { detail = e.detail; });
    let problems = null;
    try {
      await window.CommuneCharts.render(el, text, { kind });
    } catch (e) {
      problems = e.problems;
    }
    const { part, parts, isShown } = window[Symbol.for('commune-test-dom')];
    if (attrs['data-preview'] != null) {
      for (let i = 0; i < 200 && !part(el, '[data-commune-chart-warnings]'); i++) await new Promise((r) => setTimeout(r, 25));
    }
    const alert = part(el, '[role=alert]');
    const warnings = parts(el, '[role=status]').filter((w) => isShown(w) && w.innerText.trim());
    const table = part(el, 'table');
    return {
      state: el.dataset.state,
      alert: alert ? alert.innerText : null,
      excerpt: alert && alert.querySelector('pre') ? alert.querySelector('pre').textContent : null,
      warnings: warnings.map((w) => w.innerText),
      table: table ? table.textContent : null,
      problems,
      detail: detail && { message: detail.message, kind: detail.kind, problems: detail.problems },
    };
  }, { text, kind, attrs });
}

/** Every chart on the page drawn (or failed): charts below the fold are drawn lazily, so this
 *  asks for all of them now through the public API, then waits for their `data-state`. */
export async function settleAll(page, timeout = 15000) {
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object', null, { timeout });
  await page.evaluate(() => { window.CommuneCharts.scan(document, { lazy: false }); });
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-commune-chart]')].every((e) => ['ready', 'error'].includes(e.dataset.state)),
    null, { timeout },
  );
}

// ---------------------------------------------------------------------------------------------
// Shadow-aware DOM helpers. The widget's nodes may be in the light DOM inside the chart element
// (a wrapper div; the tooltip in <body>) or in an open shadow root of a `<div
// data-commune-chart-root>` host inside the element. Playwright locators pierce open shadow
// roots; document.querySelector inside page.evaluate does not, so tests reach widget nodes
// through these helpers, installed in every page of a context by prepareContext():
//   const { deepQueryAll, chartRoot } = window[Symbol.for('commune-test-dom')];
// (a symbol, so the page gets no new global name: the one-global tests still hold).

export const DOM_KEY = 'commune-test-dom';

/** Init script (runs in the page, before its scripts): the helpers at window[Symbol.for(DOM_KEY)]. */
export function installDomHelpers() {
  const key = Symbol.for('commune-test-dom');
  if (window[key]) return;
  /** The parent element, crossing from a shadow root to its host. */
  const composedParent = (n) => {
    if (n.parentElement) return n.parentElement;
    const root = n.parentNode;
    return root && root.host ? root.host : null;
  };
  /** Every element matching `selector` in `root` (a document, shadow root or element) and in
   *  every open shadow root below it, light DOM first. */
  const deepQueryAll = (selector, root = document) => {
    const out = [];
    const visit = (r) => {
      out.push(...r.querySelectorAll(selector));
      for (const e of r.querySelectorAll('*')) if (e.shadowRoot) visit(e.shadowRoot);
    };
    if (root.nodeType === 1 && root.shadowRoot) visit(root.shadowRoot);
    visit(root);
    return out;
  };
  const deepQuery = (selector, root = document) => deepQueryAll(selector, root)[0] ?? null;
  /** The node the widget's parts live in: the shadow root of the element's
   *  [data-commune-chart-root] host (or of the element itself), else the element. */
  const chartRoot = (el) => {
    if (!el) return null;
    if (el.shadowRoot) return el.shadowRoot;
    const host = [...el.children].find((c) => c.matches('[data-commune-chart-root]')) || el.querySelector('[data-commune-chart-root]');
    return host && host.shadowRoot ? host.shadowRoot : el;
  };
  /** The chart element a widget node belongs to (its [data-commune-chart] or [data-state]
   *  element, or the parent of the [data-commune-chart-root] host), across shadow roots. */
  const chartOf = (node) => {
    for (let n = node; n; n = composedParent(n)) {
      if (n.nodeType !== 1) continue;
      if (n.hasAttribute('data-commune-chart') || n.hasAttribute('data-state')) return n;
      if (n.hasAttribute('data-commune-chart-root') && n.parentElement) return n.parentElement;
    }
    return null;
  };
  /** One part of a chart: `selector` inside its root (`el` is the element or a CSS selector). */
  const part = (el, selector) => {
    const e = typeof el === 'string' ? document.querySelector(el) : el;
    return e ? deepQuery(selector, chartRoot(e)) : null;
  };
  const parts = (el, selector) => {
    const e = typeof el === 'string' ? document.querySelector(el) : el;
    return e ? deepQueryAll(selector, chartRoot(e)) : [];
  };
  /** The focused element, inside shadow roots. */
  const activeElement = () => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };
  /** Rendered and not visibility:hidden, with a non-empty box. */
  const isShown = (e) => {
    if (!e || !e.isConnected || !e.checkVisibility({ visibilityProperty: true })) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  /** The tooltips a reader sees now, anywhere in the page. */
  const shownTooltips = () => deepQueryAll('[role=tooltip]').filter(isShown);
  const tooltipText = () => { const t = shownTooltips()[0]; return t ? t.innerText : null; };
  /** The part of `e`'s box a reader can see: its rect clipped by every ancestor that clips
   *  (overflow other than visible, `clip`, `clip-path`), across shadow roots. */
  const visibleRect = (e) => {
    const r = e.getBoundingClientRect();
    let [l, t, rt, b] = [r.left, r.top, r.right, r.bottom];
    if (!e.checkVisibility({ visibilityProperty: true })) return { width: 0, height: 0, left: l, top: t };
    for (let a = composedParent(e); a; a = composedParent(a)) {
      const cs = getComputedStyle(a);
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.clip !== 'auto' || cs.clipPath !== 'none') {
        if (a === document.documentElement || a === document.body) continue; // the viewport scrolls
        const ar = a.getBoundingClientRect();
        l = Math.max(l, ar.left); t = Math.max(t, ar.top); rt = Math.min(rt, ar.right); b = Math.min(b, ar.bottom);
        if (/^rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)$/.test(cs.clip) || /inset\(50%/.test(cs.clipPath)) { rt = l; b = t; }
      }
    }
    return { width: Math.max(0, rt - l), height: Math.max(0, b - t), left: l, top: t };
  };
  /** Elements inside `el`, its shadow roots included (not `el` itself). */
  const deepCount = (el) => deepQueryAll('*', el).length;
  /** Every canvas in the document and its open shadow roots. */
  const canvases = () => deepQueryAll('canvas');
  /** Pixels of a canvas that differ from its top-left pixel (the background). */
  const painted = (c) => {
    if (!c.width || !c.height) return 0;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 4; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) n++;
    return n;
  };
  Object.defineProperty(window, key, {
    value: Object.freeze({
      composedParent, deepQueryAll, deepQuery, chartRoot, chartOf, part, parts, activeElement, isShown,
      shownTooltips, tooltipText, visibleRect, deepCount, canvases, painted,
    }),
  });
}

/** Installs the DOM helpers in every page and frame of `context` (before their scripts). */
export async function prepareContext(context) {
  await context.addInitScript(installDomHelpers);
  return context;
}

/** The visible tooltip's text (innerText), or null. */
export const tooltipText = (page) => page.evaluate(() => window[Symbol.for('commune-test-dom')].tooltipText());

/** The chart's data-table toggle (the button with aria-expanded), as a Playwright locator. */
export const tableToggle = (page, chartSelector) => page.locator(`${chartSelector} button[aria-expanded]`);

/** In the page: the rows of the chart's data table as it is now (header rows apart). */
function tableNow(selector) {
  const { chartRoot, deepQueryAll } = window[Symbol.for('commune-test-dom')];
  const el = document.querySelector(selector);
  if (!el) return null;
  const trs = deepQueryAll('table tr', chartRoot(el));
  const header = [];
  const body = [];
  for (const tr of trs) {
    const cells = [...tr.children].map((c) => c.textContent);
    const isHead = tr.parentElement.tagName === 'THEAD' || (body.length === 0 && [...tr.children].every((c) => c.tagName === 'TH'));
    (isHead ? header : body).push(cells);
  }
  return { header, body, key: body.map((r) => r.join('\u0001')).join('\u0002') };
}

/** In the page: the enabled buttons of the data table's wrapper (the largest ancestor of the
 *  table inside the chart that does not hold the table toggle), with their accessible names. */
function pagerButtons(selector) {
  const { chartRoot, deepQuery, composedParent, isShown } = window[Symbol.for('commune-test-dom')];
  const el = document.querySelector(selector);
  const root = chartRoot(el);
  const table = deepQuery('table', root);
  if (!table) return [];
  const toggle = deepQuery('button[aria-expanded]', root);
  const stop = root.host || root;
  let wrapper = table;
  for (let a = composedParent(table); a && a !== stop && a !== el && !(toggle && a.contains(toggle)); a = composedParent(a)) wrapper = a;
  const name = (b) => {
    const label = b.getAttribute('aria-label');
    if (label) return label.trim();
    const by = b.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => b.getRootNode().getElementById(id)?.textContent ?? '').join(' ').trim();
    return (b.textContent || b.title || '').replace(/\s+/g, ' ').trim();
  };
  return [...wrapper.querySelectorAll('button, [role=button]')]
    .filter((b) => b !== toggle && isShown(b) && !b.disabled && b.getAttribute('aria-disabled') !== 'true')
    .map((b) => name(b));
}

const word = (words) => new RegExp(`(?<!\\p{L})(${words})(?!\\p{L})`, 'iu');
const NEXT = new RegExp(`${word('next|sau|tiếp|tiếp theo').source}|›|→|^>$`, 'iu');
const PREV = new RegExp(`${word('prev|previous|trước').source}|‹|←|^<$`, 'iu');
const FIRST = new RegExp(`${word('first|đầu|đầu tiên').source}|«|⏮`, 'iu');

/** Every row of a chart's data table as a reader can reach it. When the table is paged, the
 *  toggle opens it (closed again at the end: the pager stays where reading ended) and its pager buttons (found by role and name inside the table's wrapper:
 *  first/previous to the start, then next; or, without such names, any button that shows rows
 *  not seen yet) are pressed until every page was read. Returns { header, body }. */
export async function readWholeTable(page, chartSelector, { maxPages = 2000 } = {}) {
  const chart = page.locator(chartSelector);
  const now = () => page.evaluate(tableNow, chartSelector);
  const press = async (name) => {
    const before = (await now()).key;
    await chart.getByRole('button', { name, exact: true }).first().click();
    // The new page: wait until the rows changed (a pager at its end changes nothing).
    for (let i = 0; i < 40; i++) {
      const t = await now();
      if (t.key !== before) return t;
      await page.waitForTimeout(25);
    }
    return null;
  };
  let table = await now();
  const header = table.header;
  if (!(await page.evaluate(pagerButtons, chartSelector)).length) return { header, body: table.body };
  // Paged: open the table as a sighted reader does (and close it again after reading).
  const toggle = tableToggle(page, chartSelector).first();
  const opened = (await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) !== 'true';
  if (opened) await toggle.click();
  let buttons = await page.evaluate(pagerButtons, chartSelector);
  table = await now();
  // To the first page.
  for (let i = 0; i < maxPages; i++) {
    const first = buttons.find((b) => FIRST.test(b)) ?? buttons.find((b) => PREV.test(b));
    if (!first) break;
    const t = await press(first);
    if (!t) break;
    table = t;
    buttons = await page.evaluate(pagerButtons, chartSelector);
  }
  const body = [...table.body];
  const seen = new Set([table.key]);
  for (let i = 0; i < maxPages; i++) {
    const next = buttons.find((b) => NEXT.test(b) && !PREV.test(b));
    let t = null;
    if (next) {
      t = await press(next);
    } else if (buttons.some((b) => PREV.test(b) || FIRST.test(b))) {
      break; // a previous/next pager whose "next" is gone or disabled: this was the last page
    } else {
      // No button named like "next": any button that shows a page not read yet (numbered pagers).
      for (const b of buttons) {
        t = await press(b);
        if (t && !seen.has(t.key)) break;
        t = null;
      }
    }
    if (!t || seen.has(t.key)) break;
    seen.add(t.key);
    body.push(...t.body);
    buttons = await page.evaluate(pagerButtons, chartSelector);
  }
  if (opened) await toggle.click();
  return { header, body };
}

/** Reads the whole table (readWholeTable) until `ok(table)` holds or `timeout` ms pass; returns
 *  the last reading either way (the caller asserts on it). */
export async function waitForTable(page, chartSelector, ok, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const t = await readWholeTable(page, chartSelector);
    if (ok(t) || Date.now() > end) return t;
    await page.waitForTimeout(50);
  }
}

// ---------------------------------------------------------------------------------------------
// Screen pixels: what a reader sees, from a Playwright screenshot (PNG, decoded here).


/** Decodes an 8-bit, non-interlaced PNG (what Chromium's screenshots are) to RGBA. */
export function decodePng(buf) {
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('decodePng: only 8-bit non-interlaced PNG');
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = { 2: 3, 6: 4, 0: 1, 4: 2 }[colorType];
  if (!channels) throw new Error(`decodePng: colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a); const pb = Math.abs(p - b); const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + x] = v & 255;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 4; k++) {
      rgba[i * 4 + k] = channels >= 3 ? (k < 3 ? px[i * channels + k] : (channels === 4 ? px[i * channels + 3] : 255))
        : (k < 3 ? px[i * channels] : (channels === 2 ? px[i * channels + 1] : 255));
    }
  }
  return { width, height, data: rgba };
}

/** A screenshot of `clip` (CSS px), one pixel per CSS px, transitions finished. With
 *  `hideTooltips`, shown tooltips are made invisible for the shot (and restored): the pixels are
 *  the chart's and its highlight's alone. */
export async function screenPixels(page, clip, { hideTooltips = false } = {}) {
  const toggle = (hide) => page.evaluate((h) => {
    const { shownTooltips, deepQueryAll } = window[Symbol.for('commune-test-dom')];
    if (h) {
      for (const t of shownTooltips()) {
        t.dataset.testHidden = `${t.style.getPropertyValue('visibility')}|${t.style.getPropertyPriority('visibility')}`;
        t.style.setProperty('visibility', 'hidden', 'important');
      }
    } else {
      for (const t of deepQueryAll('[data-test-hidden]')) {
        const [v, p] = t.dataset.testHidden.split('|');
        t.style.removeProperty('visibility');
        if (v) t.style.setProperty('visibility', v, p);
        delete t.dataset.testHidden;
      }
    }
  }, hide);
  if (hideTooltips) await toggle(true);
  try {
    return decodePng(await page.screenshot({ clip, scale: 'css', animations: 'disabled', caret: 'hide' }));
  } finally {
    if (hideTooltips) await toggle(false);
  }
}

/** The pixels that differ between two screenshots of the same clip (each channel by more than
 *  `tolerance`), outside the `exclude` rects (in the clip's CSS px): their count and bounding box. */
export function screenDiff(a, b, { exclude = [], tolerance = 8 } = {}) {
  let count = 0;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < Math.min(a.height, b.height); y++) {
    for (let x = 0; x < Math.min(a.width, b.width); x++) {
      if (exclude.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)) continue;
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      if (Math.abs(a.data[i] - b.data[j]) > tolerance || Math.abs(a.data[i + 1] - b.data[j + 1]) > tolerance || Math.abs(a.data[i + 2] - b.data[j + 2]) > tolerance) {
        count++;
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      }
    }
  }
  return { count, box: count ? { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 } : null };
}



/** The page's errors without the browser's own request for a favicon. */
export const realErrors = (errors) => errors.filter((e) => !/favicon/.test(e));

/** The playground (www/playground.html) with its first chart drawn. */
export async function openPlayground(env, opts) {
  const r = await openPage(env.browser, `${env.base}/playground.html`, opts);
  await r.page.waitForFunction(() => document.getElementById('chart').dataset.state === 'ready', null, { timeout: 15000 });
  return r;
}
