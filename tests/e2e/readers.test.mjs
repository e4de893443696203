// Readers: hover, touch, keyboard, screen readers and display preferences, in real Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openPage, settleAll, tooltipText, tableToggle, screenPixels, screenDiff,
} from './browser.mjs';

const env = useBrowser();


async function ready(opts) {
  const r = await openPage(env.browser, `${env.base}/`, opts);
  await settleAll(r.page);
  return r;
}

/** Moves the mouse over the chart in a grid and collects every distinct tooltip text. */
async function sweep(page, id) {
  const canvas = page.locator(`#${id} canvas[role=img]`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const seen = new Set();
  for (let y = 2; y < box.height; y += 6) {
    for (const fx of [0.2, 0.35, 0.5, 0.65, 0.8]) {
      await page.mouse.move(box.x + box.width * fx, box.y + y);
      const t = await tooltipText(page);
      if (t) seen.add(t);
    }
  }
  await page.mouse.move(0, 0);
  return [...seen].join('\n---\n');
}

const EXPECTED_READOUTS = {
  'chart-members': ['Mồ Sì San (Phong Thổ)\nĐảng viên: 89', 'Đức Thọ (Hà Tĩnh)\nĐảng viên: 2.989'],
  'chart-cells': ['Chi bộ: 9\nChi bộ bản: 4\nChi bộ đơn vị sự nghiệp: 5', 'Đức Thọ\nChi bộ: 77'],
  'chart-ratio': ['Đảng viên mỗi chi bộ: 9,9', 'Đảng viên mỗi chi bộ: 38,8\nĐảng viên: 2.989 · Chi bộ: 77'],
  'chart-targets': ['Pa Vây Sử\nĐạt và vượt: 13/31 (41,9%)\nĐạt trên 80%: 8/31 (25,8%)\nKhó đạt: 10/31 (32,3%)', 'Đức Thọ\nChỉ tiêu Nghị quyết: không có số liệu'],
  'chart-indicators': ['Văn Lãng: Tổng diện tích gieo trồng\nKết quả: 5.755 ha\n99,7% kế hoạch', 'Trồng rừng mới\nKết quả: 411 ha\n102% kế hoạch'],
  'chart-overview': ['Đảng viên: 2.989', 'Chi bộ: 77', 'Đạt và vượt: 3/11 (27,3%)'],
};

test('hovering sweeps every kind: tooltips name the commune in full with values in Vietnamese format', async () => {
  const { page, context, errors } = await ready({ width: 1280 });
  for (const [id, wants] of Object.entries(EXPECTED_READOUTS)) {
    const texts = await sweep(page, id);
    for (const want of wants) assert.ok(texts.includes(want), `${id}: expected «${want}» in\n${texts}`);
  }
  assert.deepEqual(errors.filter((e) => !/favicon|404/.test(e)), []);
  await context.close();
});

test('hover highlights the bar on screen without redrawing the chart canvas', async () => {
  const { page, context } = await ready({ width: 1280 });
  const canvas = page.locator('#chart-members canvas[role=img]');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const clip = { x: box.x, y: box.y, width: box.width, height: box.height };
  const chartPixels = () => page.evaluate(() => window[Symbol.for('commune-test-dom')].part('#chart-members', 'canvas[role=img]').toDataURL());
  await page.mouse.move(box.x + 5, box.y + box.height + 200);
  const before = { main: await chartPixels(), screen: await screenPixels(page, clip) };
  let hovered = null;
  for (let y = 2; y < box.height && !hovered; y += 4) {
    await page.mouse.move(box.x + box.width * 0.5, box.y + y);
    if ((await tooltipText(page))?.includes('Đức Thọ')) hovered = { y, main: await chartPixels(), screen: await screenPixels(page, clip, { hideTooltips: true }) };
  }
  assert.ok(hovered, 'Đức Thọ hovered');
  // What the reader sees change, the tooltip apart: a highlight over the hovered bar's row only.
  const diff = screenDiff(before.screen, hovered.screen);
  assert.ok(diff.count > 100, `a highlight is drawn on screen (${diff.count} px changed)`);
  assert.ok(diff.box.y <= hovered.y && diff.box.y + diff.box.height >= hovered.y, `the highlight covers the hovered row (y ${hovered.y}, changed ${JSON.stringify(diff.box)})`);
  assert.ok(diff.box.height < box.height / 2, `only the hovered bar is highlighted (${JSON.stringify(diff.box)})`);
  assert.equal(hovered.main, before.main, 'the chart canvas itself is untouched');
  await page.mouse.move(box.x + 5, box.y + box.height + 200);
  assert.equal(await tooltipText(page), null, 'leaving the chart hides the tooltip');
  const left = screenDiff(before.screen, await screenPixels(page, clip));
  assert.equal(left.count, 0, `leaving the chart removes the highlight (${JSON.stringify(left.box)})`);
  await context.close();
});

test('touch: tap a bar shows its readout, tap elsewhere or Escape hides it (375 x 812, DPR 3)', async () => {
  const { page, context } = await ready({ width: 375, height: 812, dpr: 3, touch: true });
  const canvas = page.locator('#chart-targets canvas[role=img]');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  let shown = null;
  for (let y = box.height * 0.3; y < box.height && !shown; y += 8) {
    await page.touchscreen.tap(box.x + box.width * 0.3, box.y + y);
    const t = await tooltipText(page);
    if (t && t.includes('Pa Vây Sử')) shown = t;
  }
  assert.ok(shown, 'a tap on Pa Vây Sử shows its readout');
  assert.match(shown, /Đạt và vượt: 13\/31 \(41,9%\)/);
  // Inside the 375 px viewport.
  const rect = await page.evaluate(() => window[Symbol.for('commune-test-dom')].shownTooltips()[0].getBoundingClientRect().toJSON());
  assert.ok(rect.left >= 0 && rect.right <= 375 && rect.top >= 0 && rect.bottom <= 812, JSON.stringify(rect));
  // Tap on the article text: hidden.
  const para = page.locator('main p').nth(5);
  const pbox = await para.boundingBox();
  await page.touchscreen.tap(pbox.x + 10, pbox.y + 5);
  assert.equal(await tooltipText(page), null);
  // Tap again, then Escape.
  await page.touchscreen.tap(box.x + box.width * 0.3, box.y + (box.height * 0.45));
  if (await tooltipText(page)) {
    await page.keyboard.press('Escape');
    assert.equal(await tooltipText(page), null);
  }
  await context.close();
});

test('the tooltip stays inside the viewport near the right edge', async () => {
  const { page, context } = await ready({ width: 375, height: 700 });
  const canvas = page.locator('#chart-members canvas[role=img]');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  let checked = 0;
  for (let y = 2; y < box.height; y += 5) {
    await page.mouse.move(box.x + box.width - 30, box.y + y);
    const rect = await page.evaluate(() => window[Symbol.for('commune-test-dom')].shownTooltips()[0]?.getBoundingClientRect().toJSON());
    if (rect) {
      checked++;
      assert.ok(rect.left >= 0 && rect.right <= 375, `tooltip ${rect.left}..${rect.right} inside 375`);
      assert.ok(rect.width > 80, 'not squashed');
    }
  }
  assert.ok(checked > 0, 'some readout was shown at the right edge');
  await context.close();
});

test('the data table has the columns its chart draws, measure first, and fits a phone and a column', async () => {
  const WANT = {
    'chart-members': ['Xã', 'Đảng viên'],
    'chart-cells': ['Xã', 'Chi bộ', 'Chi bộ bản', 'Chi bộ đơn vị sự nghiệp'],
    'chart-ratio': ['Xã', 'Đảng viên mỗi chi bộ', 'Đảng viên', 'Chi bộ'],
    'chart-targets': ['Xã', 'Đạt và vượt', 'Đạt trên 80%', 'Khó đạt', 'Tổng'],
    'chart-indicators': ['Đơn vị', 'Chỉ tiêu', 'Kết quả', '% kế hoạch'],
  };
  for (const width of [375, 1280]) {
    const { page, context } = await ready({ width });
    for (const [id, head] of Object.entries(WANT)) {
      await tableToggle(page, `#${id}`).click();
      const t = await page.evaluate((id) => {
        const { part } = window[Symbol.for('commune-test-dom')];
        const wrap = part(`#${id}`, '.tw');
        const caption = part(`#${id}`, 'caption');
        const [w, c] = [wrap, caption].map((e) => e.getBoundingClientRect());
        return {
          head: [...part(`#${id}`, 'table').rows[0].cells].map((th) => th.textContent),
          overflow: wrap.scrollWidth - wrap.clientWidth,
          captionInside: c.left >= w.left - 0.5 && c.right <= w.right + 0.5,
          host: part(`#${id}`, 'canvas[role=img]').getBoundingClientRect().width,
          wrapRight: w.right - part(`#${id}`, 'canvas[role=img]').getBoundingClientRect().right,
        };
      }, id);
      assert.deepEqual(t.head, head, `${id} at ${width} px`);
      assert.equal(t.overflow, 0, `${id} at ${width} px: the table fits its column (no sideways scrolling)`);
      assert.ok(t.captionInside, `${id} at ${width} px: the caption is not cut`);
      assert.ok(t.wrapRight <= 0, `${id} at ${width} px: the table stays inside the chart's box`);
    }
    await context.close();
  }
});

test('the focus ring is for the keyboard: a click or tap hides it, the next key shows it again', async () => {
  for (const touch of [false, true]) {
    const { page, context } = await ready({ width: 375, touch });
    const ring = () => page.evaluate(() => {
      const c = window[Symbol.for('commune-test-dom')].part('#chart-members', 'canvas[role=img]');
      return `${c.matches(':focus')}:${getComputedStyle(c).outlineStyle}`;
    });
    await page.keyboard.press('Tab');
    assert.equal(await ring(), 'true:solid', 'keyboard focus shows the ring');
    // A reader who tabbed in and then reads with the mouse or a finger: focus stays on the
    // canvas (so :focus-visible still matches), but the ring goes.
    const canvas = page.locator('#chart-members canvas[role=img]');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (touch) await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 3);
    else await page.mouse.click(box.x + box.width / 2, box.y + box.height / 3);
    assert.equal(await ring(), 'true:none', `no ring after a ${touch ? 'tap' : 'click'}`);
    await page.keyboard.press('ArrowDown');
    assert.equal(await ring(), 'true:solid', 'the ring is back with the keyboard');
    await context.close();
  }
});

