// Themes (contract §6, issue 16 items 4 and 15): `data-theme`, a default that follows the page's
// own colour scheme (a light-only article never gets a black box), theme switches of the page
// seen at once, and the toggle and table inside the chart's painted background.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, settleAll } from './browser.mjs';

const env = useBrowser();
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(22, 24, 28)';

/** Per chart: the canvas's top-left pixel, the content box's background, and where the toggle is. */
const look = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-commune-chart]')].map((el) => {
  const { part } = window[Symbol.for('commune-test-dom')];
  const c = part(el, 'canvas[role=img]');
  const alert = part(el, '.alert');
  if (!c) return [el.id, { alert: alert && getComputedStyle(alert).backgroundColor }];
  const p = c.getContext('2d').getImageData(1, 1, 1, 1).data;
  const box = c.parentElement.closest('.c');
  const toggle = part(el, 'button[aria-expanded]');
  const [cr, br, tr] = [c, box, toggle].map((e) => e.getBoundingClientRect());
  return [el.id, {
    canvas: `rgb(${p[0]}, ${p[1]}, ${p[2]})`,
    box: getComputedStyle(box).backgroundColor,
    toggleLeft: Math.round(tr.left - cr.left),
    toggleInside: tr.top >= br.top && tr.bottom <= br.bottom - 4 && tr.left >= br.left && tr.right <= br.right,
    toggleColor: getComputedStyle(toggle).color,
  }];
})));

const settle = (page) => page.waitForFunction(() => [...document.querySelectorAll('[data-commune-chart]')].every((e) => /ready|error/.test(e.dataset.state || '')));

test('a light-only page in a dark-mode browser: charts are light unless data-theme says otherwise', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/theme.html`, { width: 375, height: 3000, dark: true });
  await settleAll(page);
  let seen = await look(page);
  assert.equal(seen['t-default'].canvas, LIGHT, 'the page never opted into dark: no black box in a white article');
  assert.equal(seen['t-dark'].canvas, DARK);
  assert.equal(seen['t-light'].canvas, LIGHT);
  assert.equal(seen['t-auto'].canvas, DARK, 'auto follows the reader');
  for (const [id, s] of Object.entries(seen)) {
    // The toggle sits on the chart's own background, lined up with the chart's text (12 px in).
    assert.equal(s.box, s.canvas, `${id}: the content box is painted as the canvas is`);
    assert.ok(s.toggleInside, `${id}: the toggle is inside the painted box`);
    assert.equal(s.toggleLeft, 12, `${id}: the toggle starts where the chart's text does`);
    assert.equal(s.toggleColor, s.canvas === DARK ? 'rgb(238, 238, 238)' : 'rgb(26, 26, 26)', `${id}: toggle text in the theme's colour`);
  }
  // The page's own dark switch (color-scheme on <html>) is followed at once; so is a changed attribute.
  await page.evaluate(() => document.documentElement.classList.add('night'));
  await page.waitForFunction(() => {
    const c = window[Symbol.for('commune-test-dom')].part('#t-default', 'canvas[role=img]');
    return c.getContext('2d').getImageData(1, 1, 1, 1).data[0] === 22;
  });
  await page.evaluate(() => document.querySelector('#t-light').setAttribute('data-theme', 'dark'));
  await page.waitForFunction(() => {
    const c = window[Symbol.for('commune-test-dom')].part('#t-light', 'canvas[role=img]');
    return c.getContext('2d').getImageData(1, 1, 1, 1).data[0] === 22;
  });
  await page.evaluate(() => document.documentElement.classList.remove('night'));
  await page.waitForFunction(() => {
    const c = window[Symbol.for('commune-test-dom')].part('#t-default', 'canvas[role=img]');
    return c.getContext('2d').getImageData(1, 1, 1, 1).data[0] === 255;
  });
  // An error box follows the chart's theme too, not the reader's preference alone.
  await page.evaluate(() => {
    for (const theme of ['dark', 'light']) {
      const el = document.createElement('div');
      el.id = `bad-${theme}`;
      el.dataset.communeChart = 'members';
      el.dataset.theme = theme;
      el.textContent = '{"communes": [{"name": "A", "members": "nhiều"}]}';
      document.body.append(el);
    }
    window.CommuneCharts.scan();
  });
  await settle(page);
  seen = await look(page);
  assert.equal(seen['bad-dark'].alert, 'rgb(59, 21, 19)');
  assert.equal(seen['bad-light'].alert, 'rgb(253, 236, 234)');
  assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
  await context.close();
});

test('a page that opts into dark (meta color-scheme) gets dark charts in a dark-mode browser, light ones otherwise', async () => {
  for (const dark of [true, false]) {
    const { page, context } = await openPage(env.browser, `${env.base}/`, { width: 1280, height: 6000, dark });
    await settleAll(page);
    const seen = await look(page);
    for (const [id, s] of Object.entries(seen)) assert.equal(s.canvas, dark ? DARK : LIGHT, `${id} (reader ${dark ? 'dark' : 'light'})`);
    await context.close();
  }
});

test('the playground offers data-theme: the preview follows it and the snippet carries it', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/playground.html`, { width: 1280, height: 900 });
  await page.waitForSelector('#chart[data-state=ready]');
  const canvasRed = () => page.evaluate(() => {
    const c = window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]');
    return c.getContext('2d').getImageData(1, 1, 1, 1).data[0];
  });
  assert.equal(await canvasRed(), 255, 'light reader, light chart');
  assert.doesNotMatch(await page.inputValue('#snippet'), /data-theme/, 'the default needs no attribute');
  await page.selectOption('#theme', 'dark');
  await page.waitForFunction(() => window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getContext('2d').getImageData(1, 1, 1, 1).data[0] === 22);
  assert.match(await page.inputValue('#snippet'), /<figure data-commune-chart="[a-z-]+" data-theme="dark" style=/);
  await page.selectOption('#theme', '');
  await page.waitForFunction(() => window[Symbol.for('commune-test-dom')].part('#chart', 'canvas[role=img]').getContext('2d').getImageData(1, 1, 1, 1).data[0] === 255);
  assert.doesNotMatch(await page.inputValue('#snippet'), /data-theme/);
  assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), []);
  await context.close();
});
