// End-to-end: the playground's static images (issue 19, "a static image without cargo"): "Tải ảnh
// SVG", "Tải ảnh PNG" and the 1200×630 social card, drawn by the image module
// (dist/commune-charts-render.wasm, fetched at the first click, never by readers), opened and
// checked: the SVG parsed (and byte for byte the command-line program's, when it is built), the
// PNGs decoded; the <noscript> line's alt is the chart's summary sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, access } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openPage, decodePng, realErrors } from './browser.mjs';

const env = useBrowser();
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The playground with its first chart drawn; `requests` lists every address it asks for. */
async function playground(opts) {
  const r = await openPage(env.browser, `${env.base}/playground.html`, opts);
  const requests = [];
  r.page.on('request', (q) => requests.push(new URL(q.url()).pathname));
  await r.page.waitForFunction(() => document.getElementById('chart').dataset.state === 'ready', null, { timeout: 15000 });
  await r.page.waitForFunction(() => !document.getElementById('download-svg').disabled);
  return { ...r, requests };
}

/** Clicks `button` and returns the downloaded file, its name and the milliseconds from click to download. */
async function download(page, button) {
  const started = performance.now();
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await file.path();
  const ms = performance.now() - started;
  await page.waitForFunction(() => !document.getElementById('download-svg').disabled); // the buttons are back
  return { name: file.suggestedFilename(), bytes: await readFile(path), ms };
}

/** The chart on the page: its summary sentence (the canvas's aria-label), and the communes' names. */
const chartFacts = (page) => page.evaluate(() => ({
  summary: window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getAttribute('aria-label'),
  names: (JSON.parse(document.getElementById('json-input').value).communes || []).map((c) => c.name),
  title: JSON.parse(document.getElementById('json-input').value).title,
}));

/** The SVG as the browser parses it (DOMParser, as an XML document). */
const parsedSvg = (page, svg) => page.evaluate((text) => {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  const kids = [...root.children];
  return {
    error: doc.getElementsByTagName('parsererror').length > 0,
    tag: root.localName, ns: root.namespaceURI, role: root.getAttribute('role'), lang: root.getAttribute('lang'),
    labelledby: root.getAttribute('aria-labelledby'),
    width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')),
    first: kids.slice(0, 2).map((k) => k.localName),
    title: root.querySelector(':scope > title')?.textContent, desc: root.querySelector(':scope > desc')?.textContent,
    ids: kids.slice(0, 2).map((k) => k.id),
    texts: [...root.querySelectorAll('text')].map((t) => t.textContent.trim()),
    background: root.querySelector('rect')?.getAttribute('fill'),
  };
}, svg);

/** The <noscript> line as HTML: its image's attributes. */
const noscriptImg = (page) => page.evaluate(() => {
  const line = document.getElementById('noscript-line').value;
  const doc = new DOMParser().parseFromString(`<body>${line.replace(/<\/?noscript>/g, '')}</body>`, 'text/html');
  const img = doc.querySelector('img');
  return { line, src: img?.getAttribute('src'), alt: img?.getAttribute('alt'), width: img?.getAttribute('width'), height: img?.getAttribute('height') };
});

const isPng = (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && bytes.toString('latin1', 12, 16) === 'IHDR';
const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });
/** Pixels of colour `rgb` (within 6 per channel) in a decoded PNG. */
function countColour(img, [r, g, b]) {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    if (Math.abs(img.data[i] - r) < 6 && Math.abs(img.data[i + 1] - g) < 6 && Math.abs(img.data[i + 2] - b) < 6) n++;
  }
  return n;
}
/** The box of the pixels that are not the background `rgb`. */
function inkBox(img, [r, g, b]) {
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      if (Math.abs(img.data[i] - r) + Math.abs(img.data[i + 1] - g) + Math.abs(img.data[i + 2] - b) > 12) {
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      }
    }
  }
  return { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
const pixel = (img, x, y) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];
const hex = (s) => [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16));

/** The command-line program, if a build of it is there (`cargo test` builds target/debug's). */
async function cliBinary() {
  for (const p of ['target/debug/commune-charts', 'target/release/commune-charts']) {
    try { await access(join(root, p)); return join(root, p); } catch { /* not built */ }
  }
  return null;
}

