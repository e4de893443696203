// The test helpers of browser.mjs against a mock of the shadow-DOM widget (no wasm): a chart
// element with a <div data-commune-chart-root> host and an open shadow root holding the canvas,
// live region, a paged table behind a toggle, and a tooltip. Keeps the e2e tests honest about the
// structure they will meet after the rewrite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, readWholeTable, tooltipText } from './browser.mjs';

const env = useBrowser();

/** In the page: a fake chart of `n` rows, `size` rows per page, with a pager of named buttons. */
function mount([n, size, names]) {
  const el = document.createElement('figure');
  el.id = 'mock';
  el.setAttribute('data-commune-chart', 'members');
  el.dataset.state = 'ready';
  const host = document.createElement('div');
  host.setAttribute('data-commune-chart-root', '');
  el.appendChild(host);
  document.body.appendChild(el);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); } [hidden] { display: none; }');
  root.adoptedStyleSheets = [sheet];
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.tabIndex = 0;
  const live = document.createElement('div');
  live.setAttribute('aria-live', 'polite');
  const wrap = document.createElement('div');
  wrap.className = 'sr';
  const table = document.createElement('table');
  const pager = document.createElement('div');
  const [prevName, nextName] = names;
  const prev = document.createElement('button');
  prev.textContent = prevName;
  const next = document.createElement('button');
  next.textContent = nextName;
  pager.append(prev, next);
  wrap.append(table, pager);
  const toggle = document.createElement('button');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.textContent = 'Xem bảng số liệu';
  toggle.onclick = () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    wrap.className = open ? '' : 'sr';
  };
  const tip = document.createElement('div');
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  tip.textContent = 'Xã 1\nĐảng viên: 1';
  let page = 0;
  const pages = Math.ceil(n / size);
  const show = () => {
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    for (const h of ['Xã', 'Đảng viên']) head.appendChild(document.createElement('th')).textContent = h;
    const body = table.createTBody();
    for (let i = page * size; i < Math.min(n, (page + 1) * size); i++) {
      const tr = body.insertRow();
      tr.appendChild(document.createElement('th')).textContent = `Xã ${i + 1}`;
      tr.insertCell().textContent = String(i + 1);
    }
    prev.disabled = page === 0;
    next.disabled = page === pages - 1;
  };
  prev.onclick = () => { page = Math.max(0, page - 1); show(); };
  next.onclick = () => { page = Math.min(pages - 1, page + 1); show(); };
  page = 1; // not at the start: reading must go back first
  show();
  root.append(canvas, live, wrap, toggle, tip);
}

for (const names of [['Trang trước', 'Trang sau'], ['‹', '›'], ['Previous page', 'Next page']]) {
  test(`readWholeTable pages through a shadow-DOM table with "${names.join('" / "')}" buttons`, async () => {
    const { page, context } = await openPage(env.browser, 'about:blank');
    await page.evaluate(mount, [95, 20, names]);
    const t = await readWholeTable(page, '#mock');
    assert.deepEqual(t.header, [['Xã', 'Đảng viên']]);
    assert.deepEqual(t.body, Array.from({ length: 95 }, (_, i) => [`Xã ${i + 1}`, String(i + 1)]));
    assert.equal(await page.getAttribute('#mock button[aria-expanded]', 'aria-expanded'), 'false', 'the table is closed again');
    await context.close();
  });
}

test('the DOM helpers reach into the shadow root: parts, chartOf, focus, visible height, tooltips', async () => {
  const { page, context } = await openPage(env.browser, 'about:blank');
  await page.evaluate(mount, [5, 20, ['Trang trước', 'Trang sau']]);
  const r = await page.evaluate(() => {
    const d = window[Symbol.for('commune-test-dom')];
    const canvas = d.part('#mock', 'canvas[role=img]');
    canvas.focus();
    return {
      canvas: Boolean(canvas), light: document.querySelector('#mock canvas'), chart: d.chartOf(canvas).id,
      focused: d.activeElement() === canvas, tableSeen: d.visibleRect(d.part('#mock', 'table')).height,
      tooltips: d.deepQueryAll('[role=tooltip]').length, shown: d.shownTooltips().length, count: d.deepCount(document.getElementById('mock')),
    };
  });
  assert.deepEqual({ ...r, count: r.count > 10 }, { canvas: true, light: null, chart: 'mock', focused: true, tableSeen: 0, tooltips: 1, shown: 0, count: true });
  assert.equal(await tooltipText(page), null);
  await page.evaluate(() => { window[Symbol.for('commune-test-dom')].part('#mock', '[role=tooltip]').hidden = false; });
  assert.equal(await tooltipText(page), 'Xã 1 Đảng viên: 1');
  await context.close();
});
