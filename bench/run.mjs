// `make bench`: commune-charts against Chart.js 4 (full and tree-shaken), uPlot and a
// hand-written Canvas2D "floor", in ONE headless Chromium. First chart and repeat visit on a
// desktop and a slow-4G phone profile (bench/cold.mjs); re-render, hover and memory at several
// sizes against Chart.js and the floor (here). Prints tables of medians with ratios and writes
// the same, with every sample, to bench/results/latest.json.
// What is measured and how: bench/README.md. Never part of `make test` (no timing assertions).
//
// Environment: BENCH_ONLY=cold (only the first-chart part), BENCH_ONLY=render (only re-render,
// hover, memory) or BENCH_ONLY=find (only the search box: keystroke → suggestions, bench/find.mjs);
// BENCH_PROFILES (desktop,phone); BENCH_COLD_N (60 communes);
// BENCH_PHONE_RUNS (15) and BENCH_DESKTOP_RUNS (15) rounds, BENCH_COLD_WARMUP (1), BENCH_DWELL_MS (2500);
// BENCH_RUNS (default 7) and BENCH_WARMUP (2) re-renders per contender and size,
// BENCH_RUNS_10K (default 7) for 10,000 communes, BENCH_HOVER (200 moves),
// BENCH_QUICK=1 (3 runs, 1 warm-up, 40 moves, 2 first-chart rounds: a smoke test of the bench itself).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { startBenchServer } from './server.mjs';
import { buildPeers } from './build.mjs';
import { runFirstChart, firstChartTable } from './cold.mjs';
import { runFind, FIND_N } from './find.mjs';
import { root, num, log, median, summary, bytesOf, fmtMs, fmtKB, fmtMB, ratio, textTable } from './stats.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const env = process.env;
const quick = env.BENCH_QUICK === '1';
const ONLY = env.BENCH_ONLY || '';
if (!['', 'cold', 'render', 'find'].includes(ONLY)) throw new Error(`BENCH_ONLY=${ONLY}: cold, render or find`);
const RUNS = num(env.BENCH_RUNS, quick ? 3 : 7);
const RUNS_10K = num(env.BENCH_RUNS_10K, quick ? 3 : RUNS);
const WARMUP = num(env.BENCH_WARMUP, quick ? 1 : 2);
const HOVER_MOVES = num(env.BENCH_HOVER, quick ? 40 : 200);
const HOVER_BATCH = 20;
const COLD_N = num(env.BENCH_COLD_N, 60);
const COLD_RUNS = { desktop: num(env.BENCH_DESKTOP_RUNS, quick ? 2 : 15), phone: num(env.BENCH_PHONE_RUNS, quick ? 2 : 15) };
const COLD_WARMUP = num(env.BENCH_COLD_WARMUP, 1);
const COLD_DWELL = num(env.BENCH_DWELL_MS, 2500);
const PROFILES = (env.BENCH_PROFILES || 'desktop,phone').split(',').map((x) => x.trim()).filter(Boolean);

const CONTENDERS = ['ours', 'chartjs', 'floor'];
const NAMES = { ours: 'commune-charts', chartjs: 'Chart.js', floor: 'floor', oursPreload: 'commune-charts with wasm preload' };
const PAGE = { ours: '/bench/ours.html', chartjs: '/bench/chartjs.html', floor: '/bench/floor.html' };
const READY = {
  ours: () => typeof window.CommuneCharts === 'object',
  chartjs: () => typeof window.Chart === 'function' && typeof window.makeBenchChart === 'function',
  floor: () => typeof window.FloorChart === 'function',
};
const DESKTOP = { width: 1280, height: 900, dpr: 1 };
const PHONE = { width: 375, height: 812, dpr: 3 };
const CASES = [
  { n: 3, view: DESKTOP },
  { n: 60, view: DESKTOP },
  { n: 3321, view: DESKTOP },
  { n: 10000, view: DESKTOP },
  { n: 3321, view: PHONE },
];
const CHART_JS_FILE = 'node_modules/chart.js/dist/chart.umd.min.js';
const CHART_JS_TREE_FILE = 'bench/results/build/chartjs-tree.min.js';
const UPLOT_FILES = ['node_modules/uplot/dist/uPlot.iife.min.js', 'node_modules/uplot/dist/uPlot.min.css'];

