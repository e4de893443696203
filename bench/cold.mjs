// First chart (cold start) and repeat visit, on a desktop and a slow-4G phone profile, for six
// pages: commune-charts, the same with the README's wasm preload, Chart.js tree-shaken to a bar
// chart, Chart.js's full bundle, uPlot and the Canvas2D floor. Every page draws the same N
// communes (inline in its HTML) at the CSS size commune-charts gives them. Used by bench/run.mjs;
// what is measured and how: bench/README.md, "First chart".
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileFor } from './server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';
import { bytesOf, fmtKB, fmtMs, fmtX, log, median, summary, textTable } from './stats.mjs';

export const COLD = ['ours', 'chartjsTree', 'chartjs', 'uplot', 'floor', 'oursPreload']; // the order within a round
export const COLD_NAMES = {
  ours: 'commune-charts', oursPreload: 'commune-charts + wasm preload', chartjsTree: 'Chart.js, tree-shaken',
  chartjs: 'Chart.js, full UMD', uplot: 'uPlot', floor: 'floor (no library)',
};
const PAGE = {
  ours: '/bench/ours.html', oursPreload: '/bench/ours.html', chartjsTree: '/bench/build/chartjs-tree.html',
  chartjs: '/bench/chartjs.html', uplot: '/bench/uplot.html', floor: '/bench/floor.html',
};
const ROWS = ['ours', 'oursPreload', 'chartjsTree', 'chartjs', 'uplot', 'floor']; // the order in the table

export const PROFILES = {
  desktop: { name: 'desktop', viewport: { width: 1280, height: 900 }, dpr: 1, mobile: false, cpuRate: 1, network: null },
  // A mid-range phone on slow 4G (Lighthouse's mobile settings): CPU 4× slower than this machine,
  // 1.6 Mbps down, 750 kbps up, 150 ms round trip.
  phone: {
    name: 'phone', viewport: { width: 375, height: 812 }, dpr: 3, mobile: true, cpuRate: 4,
    network: { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  },
};
const TIMEOUT = 120000;

/** One Chromium for the profile, with a profile directory on disk: Chromium keeps V8 and wasm
 *  code caches only for a profile on disk, not for the in-memory (incognito-like) contexts that
 *  browser.newContext() makes. Every visit goes to a new site (`v1.test`, `v2.test`, … all
 *  resolved to the local server), so it starts with nothing cached for that site: no HTTP
 *  cache entry, no code cache, no connection, and a new renderer process (site isolation). */
async function launch(profile) {
  const dir = mkdtempSync(join(tmpdir(), 'commune-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.test 127.0.0.1'],
    viewport: profile.viewport, deviceScaleFactor: profile.dpr, isMobile: profile.mobile, hasTouch: profile.mobile, colorScheme: 'light',
  });
  return { context, dir, profile, sites: 0 };
}

async function shutdown(b) {
  await b.context.close();
  rmSync(b.dir, { recursive: true, force: true });
}

/** A new tab with the profile's CPU and network emulation, for one visit. */
async function open(b, { throttle = true } = {}) {
  const page = await b.context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (r.resourceType() !== 'document' && !r.url().startsWith('data:')) requests.push(r.url()); });
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttle && b.profile.cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: b.profile.cpuRate });
  if (throttle && b.profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...b.profile.network });
  return { page, cdp, errors, requests };
}

/** Bytes in the profile's code caches on disk (V8's for scripts, wasm modules). */
function codeCacheBytes(dir) {
  const size = (d) => {
    let n = 0;
    try {
      for (const e of readdirSync(d, { withFileTypes: true })) n += e.isDirectory() ? size(join(d, e.name)) : statSync(join(d, e.name)).size;
    } catch { /* no such cache yet */ }
    return n;
  };
  return { js: size(join(dir, 'Default', 'Code Cache', 'js')), wasm: size(join(dir, 'Default', 'Code Cache', 'wasm')) };
}