test('"Tải ảnh SVG", "Tải ảnh PNG" and the social card: the core\'s SVG, parsed; PNGs decoded; the <noscript> line', async (t) => {
  const { page, context, errors, requests } = await playground({ width: 1280, height: 900 });
  // Nothing of the images is fetched before the first click: neither the module nor its script.
  assert.ok(!requests.some((p) => /commune-charts-render\.wasm$|download\.js$/.test(p)), requests.join(' '));
  assert.equal(await page.inputValue('#noscript-line'), '');
  assert.ok(await page.isDisabled('#copy-noscript'));
  const facts = await chartFacts(page);
  assert.ok(facts.names.length >= 3 && facts.summary, JSON.stringify(facts));

  // SVG
  const svg = await download(page, '#download-svg');
  assert.equal(svg.name, 'bieu-do.svg');
  const text = svg.bytes.toString('utf8');
  const doc = await parsedSvg(page, text);
  assert.equal(doc.error, false, 'the SVG parses');
  assert.deepEqual([doc.tag, doc.ns, doc.role, doc.lang], ['svg', 'http://www.w3.org/2000/svg', 'img', 'vi']);
  assert.deepEqual(doc.first, ['title', 'desc']);
  assert.equal(doc.labelledby, doc.ids.join(' '));
  assert.equal(doc.title, facts.title);
  assert.equal(doc.desc, facts.summary, 'the <desc> is the summary sentence readers hear');
  for (const name of facts.names) assert.ok(doc.texts.includes(name), `${name} in the SVG's text`);
  const css = await page.evaluate(() => window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getBoundingClientRect().width);
  assert.equal(doc.width, Math.floor(css), 'as wide as the chart on the page');
  assert.match(await page.textContent('#png-status'), new RegExp(`^Đã tải bieu-do\\.svg \\(${doc.width} × ${doc.height} px\\)\\.$`));

  // The same bytes as the command-line program's, run with the command the page shows.
  const command = await page.inputValue('#static-code');
  const bin = await cliBinary();
  if (bin) {
    const args = command.split('\n')[1].split(' -- ')[1].split(' ');
    const dir = await mkdtemp(join(tmpdir(), 'cc-download-'));
    await writeFile(join(dir, args[1]), await page.inputValue('#json-input'));
    const { stdout } = await promisify(execFile)(bin, [...args.slice(0, -2), '-q'], { cwd: dir, encoding: 'buffer', maxBuffer: 1 << 26 });
    assert.ok(stdout.equals(svg.bytes), `the SVG is the command line's: ${command}`);
  } else {
    t.diagnostic('the command-line program is not built (cargo test builds it): its bytes were not compared here (tests/image.rs does)');
  }

  // The <noscript> line: the file, the summary sentence as alt (escaped for the attribute), its size.
  let img = await noscriptImg(page);
  assert.deepEqual(img, { line: img.line, src: 'bieu-do.svg', alt: facts.summary, width: String(doc.width), height: String(doc.height) });
  assert.ok(img.line.startsWith('<noscript><img src="bieu-do.svg" alt="') && img.line.endsWith('"></noscript>'), img.line);
  assert.ok(await page.isEnabled('#copy-noscript'));
  assert.ok(await page.isHidden('#noscript-stale'));

  // PNG: twice the SVG's size, opaque, the bars in it.
  const png = await download(page, '#download-png');
  assert.equal(png.name, 'bieu-do.png');
  assert.ok(isPng(png.bytes), 'a PNG file');
  assert.deepEqual(pngSize(png.bytes), { width: doc.width * 2, height: doc.height * 2 });
  const decoded = decodePng(png.bytes);
  assert.deepEqual(pixel(decoded, 2, 2), [...hex(doc.background), 255], 'the chart\'s background, opaque');
  assert.ok(countColour(decoded, [0x1f, 0x5f, 0xa8]) > 2000, 'the bars are in the image');
  // Text was drawn (dark pixels of the text colour), so the fonts of the <img> applied.
  assert.ok(countColour(decoded, [0x1a, 0x1a, 0x1a]) > 500, 'text in the image');
  assert.match(await page.textContent('#png-status'), new RegExp(`^Đã tải bieu-do\\.png \\(${doc.width * 2} × ${doc.height * 2} điểm ảnh`));
  img = await noscriptImg(page);
  assert.deepEqual([img.src, img.alt, img.width, img.height], ['bieu-do.png', facts.summary, String(doc.width), String(doc.height)]);

  // The social card: 1200 × 630, the chart centred on its background and filling the card: drawn
  // narrower than 1200 px and scaled up (larger text) when that still fits.
  const card = await download(page, '#download-card');
  assert.equal(card.name, 'bieu-do-1200x630.png');
  assert.ok(isPng(card.bytes));
  assert.deepEqual(pngSize(card.bytes), { width: 1200, height: 630 });
  const cardImg = decodePng(card.bytes);
  assert.deepEqual(pixel(cardImg, 1, 1), [255, 255, 255, 255]);
  assert.deepEqual(pixel(cardImg, 1198, 628), [255, 255, 255, 255]);
  assert.ok(countColour(cardImg, [0x1f, 0x5f, 0xa8]) > 5000, 'the bars are on the card');
  const ink = inkBox(cardImg, [255, 255, 255]);
  assert.ok(ink.width > 1100 || ink.height > 560, `the chart fills the card (${JSON.stringify(ink)})`);
  assert.ok(Math.abs(ink.x + ink.width / 2 - 600) < 40 && Math.abs(ink.y + ink.height / 2 - 315) < 40, `centred (${JSON.stringify(ink)})`);
  assert.equal(await page.textContent('#png-status'), 'Đã tải bieu-do-1200x630.png (1200 × 630 điểm ảnh).');
  assert.equal((await noscriptImg(page)).src, 'bieu-do.png', 'the card is not the <noscript> image');

  // The module was fetched once, and the page's CSP let it in (no violation, no error).
  assert.equal(requests.filter((p) => p.endsWith('/commune-charts-render.wasm')).length, 1, requests.join(' '));
  assert.deepEqual(realErrors(errors), []);
  t.diagnostic(`click to download, desktop profile (1280 px, DPR 1): SVG ${svg.ms.toFixed(0)} ms (the first: fetching and compiling the module), PNG ${png.ms.toFixed(0)} ms, card ${card.ms.toFixed(0)} ms`);

  // Copy the line; then a change to the chart makes the line (and the image) out of date.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#copy-noscript');
  await page.waitForFunction(() => document.getElementById('noscript-status').textContent !== '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), img.line);
  await page.fill('#meta-title', 'Một tiêu đề khác');
  await page.waitForSelector('#noscript-stale', { state: 'visible' });
  assert.ok(await page.evaluate(() => document.getElementById('noscript-line').classList.contains('stale')));
  await download(page, '#download-svg');
  assert.ok(await page.isHidden('#noscript-stale'));
  await context.close();
});

test('a dark chart\'s images are dark, in English; a tall chart is scaled down onto the card and the page says so', async () => {
  const { page, context, errors } = await playground({ width: 1280, height: 900 });
  await page.click('#ui-lang');
  await page.selectOption('#theme', 'dark');
  // 30 communes: taller than 630 px at 1200 px wide.
  await page.check('#mode-json');
  const communes = Array.from({ length: 30 }, (_, i) => ({ name: `Xã Ngũ Chỉ Sơn ${i + 1}`, members: 100 + i * 37, cells: 5 + (i % 7) }));
  await page.fill('#json-input', JSON.stringify({ title: 'Ba mươi xã', locale: 'en', communes }, null, 2));
  await page.selectOption('#kind', 'members');
  await page.waitForFunction(() => /Ngũ Chỉ Sơn 30/.test(document.getElementById('snippet').value) && !document.getElementById('download-svg').disabled);
  await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'ready');

  const svg = await download(page, '#download-svg');
  assert.equal(svg.name, 'bieu-do.svg');
  const doc = await parsedSvg(page, svg.bytes.toString('utf8'));
  assert.equal(doc.error, false);
  assert.equal(doc.lang, 'en');
  assert.notEqual(doc.background.toUpperCase(), '#FFFFFF', 'the dark theme');
  assert.match(await page.inputValue('#static-code'), / --locale en --theme dark -o chart\.svg/);
  assert.equal(await page.textContent('#png-status'), `Downloaded bieu-do.svg (${doc.width} × ${doc.height} px).`);

  const png = decodePng((await download(page, '#download-png')).bytes);
  assert.deepEqual(pixel(png, 2, 2), [...hex(doc.background), 255]);

  const card = await download(page, '#download-card');
  const img = decodePng(card.bytes);
  assert.deepEqual([img.width, img.height], [1200, 630]);
  // Scaled to fit the height, centred: the background at the sides, the chart in the middle.
  const status = await page.textContent('#png-status');
  const m = /^Downloaded bieu-do-1200x630\.png \(1200 × 630 pixels\)\. The chart is (\d+) px tall, so it was scaled down to (\d+)% to fit/.exec(status);
  assert.ok(m, status);
  const [tall, pct] = [Number(m[1]), Number(m[2])];
  assert.ok(tall > 630 && pct === Math.floor(630 / tall * 100), status);
  const drawnWidth = 1200 * 630 / tall;
  assert.deepEqual(pixel(img, 2, 315), [...hex(doc.background), 255], 'the side band is the background');
  assert.ok(drawnWidth < 1190, `${drawnWidth} px wide`);
  assert.ok(countColour(img, hex(doc.background)) > 1200 * 630 * 0.3, 'mostly the dark background');
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});

