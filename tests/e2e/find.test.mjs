// The search box of long charts (contract §6, issue 18): shown from 20 communes, found by the
// keyboard and the pointer without diacritics, announced in the live region, scrolled to at
// 3,321 communes, and gone with the chart. In real Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openBlank, tooltipText } from './browser.mjs';

const env = useBrowser();

const SYLLABLES = 'Mồ Sì San Pa Vây Sử Đức Thọ Phong Thổ Nậm Xe Sin Suối Thầu Bản Lang Hoang Thèn Vàng Ma Ly Chải Tả Phìn Hồ Mường'.split(' ');

/** `n` communes with names from real syllables (never `Dào`), `Xã Dào San` at `at`. */
function communes(n, at = 11) {
  return Array.from({ length: n }, (_, i) => ({
    name: i === at ? 'Xã Dào San' : `Xã ${SYLLABLES[i % SYLLABLES.length]} ${SYLLABLES[(i * 7 + 3) % SYLLABLES.length]} ${i + 1}`,
    district: i % 2 ? 'Phong Thổ' : 'Sìn Hồ',
    members: 40 + ((i * 37) % 900),
    cells: i === at ? undefined : 3 + (i % 9),
  }));
}

/** Renders `data` into a new element `#id` of the blank page; keeps the chart at `window.charts[id]`. */
async function draw(page, id, data, kind = 'members') {
  await page.evaluate(async ({ id, data, kind }) => {
    const el = document.createElement('div');
    el.id = id;
    document.getElementById('main').appendChild(el);
    window.charts = window.charts || {};
    window.charts[id] = await window.CommuneCharts.render(el, data, { kind });
  }, { id, data, kind });
}

/** What the box of chart `#id` shows: its label, input, list and live region. */
const box = (page, id) => page.evaluate((id) => {
  const { part, parts, isShown, activeElement } = window[Symbol.for('commune-test-dom')];
  const input = part(`#${id}`, 'input[type=search]');
  if (!input) return null;
  const root = input.getRootNode();
  const label = root.querySelector(`label[for="${input.id}"]`);
  const list = root.getElementById(input.getAttribute('aria-controls'));
  const active = input.getAttribute('aria-activedescendant');
  return {
    label: label && label.textContent,
    role: input.getAttribute('role'),
    autocomplete: input.getAttribute('aria-autocomplete'),
    expanded: input.getAttribute('aria-expanded'),
    value: input.value,
    focused: activeElement() === input,
    listRole: list && list.getAttribute('role'),
    listShown: isShown(list),
    options: [...list.querySelectorAll('[role=option]')].map((o) => o.textContent),
    active: active && root.getElementById(active)?.textContent,
    selected: [...list.querySelectorAll('[aria-selected=true]')].map((o) => o.textContent),
    live: parts(`#${id}`, '[aria-live]').map((l) => l.textContent).join('|'),
    none: getComputedStyle(input.parentElement, '::after').content,
  };
}, id);