test('keyboard: one Tab stop, arrows move between bars, the live region announces, Escape leaves', async () => {
  const { page, context } = await ready({ width: 1280 });
  // Tab from the top of the page reaches the first chart's canvas, then the table toggle.
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => {
    const { activeElement, chartOf } = window[Symbol.for('commune-test-dom')];
    const a = activeElement();
    return { chart: chartOf(a)?.id, tag: a.tagName, text: a.textContent, outline: getComputedStyle(a).outlineStyle };
  });
  let active = await focused();
  active = `${active.chart}:${active.tag}`;
  assert.equal(active, 'chart-members:CANVAS');
  assert.equal((await focused()).outline, 'solid', 'a visible focus ring');
  const live = () => page.textContent('#chart-members [aria-live]');
  await page.keyboard.press('ArrowDown');
  assert.equal(await live(), 'Mồ Sì San (Phong Thổ). Đảng viên: 89; Hạng 2/3');
  assert.match(await tooltipText(page), /Mồ Sì San/);
  await page.keyboard.press('ArrowDown');
  assert.equal(await live(), 'Pa Vây Sử (Phong Thổ). Đảng viên: 86; Hạng 3/3');
  await page.keyboard.press('End');
  assert.equal(await live(), 'Đức Thọ (Hà Tĩnh). Đảng viên: 2.989; Hạng 1/3');
  await page.keyboard.press('Home');
  assert.equal(await live(), 'Mồ Sì San (Phong Thổ). Đảng viên: 89; Hạng 2/3');
  // At the first bar, Up moves nowhere: the readout is said again (the text changes, so screen
  // readers repeat it), not left silent.
  await page.keyboard.press('ArrowUp');
  assert.equal(await live(), 'Mồ Sì San (Phong Thổ). Đảng viên: 89; Hạng 2/3\u00a0');
  await page.keyboard.press('ArrowUp');
  assert.equal(await live(), 'Mồ Sì San (Phong Thổ). Đảng viên: 89; Hạng 2/3');
  await page.keyboard.press('Escape');
  assert.equal(await tooltipText(page), null);
  // The chart is one stop: the next Tab goes to its table toggle, then to the next chart.
  await page.keyboard.press('Tab');
  active = await focused();
  assert.equal(`${active.tag}:${active.text}`, 'BUTTON:Xem bảng số liệu');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).chart, 'chart-cells');
  // Left/right walk the stacked segments of the cells chart.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.textContent('#chart-cells [aria-live]'), 'Mồ Sì San. Chi bộ đơn vị sự nghiệp: 5; Chi bộ: 9; Chi bộ bản: 4; Hạng 3/3');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.textContent('#chart-cells [aria-live]'), 'Mồ Sì San. Chi bộ bản: 4; Chi bộ: 9; Chi bộ đơn vị sự nghiệp: 5; Hạng 3/3');
  await context.close();
});