// Captures each wasm instance's memory, for memory.buffer.byteLength after drawing.
const WASM_PROBE = `(() => {
  const mems = (window.__wasmMemories = []);
  const keep = (r) => { const i = r && (r.instance || r); const m = i && i.exports && i.exports.memory; if (m instanceof WebAssembly.Memory) mems.push(m); return r; };
  const s = WebAssembly.instantiateStreaming;
  if (s) WebAssembly.instantiateStreaming = function () { return s.apply(this, arguments).then(keep); };
  const i = WebAssembly.instantiate;
  WebAssembly.instantiate = function () { return i.apply(this, arguments).then(keep); };
})();`;

const caseLabel = (c) => `${c.n.toLocaleString('en')} @ ${c.view.width}px DPR ${c.view.dpr}`;

function machine(browserVersion) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [])[1] || 'unknown';
  const nproc = Number(execFileSync('nproc').toString().trim());
  const memKb = Number((readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s*(\d+)/m) || [])[1] || 0);
  const version = (pkg) => {
    try { return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version; } catch { return null; }
  };
  const chartjs = version('chart.js');
  const uplot = version('uplot');
  const esbuild = version('esbuild');
  const ours = (readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "(.*)"/m) || [])[1];
  let commit = null;
  try { commit = execFileSync('git', ['-C', root, 'describe', '--always', '--dirty']).toString().trim(); } catch { /* not a checkout */ }
  return { date: new Date().toISOString(), loadavgAtStart: loadavg().map((v) => +v.toFixed(2)), nproc, cpu: model, memGiB: +(memKb / 1048576).toFixed(1), chromium: browserVersion, node: process.version, chartjs, uplot, esbuild, ours, commit };
}

