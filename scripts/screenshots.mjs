// Screenshots in headless Chromium.
//   node scripts/screenshots.mjs [path=/] [outdir=target/shots]
//     the page at 375 and 1280 px, DPR 1 and 3, light and dark (for looking at our work);
//   node scripts/screenshots.mjs --kinds docs/img
//     each chart of the demo article, one PNG per kind, 720 px wide at DPR 1 (for the README).
import { mkdirSync } from 'node:fs';
import { launch, serve, openPage, settleAll } from '../tests/e2e/browser.mjs';

const kindsMode = process.argv[2] === '--kinds';
const path = kindsMode ? '/' : process.argv[2] || '/';
const out = process.argv[3] || 'target/shots';
mkdirSync(out, { recursive: true });
const { server, base } = await serve();

// Far charts give back their canvas (issue 14: memory follows the viewport) and draw again when
// scrolled near. A full-page picture is not a scroll: the viewport is made as tall as the page, so
// every chart is near and drawn, before the picture is taken.
async function everyChartNear(page, width) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.min(height, 16384) });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300);
}
const browser = await launch();
try {
  if (kindsMode) {
    const { page, context } = await openPage(browser, base + path, { width: 760, height: 900, dpr: 1 });
    await settleAll(page);
    await everyChartNear(page, 760);
    for (const el of await page.$$('[data-commune-chart]')) {
      const kind = await el.getAttribute('data-commune-chart');
      await el.screenshot({ path: `${out}/${kind}.png` });
      console.log(`${out}/${kind}.png`);
    }
    await context.close();
  } else {
    for (const width of [375, 1280]) for (const dpr of [1, 3]) for (const dark of [false, true]) {
      const { page, context, errors } = await openPage(browser, base + path, { width, height: 900, dpr, dark });
      await settleAll(page);
      await everyChartNear(page, width);
      const file = `${out}/${width}-dpr${dpr}-${dark ? 'dark' : 'light'}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file, errors.length ? `errors: ${errors.join(' | ')}` : '');
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