test('screen readers: aria-label summary, the data table and the accessibility tree', async () => {
  const { page, context } = await ready({ width: 1280 });
  const label = await page.getAttribute('#chart-targets canvas[role=img]', 'aria-label');
  assert.equal(label, 'Pa Vây Sử có nhiều chỉ tiêu đạt và vượt nhất: 13 trên 31.');
  const rows = await page.$$eval('#chart-members table tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows[0].slice(0, 2), ['Xã', 'Đảng viên']);
  assert.deepEqual(rows.slice(1).map((r) => r.slice(0, 2)), [['Mồ Sì San', '89'], ['Pa Vây Sử', '86'], ['Đức Thọ', '2.989']]);
  assert.equal(await page.textContent('#chart-members caption'), 'Số đảng viên của ba đảng bộ xã');
  // What a screen reader gets, from Chromium's accessibility tree.
  const tree = await page.locator('#chart-members').ariaSnapshot();
  assert.match(tree, /img "Biểu đồ số đảng viên của 3 xã: nhiều nhất là Đức Thọ \(2\.989\), ít nhất là Pa Vây Sử \(86\)\."/);
  assert.match(tree, /table "Số đảng viên của ba đảng bộ xã"/);
  assert.match(tree, /row "Đức Thọ 2\.989/);
  assert.match(tree, /button "Xem bảng số liệu"/);
  // The visible toggle shows the same table to sighted readers.
  // The table is clipped to at most 1 px until asked for (the height a reader can see of it).
  const shown = () => page.evaluate(() => {
    const { part, visibleRect } = window[Symbol.for('commune-test-dom')];
    return visibleRect(part('#chart-members', 'table')).height;
  });
  const hiddenHeight = await shown();
  const toggle = tableToggle(page, '#chart-members');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await toggle.textContent(), 'Ẩn bảng số liệu');
  const shownHeight = await shown();
  assert.ok(hiddenHeight <= 1 && shownHeight > 60, `${hiddenHeight} -> ${shownHeight}`);
  await context.close();
});

test('forced colors: the chart redraws in the system colours and stays legible', async () => {
  const { page, context } = await ready({ width: 1280 });
  await page.emulateMedia({ forcedColors: 'active' });
  // Redrawn (the media-query change arrives as an event): the light theme's white background may
  // already be the system Canvas colour, so wait for text in CanvasText, not for the corner.
  const redrawn = () => {
    const probe = (kw) => { const s = document.createElement('span'); s.style.color = kw; document.body.appendChild(s); const c = getComputedStyle(s).color; s.remove(); return c.match(/\d+/g).slice(0, 3).map(Number); };
    const canvas = window[Symbol.for('commune-test-dom')].part('#chart-members', 'canvas[role=img]');
    const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const text = probe('CanvasText');
    let n = 0;
    for (let i = 0; i < d.length && n <= 200; i += 4) if (Math.abs(d[i] - text[0]) < 8 && Math.abs(d[i + 1] - text[1]) < 8 && Math.abs(d[i + 2] - text[2]) < 8) n++;
    return n > 200;
  };
  await page.waitForFunction(redrawn, null, { timeout: 3000 }).catch(() => {}); // asserted below
  const result = await page.evaluate(() => {
    const probe = (kw) => { const s = document.createElement('span'); s.style.color = kw; document.body.appendChild(s); const c = getComputedStyle(s).color; s.remove(); return c.match(/\d+/g).slice(0, 3).map(Number); };
    const canvas = window[Symbol.for('commune-test-dom')].part('#chart-members', 'canvas[role=img]');
    const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const bg = probe('Canvas'), text = probe('CanvasText');
    let textPx = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - text[0]) < 8 && Math.abs(d[i + 1] - text[1]) < 8 && Math.abs(d[i + 2] - text[2]) < 8) textPx++;
    return { corner: [d[0], d[1], d[2]], bg, textPx };
  });
  assert.deepEqual(result.corner, result.bg, 'background is the system Canvas colour');
  assert.ok(result.textPx > 200, `text drawn in CanvasText (${result.textPx} px)`);
  await context.close();
});