test('without the image module, the page says why, and the next click tries again', async () => {
  const { page, context, errors } = await playground({ width: 1280, height: 900 });
  await page.route('**/commune-charts-render.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.click('#download-svg');
  await page.waitForFunction(() => /commune-charts-render\.wasm: HTTP 404/.test(document.getElementById('png-status').textContent));
  assert.match(await page.textContent('#png-status'), /^Không vẽ được ảnh: Không tải được phần vẽ ảnh \(http:\/\/127\.0\.0\.1:\d+\/dist\/commune-charts-render\.wasm: HTTP 404\)/);
  assert.ok(await page.isEnabled('#download-svg'));
  await page.unroute('**/commune-charts-render.wasm');
  const svg = await download(page, '#download-svg');
  assert.equal(svg.name, 'bieu-do.svg');
  assert.deepEqual(realErrors(errors).filter((e) => !/404/.test(e)), []);
  await context.close();
});

test('a chart too long for one canvas at twice its size gets a smaller PNG, and the page says so', async () => {
  const { page, context, errors } = await playground({ width: 1280, height: 900 });
  await page.check('#mode-json');
  const communes = Array.from({ length: 1000 }, (_, i) => ({ name: `Xã ${i + 1}`, members: 100 + (i * 37) % 900 }));
  await page.fill('#json-input', JSON.stringify({ title: 'Nghìn xã', communes }));
  await page.selectOption('#kind', 'members');
  await page.waitForFunction(() => document.getElementById('snippet').value.includes('"Xã 1000"') && !document.getElementById('download-png').disabled);
  await page.waitForFunction(() => document.getElementById('chart').dataset.state === 'ready');
  const png = await download(page, '#download-png');
  const size = pngSize(png.bytes);
  assert.ok(isPng(png.bytes));
  assert.equal(Math.max(size.width, size.height), 32000, JSON.stringify(size));
  const status = await page.textContent('#png-status');
  assert.match(status, new RegExp(`^Đã tải bieu-do\\.png \\(${size.width} × ${size.height} điểm ảnh\\)\\. Biểu đồ rất dài nên ảnh PNG chỉ bằng \\d+% cỡ biểu đồ`));
  // The <noscript> image keeps the chart's own size in CSS px.
  const img = await noscriptImg(page);
  assert.ok(Number(img.height) > 32000 / 2, JSON.stringify(img));
  assert.deepEqual(realErrors(errors), []);
  await context.close();
});