/** One navigation to `url`; resolves with the page's timings once its chart is drawn and a frame passed. */
async function load(p, url) {
  p.requests.length = 0;
  await p.page.goto(url, { timeout: TIMEOUT });
  // After `load` (a browser-side wait); a 20 ms timer in the page until the chart's frame.
  return p.page.evaluate((timeout) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    (function poll() {
      const b = window.__bench;
      if (b && b.frame) {
        const nav = performance.getEntriesByType('navigation')[0];
        const resources = performance.getEntriesByType('resource').map((e) => ({
          name: e.name, start: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart, end: e.responseEnd,
          transferSize: e.transferSize, encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize,
        }));
        resolve({
          drawn: b.drawn, frame: b.frame, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          htmlTransferSize: nav.transferSize, htmlEncodedBodySize: nav.encodedBodySize, resources,
        });
      } else if (performance.now() - t0 > timeout) reject(new Error('no chart drawn'));
      else setTimeout(poll, 20);
    })();
  }), TIMEOUT);
}

function check(p, who, what) {
  if (p.errors.length) throw new Error(`${COLD_NAMES[who]} (${what}): page errors:\n${p.errors.join('\n')}`);
}

/** One visit on a new site: the first load (nothing cached), then three repeat loads in the same
 *  tab, the cache on; the third is the repeat visit. A page that fetched a .wasm stays `dwell` ms
 *  open after the second repeat load, as a reader would: V8 writes a wasm module's code cache
 *  about 2 s after its optimising tier last compiled, and a page left sooner never gets one
 *  (script code caches are written right after the script ran, so the other pages do not wait). */
async function visit(b, path, who, dwell) {
  const site = `http://v${++b.sites}.test:${b.port}`;
  const p = await open(b);
  const before = codeCacheBytes(b.dir);
  try {
    const cold = await load(p, site + path);
    const requested = [...p.requests];
    const warm = [];
    for (let i = 0; i < 3; i++) {
      warm.push(await load(p, site + path));
      if (i === 1 && dwell && cold.resources.some((e) => /\.wasm(\?|$)/.test(e.name))) await new Promise((r) => setTimeout(r, dwell));
    }
    check(p, who, b.profile.name);
    const after = codeCacheBytes(b.dir);
    return { cold, warm, requested, codeCache: { js: after.js - before.js, wasm: after.wasm - before.wasm } };
  } finally {
    await p.page.close();
  }
}

/** The CSS size commune-charts gives n communes in this viewport, for the others: its canvas's
 *  width and the height of the whole chart (its stage). A chart taller than the viewport gets a
 *  viewport-high canvas that sticks while the stage scrolls past (it draws the rows on screen);
 *  the others draw the whole chart on one canvas of that height, as their docs do. */
async function geometry(b, n) {
  const p = await open(b, { throttle: false });
  try {
    await load(p, `http://v${++b.sites}.test:${b.port}/bench/ours.html?cold&n=${n}`);
    const g = await p.page.evaluate(() => {
      const host = document.querySelector('[data-commune-chart-root]');
      const c = host && host.shadowRoot && host.shadowRoot.querySelector('canvas[role=img]');
      if (!c) return null;
      const stage = c.parentElement.parentElement.getBoundingClientRect().height;
      return { w: c.clientWidth, h: Math.round(stage), canvasH: c.clientHeight, backing: [c.width, c.height], windowed: stage > c.clientHeight + 1 };
    });
    check(p, 'ours', `${b.profile.name} geometry`);
    if (!g) throw new Error('commune-charts drew no canvas[role=img] in its shadow root');
    return g;
  } finally {
    await p.page.close();
  }
}

/** The same busy loop on this profile's CPU: checks that the throttling applies (median of 3). */
async function calibrate(b) {
  const p = await open(b);
  try {
    await p.page.goto(`http://v${++b.sites}.test:${b.port}/bench/floor.html`);
    const ms = [];
    for (let i = 0; i < 3; i++) {
      ms.push(await p.page.evaluate(() => {
        const t0 = performance.now();
        let x = 0;
        for (let k = 0; k < 3e6; k++) x += Math.sqrt(k) % 7;
        return x > 0 ? performance.now() - t0 : -1;
      }));
    }
    return median(ms);
  } finally {
    await p.page.close();
  }
}