test('a chart of every commune (3,321) draws the window on screen: bounded canvas, right readouts while scrolling', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/blank.html`, { width: 375, height: 800, dpr: 3 });
  await page.waitForFunction(() => typeof window.CommuneCharts === 'object');
  const sizes = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'big';
    document.getElementById('main').appendChild(el);
    const communes = Array.from({ length: 3321 }, (_, i) => ({ name: `Xã số ${i + 1}`, members: ((i * 37) % 3000) + 1 }));
    await window.CommuneCharts.render(el, { communes }, { kind: 'members' });
    const c = window[Symbol.for('commune-test-dom')].part(el, 'canvas[role=img]');
    return { width: c.width, height: c.height, chart: el.getBoundingClientRect().height };
  });
  assert.ok(sizes.height <= 8192 && sizes.width <= 1125, `backing store ${sizes.width}×${sizes.height}`);
  assert.ok(sizes.chart > 100000, `the element is as tall as the whole chart (${sizes.chart} px)`);
  // Scroll to the middle: the canvas stays on screen and shows the bars that are there.
  await page.evaluate(() => window.scrollTo(0, 60000));
  await page.waitForTimeout(100);
  const box = await page.locator('#big canvas[role=img]').boundingBox();
  assert.ok(box.y <= 1 && box.y + box.height >= 799, `canvas in view (${box.y}, ${box.height})`);
  const drawn = await page.evaluate(() => {
    const c = window[Symbol.for('commune-test-dom')].part('#big', 'canvas[role=img]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 2] > 120 && d[i] < 80) blue++;
    return blue;
  });
  assert.ok(drawn > 50000, `bars drawn in the middle of the chart (${drawn} px)`);
  let tip = '';
  for (let y = 100; y < 700 && !/Xã số/.test(tip); y += 7) {
    await page.mouse.move(box.x + 40, y);
    tip = (await tooltipText(page)) ?? '';
  }
  const n = Number(/Xã số (\d+)/.exec(tip)?.[1]);
  assert.ok(n > 1000 && n < 2000, `hover in the middle reads a middle commune (${tip})`);
  assert.match(tip, new RegExp(`Đảng viên: ${(((n - 1) * 37) % 3000 + 1).toLocaleString('vi-VN')}`));
  // Keyboard: End scrolls the page to the last commune and reads it.
  await page.focus('#big canvas[role=img]');
  await page.keyboard.press('End');
  await page.waitForFunction(() => /Xã số 3321/.test(window[Symbol.for('commune-test-dom')].tooltipText() || ''));
  const last = await page.evaluate(() => window[Symbol.for('commune-test-dom')].shownTooltips()[0].getBoundingClientRect().toJSON());
  assert.ok(last.y > 0 && last.y + last.height <= 800, 'the last commune\'s readout is on screen');
  assert.deepEqual(errors, []);
  await context.close();
});
