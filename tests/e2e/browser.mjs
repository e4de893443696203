// Shared Playwright setup: Debian's Chromium, kept off the network, and the local static server.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
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
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  return { page, context, errors };
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
