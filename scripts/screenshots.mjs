// Screenshots of a page at 375 and 1280 px, DPR 1 and 3, light and dark, into target/shots/.
// Usage: node scripts/screenshots.mjs [path=/] [outdir]
import { mkdirSync } from 'node:fs';
import { launch, serve, openPage } from '../tests/e2e/browser.mjs';

const path = process.argv[2] || '/';
const out = process.argv[3] || 'target/shots';
mkdirSync(out, { recursive: true });
const { server, base } = await serve();
const browser = await launch();
try {
  for (const width of [375, 1280]) for (const dpr of [1, 3]) for (const dark of [false, true]) {
    const { page, context, errors } = await openPage(browser, base + path, { width, height: 900, dpr, dark });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-commune-chart]')].every((e) => ['ready', 'error'].includes(e.dataset.state)), null, { timeout: 15000 });
    const file = `${out}/${width}-dpr${dpr}-${dark ? 'dark' : 'light'}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file, errors.length ? `errors: ${errors.join(' | ')}` : '');
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