/** Records every text the chart's live region says, from now on: read with `said()`. */
async function recordLive(page, id) {
  await page.evaluate((id) => {
    const live = window[Symbol.for('commune-test-dom')].part(`#${id}`, '[aria-live]');
    window.said = [];
    new MutationObserver(() => window.said.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  }, id);
  return () => page.evaluate(() => window.said);
}

test('from 20 communes a labelled search box, in vi and en; none below 20 or for indicators', async () => {
  const { page, context, errors } = await openBlank(env);
  await draw(page, 'vi25', { communes: communes(25) });
  await draw(page, 'en25', { locale: 'en', communes: communes(25) });
  await draw(page, 'vi20', { communes: communes(20) });
  await draw(page, 'vi19', { communes: communes(19) });
  await draw(page, 'ind', { indicators: communes(25).map((c) => ({ name: c.name, value: c.members, percentOfPlan: 90 })) }, 'indicators');
  const vi = await box(page, 'vi25');
  assert.equal(vi.label, 'Tìm xã');
  assert.deepEqual([vi.role, vi.autocomplete, vi.expanded, vi.listRole, vi.listShown], ['combobox', 'list', 'false', 'listbox', false]);
  assert.equal((await box(page, 'en25')).label, 'Find a commune');
  assert.equal((await box(page, 'vi20')).label, 'Tìm xã');
  assert.equal(await box(page, 'vi19'), null, '19 communes: no box');
  assert.equal(await box(page, 'ind'), null, 'indicators: no box');
  // Above the canvas, in the chart's shadow root; the page's label is the visible one.
  const order = await page.evaluate(() => {
    const { part } = window[Symbol.for('commune-test-dom')];
    const input = part('#vi25', 'input'); const canvas = part('#vi25', 'canvas');
    return input.getBoundingClientRect().bottom <= canvas.getBoundingClientRect().top && input.getRootNode() === canvas.getRootNode();
  });
  assert.ok(order, 'the box is above the canvas');
  // update(): fewer than 20 communes removes the box; 20 or more brings it back, keeping the
  // same box (and what was typed) while it stays.
  await page.locator('#vi25 input').fill('dao');
  await page.evaluate(() => window.charts.vi25.update({ communes: [{ name: 'A', members: 1 }] }));
  assert.equal(await box(page, 'vi25'), null);
  await page.evaluate((c) => window.charts.vi25.update({ communes: c }), communes(30));
  assert.equal((await box(page, 'vi25')).label, 'Tìm xã');
  await page.locator('#vi25 input').fill('dao');
  await page.evaluate((c) => window.charts.vi25.update({ communes: c }), communes(31));
  assert.equal((await box(page, 'vi25')).value, 'dao', 'new data keeps what the reader typed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: "dao san" lists Xã Dào San, ArrowDown + Enter shows its readout; the live region says the count, then the readout', async () => {
  const { page, context, errors } = await openBlank(env, { width: 375, height: 700 });
  // At the end of a chart taller than the phone's screen: choosing it scrolls to it.
  await draw(page, 'c', { communes: communes(25, 23) });
  const said = await recordLive(page, 'c');
  await page.keyboard.press('Tab');
  assert.ok((await box(page, 'c')).focused, 'the box is the chart\'s first Tab stop');
  await page.keyboard.type('dao san');
  let b = await box(page, 'c');
  assert.deepEqual(b.options, ['Xã Dào San (Phong Thổ)']);
  assert.deepEqual([b.expanded, b.listShown, b.active], ['true', true, null]);
  assert.equal(b.live, '1 kết quả');
  await page.keyboard.press('ArrowDown');
  b = await box(page, 'c');
  assert.equal(b.active, 'Xã Dào San (Phong Thổ)');
  assert.deepEqual(b.selected, ['Xã Dào San (Phong Thổ)']);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  b = await box(page, 'c');
  assert.deepEqual([b.value, b.expanded, b.listShown, b.focused], ['Xã Dào San (Phong Thổ)', 'false', false, true], 'chosen: the name in the box, the list closed, focus kept');
  // The hover's readout (its first lines: other features may add more).
  assert.ok((await tooltipText(page)).startsWith('Xã Dào San (Phong Thổ)\nĐảng viên: 891'), await tooltipText(page));
  assert.ok(b.live.startsWith('Xã Dào San (Phong Thổ). Đảng viên: 891'), b.live);
  const heard = await said();
  assert.equal(heard.at(-1), b.live, 'the readout last');
  assert.ok(heard.includes('1 kết quả'), `the count before it: ${JSON.stringify(heard)}`);
  // The bar's frame (the hover's outline) is on screen, and so is the tooltip.
  const seen = await page.evaluate(() => {
    const { part, shownTooltips } = window[Symbol.for('commune-test-dom')];
    const r = part('#c', '.hl').getBoundingClientRect();
    const t = shownTooltips()[0].getBoundingClientRect();
    return { frame: [r.top, r.bottom, getComputedStyle(part('#c', '.hl')).display], tip: [t.top, t.bottom], height: innerHeight, scrolled: scrollY };
  });
  assert.equal(seen.frame[2], 'block');
  assert.ok(seen.scrolled > 0, 'the page scrolled');
  assert.ok(seen.frame[0] >= 0 && seen.frame[1] <= seen.height, `the frame is in view: ${JSON.stringify(seen)}`);
  assert.ok(seen.tip[0] >= 0 && seen.tip[1] <= seen.height, `the tooltip is in view: ${JSON.stringify(seen)}`);
  // Tab goes on to the canvas, where the arrows start from the commune found.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  assert.match(await tooltipText(page), /^Xã \S+ \S+ 25 \(Sìn Hồ\)/);
  await page.keyboard.press('Shift+Tab');
  // Nothing matches: said, and shown.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('dao sanh');
  b = await box(page, 'c');
  assert.deepEqual([b.options, b.expanded, b.live, b.none], [[], 'false', 'Không tìm thấy xã nào', '"Không tìm thấy xã nào"']);
  // Escape closes the list, a second empties the box.
  await page.keyboard.press('Backspace');
  assert.equal((await box(page, 'c')).listShown, true);
  await page.keyboard.press('Escape');
  b = await box(page, 'c');
  assert.deepEqual([b.listShown, b.expanded, b.value], [false, 'false', 'dao san']);
  await page.keyboard.press('Escape');
  assert.equal((await box(page, 'c')).value, '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('pointer: a click on a suggestion chooses it; English words; case and marks ignored', async () => {
  const { page, context, errors } = await openBlank(env, { width: 1280, height: 900 });
  await draw(page, 'c', { locale: 'en', communes: communes(25) }, 'cells');
  const input = page.locator('#c input[type=search]');
  await input.click();
  await page.keyboard.type('SAN');
  const b = await box(page, 'c');
  assert.equal(b.live, `${b.options.length} results`);
  assert.ok(b.options.includes('Xã Dào San (Phong Thổ)'), JSON.stringify(b.options));
  assert.ok(b.options.length <= 8);
  await page.locator('#c [role=option]', { hasText: 'Dào San' }).click();
  assert.match(await tooltipText(page), /^Xã Dào San \(Phong Thổ\)\n[^\n]*cells: no data/i);
  assert.equal((await box(page, 'c')).focused, true, 'focus stays in the box');
  // Focus elsewhere in the page closes the readout.
  await page.mouse.click(5, 5);
  assert.equal(await tooltipText(page), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('3,321 communes: typing finishes, the chosen bar is scrolled into view on the sticky canvas', async () => {
  const { page, context, errors } = await openBlank(env, { width: 1280, height: 900 });
  const many = Array.from({ length: 3321 }, (_, i) => ({ name: `Xã Dào San ${i + 1}`, members: 20 + ((i * 7919) % 2981) }));
  await draw(page, 'big', { communes: many });
  await page.locator('#big input[type=search]').click();
  for (const ch of 'dao san 3000') {
    await page.keyboard.type(ch);
  }
  let b = await box(page, 'big');
  assert.deepEqual(b.options, ['Xã Dào San 3000']);
  await page.keyboard.press('Backspace');
  b = await box(page, 'big');
  assert.equal(b.options.length, 8);
  assert.equal(b.options[0], 'Xã Dào San 300');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  // The scroll handler redraws the window: wait for the frame to settle.
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => {
    const { part, tooltipText } = window[Symbol.for('commune-test-dom')];
    const stage = part('#big', '.stage');
    const r = part('#big', '.hl').getBoundingClientRect();
    const c = part('#big', 'canvas').getBoundingClientRect();
    return { tall: stage.classList.contains('tall'), frame: [r.top, r.bottom], canvas: [c.top, c.bottom], height: innerHeight, scrolled: scrollY, tip: tooltipText() };
  });
  assert.ok(seen.tall, 'drawn through a window');
  assert.ok(seen.scrolled > 50000, `scrolled down the chart: ${seen.scrolled}`);
  assert.ok(seen.frame[0] >= Math.max(0, seen.canvas[0]) && seen.frame[1] <= Math.min(seen.height, seen.canvas[1]), `the frame is on the canvas, in view: ${JSON.stringify(seen)}`);
  assert.match(seen.tip, /^Xã Dào San 3000\nĐảng viên: /);
  assert.deepEqual(errors, []);
  await context.close();
});

test('destroy() leaves nothing: box, options and tooltip go with the chart', async () => {
  const { page, context, errors } = await openBlank(env);
  await draw(page, 'c', { communes: communes(25) });
  await page.locator('#c input[type=search]').click();
  await page.keyboard.type('san');
  await page.keyboard.press('Enter');
  assert.ok(await tooltipText(page));
  const left = await page.evaluate(() => {
    window.charts.c.destroy();
    const { deepQueryAll } = window[Symbol.for('commune-test-dom')];
    return { children: document.getElementById('c').children.length, nodes: deepQueryAll('input, [role=listbox], [role=tooltip], [aria-live]').length };
  });
  assert.deepEqual(left, { children: 0, nodes: 0 });
  // Keys and clicks after it change nothing and throw nothing.
  await page.keyboard.press('ArrowDown');
  await page.mouse.click(10, 10);
  assert.deepEqual(errors, []);
  await context.close();
});