async function newPage(browser, view) {
  const context = await browser.newContext({ viewport: { width: view.width, height: view.height }, deviceScaleFactor: view.dpr, colorScheme: 'light' });
  await context.addInitScript(WASM_PROBE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

/** A contender's page in harness mode: library loaded, data.js and harness.js injected. */
async function harnessPage(browser, base, who, view) {
  const p = await newPage(browser, view);
  await p.page.goto(base + PAGE[who]);
  await p.page.waitForFunction(READY[who], null, { timeout: 30000 });
  await p.page.addScriptTag({ url: '/bench/data.js' });
  await p.page.addScriptTag({ url: '/bench/harness.js' });
  return p;
}

function check(p, who, what) {
  if (p.errors.length) throw new Error(`${NAMES[who]} (${what}): page errors:\n${p.errors.join('\n')}`);
}

/** Re-render and hover at one size, the three contenders alternating. */
async function runCase(browser, base, c, results) {
  const label = caseLabel(c);
  const runs = c.n >= 10000 ? RUNS_10K : RUNS;
  console.error(`==> ${label}: re-render (${WARMUP} warm-ups + ${runs} runs each, alternating), hover (${HOVER_MOVES} moves each)`);
  const pages = {};
  for (const who of CONTENDERS) pages[who] = await harnessPage(browser, base, who, c.view);
  const geom = {};
  geom.ours = await pages.ours.page.evaluate((n) => window.Bench.setup(n), c.n);
  const g = geom.ours;
  const wanted = { w: g.w, h: g.h, rows: g.rows, narrow: g.narrow };
  for (const who of ['chartjs', 'floor']) geom[who] = await pages[who].page.evaluate(([n, w]) => window.Bench.setup(n, w), [c.n, wanted]);
  for (const who of CONTENDERS) check(pages[who], who, `setup ${label}`);
  const rowH = g.narrow ? 46 : 28;
  const expectedStage = rowH * c.n - (g.narrow ? 10 : 8) + 12 + 12 + 12 + 4 + 12;
  const notes = [];
  if (Math.abs(g.stage - expectedStage) > 1) notes.push(`commune-charts' chart is ${g.stage} px tall, the floor's copy of its row geometry expects ${expectedStage}: src/layout.rs changed?`);
  if (g.barX0 < 0) notes.push('could not find commune-charts\' bars on its canvas (bar colour changed?): hover points may miss');
  for (const who of ['chartjs', 'floor']) {
    if (geom[who].w !== g.w || geom[who].h !== g.h) notes.push(`${NAMES[who]} canvas is ${geom[who].w}x${geom[who].h} CSS px, commune-charts' ${g.w}x${g.h}`);
  }
  const windowed = g.stage > g.h + 1;
  log(`canvas ${g.w}x${g.h} CSS px (backing ${g.backing.join('x')}), chart ${g.stage} px tall${windowed ? `: windowed, ${g.rows} rows on the canvas` : ''}`);

  const rerender = Object.fromEntries(CONTENDERS.map((w) => [w, { js: [], total: [] }]));
  for (let r = 0; r < WARMUP + runs; r++) {
    for (const who of CONTENDERS) {
      const t = await pages[who].page.evaluate(() => window.Bench.rerender());
      if (r >= WARMUP) { rerender[who].js.push(t.js); rerender[who].total.push(t.total); }
    }
  }
  const hover = Object.fromEntries(CONTENDERS.map((w) => [w, { ms: [], e2e: [], wrong: 0, last: '' }]));
  // One warm-up batch, then batches of HOVER_BATCH moves, alternating.
  for (const who of CONTENDERS) await pages[who].page.evaluate((k) => window.Bench.hover(k), 10);
  for (let done = 0; done < HOVER_MOVES; done += HOVER_BATCH) {
    const k = Math.min(HOVER_BATCH, HOVER_MOVES - done);
    for (const who of CONTENDERS) {
      const res = await pages[who].page.evaluate((count) => window.Bench.hover(count), k);
      for (const t of res.times) { hover[who].ms.push(t.ms); hover[who].e2e.push(t.e2e); }
      hover[who].wrong += res.wrong;
      hover[who].last = res.last;
    }
  }
  for (const who of CONTENDERS) {
    check(pages[who], who, label);
    if (hover[who].wrong) notes.push(`${NAMES[who]}: ${hover[who].wrong} of ${HOVER_MOVES} tooltips did not name the hovered commune (last: «${hover[who].last}»)`);
  }
  const stringify = c.n >= 3000 ? await pages.ours.page.evaluate(() => window.Bench.stringifyMs()) : null;
  for (const who of CONTENDERS) await pages[who].context.close();
  for (const n of notes) log('NOTE:', n);
  results.cases.push({
    label, n: c.n, viewport: c.view, runs, warmup: WARMUP, hoverMoves: HOVER_MOVES,
    canvas: { cssWidth: g.w, cssHeight: g.h, backing: g.backing, chartHeight: g.stage, windowed, rowsOnCanvas: g.rows },
    firstRenderMs: Object.fromEntries(CONTENDERS.map((w) => [w, geom[w].firstRenderMs])),
    rerenderMs: Object.fromEntries(CONTENDERS.map((w) => [w, { total: summary(rerender[w].total), js: summary(rerender[w].js) }])),
    hoverMs: Object.fromEntries(CONTENDERS.map((w) => [w, { handler: summary(hover[w].ms), dispatchToDone: summary(hover[w].e2e), wrongTooltips: hover[w].wrong, lastTooltip: hover[w].last }])),
    oursJsonStringifyMs: stringify,
    notes,
  });
}

/** JS heap (after a forced GC), wasm memory and DOM counters before and after drawing n communes. */
async function runMemory(browser, base, n, geom, results) {
  const reps = quick ? 1 : 3;
  console.error(`==> Memory after drawing ${n.toLocaleString('en')} communes (${reps} fresh page(s) each, alternating)`);
  const out = Object.fromEntries(CONTENDERS.map((w) => [w, []]));
  for (let r = 0; r < reps; r++) {
    for (const who of CONTENDERS) {
      const p = await harnessPage(browser, base, who, DESKTOP);
      const cdp = await p.context.newCDPSession(p.page);
      const snap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const usage = await cdp.send('Runtime.getHeapUsage');
        const dom = await cdp.send('Memory.getDOMCounters');
        const h = await p.page.evaluate(() => window.Bench.heap());
        return { ...h, cdpUsedSize: usage.usedSize, embedderHeapUsedSize: usage.embedderHeapUsedSize ?? null, nodes: dom.nodes, listeners: dom.jsEventListeners };
      };
      const before = await snap();
      await p.page.evaluate(([k, g]) => window.Bench.setup(k, g), [n, geom]);
      const after = await snap();
      check(p, who, 'memory');
      out[who].push({ before, after });
      await p.context.close();
    }
  }
  const pick = (who, f) => median(out[who].map(f));
  results.memory = {
    n,
    samples: out,
    ...Object.fromEntries(CONTENDERS.map((w) => [w, {
      jsHeapAfter: pick(w, (s) => s.after.usedJSHeapSize),
      jsHeapDelta: pick(w, (s) => s.after.usedJSHeapSize - s.before.usedJSHeapSize),
      wasmBytes: pick(w, (s) => s.after.wasmBytes),
      embedderHeapAfter: pick(w, (s) => s.after.embedderHeapUsedSize),
      domNodesAfter: pick(w, (s) => s.after.nodes),
    }])),
  };
}

// ---- output ----

function table(results) {
  const rows = [];
  const add = (metric, size, get, fmt) => {
    const v = Object.fromEntries(CONTENDERS.map((w) => [w, get(w)]));
    rows.push([metric, size, fmt(v.ours), fmt(v.chartjs), fmt(v.floor), ratio(v.ours, v.chartjs), ratio(v.ours, v.floor)]);
  };
  const b = results.bytes;
  add('bytes, raw', 'library', (w) => b[w].raw, fmtKB);
  add('bytes, gzip -9', 'library', (w) => b[w].gzip, fmtKB);
  for (const c of results.cases) add('re-render (ms)', c.label, (w) => c.rerenderMs[w].total.median, fmtMs);
  for (const c of results.cases) add('re-render, JS call only (ms)', c.label, (w) => c.rerenderMs[w].js.median, fmtMs);
  for (const c of results.cases) add('hover → tooltip (ms)', c.label, (w) => c.hoverMs[w].handler.median, fmtMs);
  const m = results.memory;
  if (m) {
    const size = m.n.toLocaleString('en');
    add('JS heap after drawing (GC\'d)', size, (w) => m[w].jsHeapAfter, fmtMB);
    add('JS heap growth from drawing', size, (w) => m[w].jsHeapDelta, fmtMB);
    add('wasm memory', size, (w) => m[w].wasmBytes || null, fmtMB);
    add('DOM nodes after drawing', size, (w) => m[w].domNodesAfter, (v) => (v == null ? '–' : String(v)));
  }
  return textTable(['metric', 'communes @ viewport', NAMES.ours, NAMES.chartjs, NAMES.floor, 'ours/Chart.js', 'ours/floor'], rows, 2);
}

function report(results) {
  const m = results.machine;
  const out = [];
  out.push(`commune-charts ${m.ours} (${m.commit ?? '?'}) vs Chart.js ${m.chartjs} (full and tree-shaken by esbuild ${m.esbuild}) vs uPlot ${m.uplot} vs a Canvas2D floor, ${m.date}`);
  out.push(`machine: ${m.nproc} CPUs, ${m.cpu}, ${m.memGiB} GiB; ${m.chromium} headless (--disable-gpu: software canvas); node ${m.node}`);
  // The end figure includes the benchmark's own browser (about 2 on two cores); only the load
  // before it started says whether other work was running.
  const busy = m.loadavgAtStart[0] > m.nproc / 2;
  out.push(`load average (1 min) at start ${m.loadavgAtStart[0]}, at end ${m.loadavgAtEnd[0]} (the benchmark's own browser included)` +
    (busy ? ': OTHER WORK WAS RUNNING, absolute times are inflated (the alternation keeps the ratios fairer)' : ''));
  if (results.find) {
    out.push('');
    out.push(`==== Find: a keystroke in the search box → its suggestions in the DOM, ${FIND_N.toLocaleString('en')} communes (commune-charts) ====`);
    for (const [name, f] of Object.entries(results.find)) {
      out.push(`${name.padEnd(8)} ${f.viewport.width} × ${f.viewport.height}, DPR ${f.dpr}${f.cpuRate > 1 ? `, CPU ${f.cpuRate}× slower` : ''}: ` +
        `median ${fmtMs(f.ms.median)} ms (p25–p75 ${fmtMs(f.ms.p25)}–${fmtMs(f.ms.p75)}, max ${fmtMs(f.ms.max)}) over ${f.ms.n} keystrokes`);
      for (const n of f.notes) out.push(`NOTE find ${name}: ${n}`);
    }
  }
  for (const name of Object.keys(results.firstChart)) {
    out.push('');
    out.push(`==== First chart, ${name} ====`);
    out.push(firstChartTable(results.firstChart[name]));
  }
  if (results.cases.length) {
    out.push('');
    out.push('==== Re-render, hover, memory (commune-charts, Chart.js full, floor) ====');
    const runs = results.cases.map((c) => c.runs);
    out.push(`medians; re-render: ${results.settings.warmup} warm-ups + ${Math.max(...runs)} runs per contender and size${RUNS_10K !== RUNS ? ` (${RUNS_10K} at 10,000)` : ''}, contenders alternating;` +
      ` hover: ${HOVER_MOVES} moves; memory: median of ${quick ? 1 : 3} fresh pages`);
    out.push('');
    out.push(table(results));
    out.push('');
    out.push('sizes: ' + results.cases.map((c) => `${c.label}: canvas ${c.canvas.cssWidth}x${c.canvas.cssHeight} CSS px` +
      (c.canvas.windowed ? ` (window of a ${c.canvas.chartHeight} px chart, ${c.canvas.rowsOnCanvas} rows)` : '')).join('; '));
    out.push(`bytes: commune-charts = ${results.bytes.ours.files.map((f) => f.file).join(' + ')}; Chart.js = ${results.bytes.chartjs.files.map((f) => f.file).join(' + ')}` +
      ` (the full UMD bundle; tree-shaken: ${fmtKB(results.bytes.chartjsTree.gzip)} gz); uPlot = ${fmtKB(results.bytes.uplot.gzip)} gz; floor = bench/pages/floor.js`);
    out.push('hover: commune-charts and floor handle the pointermove synchronously; Chart.js first waits for the next animation frame (it throttles' +
      ' DOM events), which the hover row leaves out: dispatch-to-done medians are in the JSON (hoverMs.*.dispatchToDone).');
    for (const c of results.cases) for (const n of c.notes) out.push(`NOTE ${c.label}: ${n}`);
  }
  return out.join('\n');
}

// ---- main ----

const started = Date.now();
const built = await buildPeers();
const server = await startBenchServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
});
const results = {
  machine: { ...machine(`Chromium ${browser.version()}`), chartjsTreeModules: built.chartjsTreeModules },
  settings: {
    only: ONLY || 'all', runs: RUNS, runs10k: RUNS_10K, warmup: WARMUP, hoverMoves: HOVER_MOVES, quick,
    firstChart: { n: COLD_N, profiles: PROFILES, runs: COLD_RUNS, warmup: COLD_WARMUP, dwellMs: COLD_DWELL },
  },
  bytes: {
    ours: bytesOf(['dist/commune-charts.js', 'dist/commune-charts_bg.wasm']),
    chartjs: bytesOf([CHART_JS_FILE]),
    chartjsTree: bytesOf([CHART_JS_TREE_FILE]),
    uplot: bytesOf(UPLOT_FILES),
    floor: bytesOf(['bench/pages/floor.js']),
  },
  firstChart: {},
  cases: [],
};
try {
  if (ONLY === '' || ONLY === 'find') results.find = await runFind(browser, base, { profiles: PROFILES });
  if (ONLY === '' || ONLY === 'cold') {
    for (const name of PROFILES) {
      results.firstChart[name] = await runFirstChart(server.address().port, name, { n: COLD_N, runs: COLD_RUNS[name], warmup: COLD_WARMUP, dwell: COLD_DWELL });
    }
  }
  if (ONLY === '' || ONLY === 'render') {
    for (const c of CASES) await runCase(browser, base, c, results);
    const big = results.cases.find((c) => c.n === 10000 && c.viewport === DESKTOP).canvas;
    await runMemory(browser, base, 10000, { w: big.cssWidth, h: big.cssHeight, rows: big.rowsOnCanvas, narrow: false }, results);
  }
} finally {
  await browser.close();
  server.close();
}
results.elapsedS = Math.round((Date.now() - started) / 1000);
results.machine.loadavgAtEnd = loadavg().map((v) => +v.toFixed(2));
const text = report(results);
console.log(text);
console.log(`(bench took ${results.elapsedS} s; JSON: bench/results/latest.json)`);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'latest.json'), JSON.stringify({ ...results, table: text }, null, 2) + '\n');
