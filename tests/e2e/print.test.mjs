// Printing (issue 8): the canvas prints in the light theme, whole (tall charts too, where a
// canvas can hold them), the table toggle hidden; the screen comes back after printing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser, openPage, settleAll } from './browser.mjs';

const env = useBrowser();

/** The top-left pixel of each chart's canvas, and whether its table toggle is shown. */
const state = (page) => page.evaluate(() => [...document.querySelectorAll('[data-commune-chart]')].map((el) => {
  const { part, isShown } = window[Symbol.for('commune-test-dom')];
  const c = part(el, 'canvas[role=img]');
  const px = c.getContext('2d').getImageData(1, 1, 1, 1).data;
  const toggle = part(el, 'button[aria-expanded]');
  return { id: el.id, bg: [px[0], px[1], px[2]], toggle: toggle ? (isShown(toggle) ? 'shown' : 'hidden') : null };
}));

const WHITE = [255, 255, 255];

test('print media: a dark page prints light charts without the table toggle, then returns to dark', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/`, { width: 1000, height: 800, dark: true });
  await settleAll(page);
  const screen = await state(page);
  assert.ok(screen.length >= 6);
  for (const s of screen) {
    assert.notDeepEqual(s.bg, WHITE, `${s.id} is dark on screen`);
    assert.equal(s.toggle, 'shown', `${s.id} toggle on screen`);
  }
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => {
    const c = window[Symbol.for('commune-test-dom')].part('#chart-overview', 'canvas[role=img]');
    return c.getContext('2d').getImageData(1, 1, 1, 1).data[0] === 255;
  });
  for (const s of await state(page)) {
    assert.deepEqual(s.bg, WHITE, `${s.id} prints light`);
    assert.equal(s.toggle, 'hidden', `${s.id} toggle hidden in print`);
  }
  const shot = await page.screenshot({ fullPage: true });
  assert.ok(shot.length > 10000);
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction(() => {
    const c = window[Symbol.for('commune-test-dom')].part('#chart-overview', 'canvas[role=img]');
    return c.getContext('2d').getImageData(1, 1, 1, 1).data[0] !== 255;
  });
  for (const s of await state(page)) {
    assert.notDeepEqual(s.bg, WHITE, `${s.id} dark again`);
    assert.equal(s.toggle, 'shown', `${s.id} toggle back`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('beforeprint/afterprint (the browser print dialog) redraw light and back; page.pdf() holds every chart', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/`, { width: 1000, height: 800, dark: true });
  // Charts below the fold are still pending: printing draws them too, light.
  await page.waitForFunction(() => document.querySelector('#chart-members')?.dataset.state === 'ready');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => [...document.querySelectorAll('[data-commune-chart]')].every((e) => e.dataset.state === 'ready'));
  for (const s of await state(page)) {
    assert.deepEqual(s.bg, WHITE, `${s.id} light for print`);
    assert.equal(s.toggle, 'hidden', `${s.id} toggle hidden`);
  }
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  for (const s of await state(page)) assert.notDeepEqual(s.bg, WHITE, `${s.id} dark after printing`);

  // page.pdf() prints the page; its charts are images in it (Chromium compresses the PDF's
  // objects, so compare with the same page whose canvases are hidden).
  const withCharts = (await page.pdf({ format: 'A4', printBackground: true })).length;
  await page.evaluate(() => window[Symbol.for('commune-test-dom')].canvases().forEach((c) => c.style.setProperty('visibility', 'hidden', 'important')));
  const without = (await page.pdf({ format: 'A4', printBackground: true })).length;
  assert.ok(withCharts > without + 10000, `the charts are in the PDF (${withCharts} vs ${without} bytes without them)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tall chart prints whole: one canvas for all its rows, at print resolution, scaled to the paper', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/blank.html`, { width: 1000, height: 800, dpr: 2 });
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'tall';
    document.getElementById('main').appendChild(el);
    const communes = Array.from({ length: 200 }, (_, i) => ({ name: `Xã số ${i + 1}`, members: ((i * 37) % 3000) + 1 }));
    await window.CommuneCharts.render(el, { communes }, { kind: 'members' });
  });
  const size = () => page.evaluate(() => {
    const c = window[Symbol.for('commune-test-dom')].part('#tall', 'canvas[role=img]');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cssH: r.height, cssW: r.width, el: document.getElementById('tall').getBoundingClientRect().height };
  });
  const screen = await size();
  assert.ok(screen.cssH <= 800, `on screen the canvas is one viewport (${screen.cssH})`);
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => window[Symbol.for('commune-test-dom')].part('#tall', 'canvas[role=img]').height > 4000);
  const print = await size();
  // 200 communes are about 5,870 CSS px (their axis labels repeat every 21 rows): on one canvas
  // of at most 8,192 device px, 1.39 per CSS px.
  assert.ok(print.cssH > 5500 && print.h <= 8192, `the whole chart on one canvas (${JSON.stringify(print)})`);
  assert.ok(print.w >= print.cssW * 1.35, `sharper than 1 device px per CSS px (${print.w} for ${print.cssW})`);
  // The last commune's bar is on it.
  const last = await page.evaluate(() => {
    const c = window[Symbol.for('commune-test-dom')].part('#tall', 'canvas[role=img]');
    const d = c.getContext('2d').getImageData(0, c.height - Math.round(c.height / 10), c.width, Math.round(c.height / 10)).data;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 2] > 120 && d[i] < 80) blue++;
    return blue;
  });
  assert.ok(last > 1000, `bars at the bottom of the printed canvas (${last} px)`);
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction(() => window[Symbol.for('commune-test-dom')].part('#tall', 'canvas[role=img]').getBoundingClientRect().height <= 800);
  assert.deepEqual(errors, []);
  await context.close();
});

test('playground: the static-image section gives the CLI command, and a light PNG and the <noscript> line of the chart', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/playground.html`, { width: 1280, height: 900, dark: true });
  await page.waitForFunction(() => document.querySelector('#chart')?.dataset.state === 'ready');
  await page.waitForFunction(() => document.getElementById('static-code').value.length > 0);
  const code = await page.inputValue('#static-code');
  const summary = await page.getAttribute('#chart canvas[role=img]', 'aria-label');
  const kind = await page.inputValue('#kind');
  assert.match(code, new RegExp(`cargo run --release --bin commune-charts -- render \\S+\\.json --kind ${kind} --width \\d+ --locale (vi|en) -o chart\\.svg`));

  // The PNG is the core's SVG (tests/e2e/playground-download.test.mjs), drawn at twice its size.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-png')]);
  assert.match(download.suggestedFilename(), /\.png$/);
  const png = await readFile(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  const css = await page.evaluate(() => window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getBoundingClientRect().width);
  assert.equal(png.readUInt32BE(16), Math.floor(css) * 2, `twice the chart's width (${png.readUInt32BE(16)} px for ${css} CSS px)`);
  await page.waitForFunction(() => document.getElementById('noscript-line').value.length > 0);
  const line = await page.inputValue('#noscript-line');
  const alt = summary.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  assert.ok(line.startsWith(`<noscript><img src="bieu-do.png" alt="${alt}" width="${Math.floor(css)}" height="`), line);
  // Light (as printed), though the page is dark: the image's first pixel, decoded by the env.browser.
  const corner = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = 4; c.height = 4;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return [...ctx.getImageData(1, 1, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
  assert.deepEqual(corner, [255, 255, 255]);
  // …and the chart on screen is still dark.
  const bg = await page.evaluate(() => [...window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3)]);
  assert.notDeepEqual(bg, [255, 255, 255]);
  assert.deepEqual(errors, []);
  await context.close();
});