const wasmEntry = (l) => l.resources.find((r) => /\.wasm(\?|$)/.test(r.name)) || null;
const perRound = (rounds, who, get) => rounds.map((r) => get(r[who])).filter((v) => v != null);
const ratios = (rounds, who, get) => rounds.map((r) => get(r.ours) / get(r[who])).filter(Number.isFinite);

/** The first-chart and repeat-visit measurement on one profile; returns its JSON section. */
export async function runFirstChart(port, profileName, { n, runs, warmup, dwell }) {
  const profile = PROFILES[profileName];
  console.error(`==> First chart, ${profile.name} profile (${profile.viewport.width}x${profile.viewport.height} DPR ${profile.dpr}` +
    `${profile.cpuRate > 1 ? `, CPU ${profile.cpuRate}× slower` : ''}${profile.network ? `, ${profile.network.downloadThroughput * 8 / 1e6} Mbps, ${profile.network.latency} ms latency` : ''}): ` +
    `${n} communes, ${warmup} warm-up + ${runs} rounds of ${COLD.length} pages, each a cold load and 3 repeat visits`);
  const b = await launch(profile);
  b.port = port;
  try {
    return await measure(b, n, runs, warmup, dwell);
  } finally {
    await shutdown(b);
  }
}

async function measure(b, n, runs, warmup, dwell) {
  const profile = b.profile;
  const g = await geometry(b, n);
  const loopMs = await calibrate(b);
  log(`commune-charts' chart: ${g.w}x${g.h} CSS px; its canvas ${g.w}x${g.canvasH} (backing ${g.backing.join('x')})` +
    `${g.windowed ? ', a window of the chart' : ''}; a 3M-iteration loop takes ${fmtMs(loopMs)} ms here`);
  const path = (who) => `${PAGE[who]}?cold&n=${n}&w=${g.w}&h=${g.h}${who === 'oursPreload' ? '&preload' : ''}`;
  const rounds = [];
  const requested = {};
  for (let r = 0; r < warmup + runs; r++) {
    const round = {};
    for (const who of COLD) {
      const v = await visit(b, path(who), who, dwell);
      requested[who] ??= v.requested;
      const w = wasmEntry(v.cold);
      round[who] = {
        first: v.cold.drawn, firstFrame: v.cold.frame, repeat: v.warm[2].drawn, repeatVisits: v.warm.map((l) => l.drawn),
        domContentLoaded: v.cold.domContentLoaded, htmlEncodedBodySize: v.cold.htmlEncodedBodySize,
        transferred: v.cold.htmlTransferSize + v.cold.resources.reduce((a, e) => a + e.transferSize, 0),
        repeatTransferred: v.warm[2].htmlTransferSize + v.warm[2].resources.reduce((a, e) => a + e.transferSize, 0),
        codeCache: v.codeCache,
        resources: v.cold.resources.map((e) => ({ path: new URL(e.name).pathname, start: e.start, end: e.end, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize })),
        wasm: w && { start: w.start, requestStart: w.requestStart, responseStart: w.responseStart, end: w.end, encodedBodySize: w.encodedBodySize },
      };
    }
    if (r >= warmup) rounds.push(round);
    const o = round.ours;
    log(`${r < warmup ? 'warm-up' : `round ${r - warmup + 1}/${runs}`}: ` + COLD.map((w) => `${w} ${fmtMs(round[w].first)}/${fmtMs(round[w].repeat)}`).join(', ') +
      ` ms (first/repeat)${o.wasm ? `; ours' wasm ${fmtMs(o.wasm.start)}→${fmtMs(o.wasm.end)} ms` : ''}` +
      `; code caches (kB js/wasm): ` + COLD.map((w) => `${(round[w].codeCache.js / 1024).toFixed(0)}/${(round[w].codeCache.wasm / 1024).toFixed(0)}`).join(' '));
  }
  const bytes = {};
  for (const who of COLD) {
    const files = [...new Set(requested[who].map((u) => fileFor(new URL(u).pathname)))];
    if (files.includes(null)) throw new Error(`${COLD_NAMES[who]} requested a URL the bench server does not serve: ${requested[who].join(', ')}`);
    bytes[who] = bytesOf(files);
  }
  const per = Object.fromEntries(COLD.map((who) => [who, {
    first: summary(perRound(rounds, who, (x) => x.first)),
    firstFrame: summary(perRound(rounds, who, (x) => x.firstFrame)),
    repeat: summary(perRound(rounds, who, (x) => x.repeat)),
    oursOverItFirst: summary(ratios(rounds, who, (x) => x.first)),
    oursOverItRepeat: summary(ratios(rounds, who, (x) => x.repeat)),
    transferred: median(perRound(rounds, who, (x) => x.transferred)),
    repeatTransferred: median(perRound(rounds, who, (x) => x.repeatTransferred)),
    htmlEncodedBodySize: median(perRound(rounds, who, (x) => x.htmlEncodedBodySize)),
    wasm: rounds[0] && rounds[0][who].wasm ? {
      start: summary(perRound(rounds, who, (x) => x.wasm && x.wasm.start)),
      end: summary(perRound(rounds, who, (x) => x.wasm && x.wasm.end)),
    } : null,
    bytes: bytes[who],
  }]));
  return {
    profile, n, runs, warmup, dwellMs: dwell, canvas: g, cpuLoopMs: loopMs, contenders: per,
    rounds: rounds.map((r) => Object.fromEntries(COLD.map((w) => [w, r[w]]))),
  };
}

