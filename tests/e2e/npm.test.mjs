// The npm package (make npm): the tarball `npm pack` wrote holds the API, its types, the data
// types, the schema and the wasm; unpacked, its ES module draws charts in Chromium with no global.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openPage } from './browser.mjs';

const npmDir = 'target/npm';
before(() => {
  const tarball = readdirSync(npmDir).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'make npm wrote a tarball');
  rmSync(join(npmDir, 'package'), { recursive: true, force: true });
  mkdirSync(join(npmDir, 'package'), { recursive: true });
  execFileSync('tar', ['-xzf', join(npmDir, tarball), '-C', npmDir]);
});
const env = useBrowser();

test('the tarball holds what package.json promises', () => {
  const dir = join(npmDir, 'package');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'commune-charts');
  assert.equal(pkg.license, 'MIT');
  for (const f of [pkg.main, pkg.types, 'data.d.ts', 'commune_charts_bg.wasm', 'commune-charts.schema.json', 'README.md']) {
    assert.ok(existsSync(join(dir, f)), `${f} is in the package`);
  }
  for (const target of Object.values(pkg.exports)) {
    for (const f of typeof target === 'string' ? [target] : Object.values(target)) {
      assert.ok(existsSync(join(dir, f)), `export ${f} exists`);
    }
  }
  const types = readFileSync(join(dir, 'index.d.ts'), 'utf8');
  assert.match(types, /render\(element: HTMLElement, data: CommuneChartData \| string/);
  assert.match(readFileSync(join(dir, 'data.d.ts'), 'utf8'), /interface CommuneChartData/);
});

test('the types accept the README\'s usage and reject typos (tsc --strict)', () => {
  execFileSync('node_modules/.bin/tsc', ['--noEmit', '--strict', '--target', 'es2020', '--module', 'esnext',
    '--moduleResolution', 'bundler', '--lib', 'es2020,dom', '--skipLibCheck', 'false', 'tests/types/usage.ts'], { stdio: 'pipe' });
});

test('the ES module renders and scans in Chromium, adding no global', async () => {
  const { page, context, errors } = await openPage(env.browser, `${env.base}/fixtures/pages/esm.html`);
  const before = await page.evaluate(() => Object.getOwnPropertyNames(window).length);
  const result = await page.evaluate(() => window.esmResult);
  assert.equal(result.error, undefined, result.error);
  const pkg = JSON.parse(readFileSync(join(npmDir, 'package', 'package.json'), 'utf8'));
  assert.equal(result.version, pkg.version);
  assert.ok(result.sameApi && result.got);
  assert.equal(result.scanned, 1);
  assert.match(result.label, /Đức Thọ \(2,989\)/, 'English page, English numbers');
  assert.equal(await page.getAttribute('#by-scan', 'data-state'), 'ready');
  const globals = await page.evaluate(() => ['CommuneCharts', 'wasm_bindgen', 'createCommuneCharts'].filter((k) => k in window));
  assert.deepEqual(globals, []);
  assert.equal(await page.evaluate(() => Object.getOwnPropertyNames(window).length), before);
  assert.deepEqual(errors, []);
  await context.close();
});
