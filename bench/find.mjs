// The search box at 3,321 communes (issue 18): the time from a keystroke to its suggestions in the
// DOM, commune-charts only (the others have no search box). Run by bench/run.mjs (BENCH_ONLY=find
// for this part alone); what is measured: bench/README.md, "Find".
import { summary, log } from './stats.mjs';
import { PROFILES } from './cold.mjs';

export const FIND_N = 3321;
/** What a reader types for communes of the data (names like `Xã Mồ Sì San 123`, bench/pages/data.js):
 *  the name without `Xã` and without marks, one key at a time. Between two the box is emptied (not
 *  measured). */
const TYPED = [1233, 2344, 2999, 16];

/** In the page: each keystroke's time from its keydown (the document's first listener, capture) to
 *  the first change under the search box (a MutationObserver: the options and the box's state,
 *  written by the `input` handler). */
function probe() {
  const root = document.querySelector('#host [data-commune-chart-root]').shadowRoot;
  const input = root.querySelector('input[type=search]');
  const list = root.getElementById(input.getAttribute('aria-controls'));
  const f = (window.__find = { samples: [], t0: 0, measure: false, options: () => [...list.children].map((o) => o.textContent) });
  document.addEventListener('keydown', () => { f.t0 = performance.now(); }, true);
  new MutationObserver(() => {
    if (f.t0 && f.measure) f.samples.push(performance.now() - f.t0);
    f.t0 = 0;
  }).observe(input.parentElement, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** `keystrokes` measured keystrokes (after one warm-up query) on each profile: desktop, and the
 *  phone (375 × 812 at DPR 3, touch, CPU 4× slower through the DevTools protocol). */
export async function runFind(browser, base, { keystrokes = 20, profiles = ['desktop', 'phone'] } = {}) {
  const out = {};
  for (const name of profiles) {
    const p = PROFILES[name];
    console.error(`==> Find: keystroke → suggestions, ${FIND_N.toLocaleString('en')} communes, ${name} (${keystrokes} keystrokes)`);
    const context = await browser.newContext({
      viewport: p.viewport, deviceScaleFactor: p.dpr, isMobile: p.mobile, hasTouch: p.mobile, colorScheme: 'light',
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${base}/bench/ours.html`);
    await page.waitForFunction(() => typeof window.CommuneCharts === 'object', null, { timeout: 30000 });
    await page.addScriptTag({ url: '/bench/data.js' });
    await page.addScriptTag({ url: '/bench/harness.js' });
    await page.evaluate((n) => window.Bench.setup(n), FIND_N);
    await page.evaluate(probe);
    const cdp = await context.newCDPSession(page);
    if (p.cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpuRate });
    const input = page.locator('#host input[type=search]');
    await input.focus();
    const clear = async () => {
      await page.evaluate(() => { window.__find.measure = false; });
      await input.fill('');
      await page.evaluate(() => { window.__find.measure = true; });
    };
    await page.keyboard.type('dao san'); // warm-up
    await clear();
    const queries = await page.evaluate(([at, n]) => at.map((i) => BenchData.communes(n)[i].name.normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/^xa /, '')), [TYPED, FIND_N]);
    const last = [];
    for (const q of queries) {
      if ((await page.evaluate(() => window.__find.samples.length)) >= keystrokes) break;
      for (const ch of q) {
        if ((await page.evaluate(() => window.__find.samples.length)) >= keystrokes) break;
        await page.keyboard.type(ch);
      }
      last.push({ query: await input.inputValue(), suggestions: await page.evaluate(() => window.__find.options()) });
      await clear();
    }
    const samples = await page.evaluate(() => window.__find.samples);
    await context.close();
    if (errors.length) throw new Error(`find (${name}): page errors:\n${errors.join('\n')}`);
    const notes = last.filter((l) => !l.suggestions.length).map((l) => `no suggestion for «${l.query}»`);
    for (const n of notes) log('NOTE:', n);
    out[name] = { viewport: p.viewport, dpr: p.dpr, cpuRate: p.cpuRate, ms: summary(samples.slice(0, keystrokes)), queries: last, notes };
  }
  return out;
}