/** One table for one profile: bytes, first chart, repeat visit, ours / it. */
export function firstChartTable(s) {
  const o = s.profile;
  const head = ['what the page loads', 'gzip -9', 'first chart (median, p25–p75)', 'repeat visit', 'ours / it (first · repeat)'];
  const span = (x) => `${fmtMs(x.median)} ms (${fmtMs(x.p25)}–${fmtMs(x.p75)})`;
  const rows = ROWS.map((who) => {
    const c = s.contenders[who];
    const files = c.bytes.files.map((f) => f.file.split('/').pop()).join(' + ');
    return [`${COLD_NAMES[who]}: ${files}`, fmtKB(c.bytes.gzip), span(c.first), span(c.repeat),
      who === 'ours' ? '–' : `${fmtX(c.oursOverItFirst.median)} · ${fmtX(c.oursOverItRepeat.median)}`];
  });
  const title = `${o.name}: ${o.viewport.width}x${o.viewport.height} CSS px, DPR ${o.dpr}` +
    (o.cpuRate > 1 ? `, CPU throttled ${o.cpuRate}×` : ', no throttling') +
    (o.network ? `, ${o.network.downloadThroughput * 8 / 1e6} Mbps down / ${o.network.uploadThroughput * 8 / 1e3} kbps up / ${o.network.latency} ms latency, gzip bodies` : ', gzip bodies') +
    `; ${s.n} communes; ${s.runs} rounds (each page on a new site per round, pages alternating); chart ${s.canvas.w}x${s.canvas.h} CSS px` +
    (s.canvas.windowed ? ` (commune-charts' canvas: a ${s.canvas.w}x${s.canvas.canvasH} window of it; the others draw it whole)` : '');
  const out = [title, '', textTable(head, rows, 1), ''];
  for (const who of ['ours', 'oursPreload']) {
    const w = s.contenders[who].wasm;
    if (w) {
      out.push(`${COLD_NAMES[who]}: wasm requested at ${fmtMs(w.start.median)} ms, received by ${fmtMs(w.end.median)} ms, chart drawn at ` +
        `${fmtMs(s.contenders[who].first.median)} ms (medians, ms since navigation start)`);
    }
  }
  out.push(`times: performance.now() when the chart is drawn (ms since navigation start); repeat visit = the 3rd reload after the first load, in the same tab` +
    ` (HTML revalidated: a 304; scripts and wasm from the HTTP cache, with the code caches Chromium wrote; pages with wasm stay ${s.dwellMs} ms on the 2nd reload);` +
    ` ours / it = median over rounds of ours' time ÷ its time in the same round.` +
    ` HTML (gzip, with the inline data): ${fmtKB(s.contenders.ours.htmlEncodedBodySize)} for ours, not in the bytes column.` +
    ` A 3M-iteration JS loop: ${fmtMs(s.cpuLoopMs)} ms on this profile.`);
  return out.join('\n');
}
