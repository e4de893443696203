// The benchmark's own static server (loopback only). It serves what scripts/serve.mjs serves for
// the bench, plus the bench-only files, and it does what a production server does and the
// demo's server does not: every text or wasm body is sent compressed by `gzip -9 -n` itself
// (cached per file; zlib's level 9 is up to 0.7% bigger) with Content-Encoding: gzip, so a
// throttled transfer moves exactly the bytes of the gzip -9 column, and caching headers that let
// a repeat visit use the cache:
//   /bench/build/*          bench/results/build/ (built by bench/build.mjs: the tree-shaken Chart.js)
//   /bench/*                bench/pages/
//   /dist/*                 dist/
//   /node_modules/chart.js/*, /node_modules/uplot/*   the pinned peers
// HTML: `Cache-Control: no-cache` and an ETag (a repeat visit revalidates the article: one round
// trip, a 304); everything else: `Cache-Control: max-age=86400` (a repeat visit takes it from
// the cache without asking), the same for every contender.
// An HTML page asked for with `?n=N` gets N synthetic communes (bench/pages/data.js, variant 0)
// and a title in place of the JSON of its `<script type="application/json" id="bench-data">`
// element: the data is inline in the article, as a CMS would write it.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { runInNewContext } from 'node:vm';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const COMPRESS = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.css', '.svg']);
const DATA_RE = /(<script type="application\/json" id="bench-data">)[\s\S]*?(<\/script>)/;

/** The file a URL path maps to (null if none): the same mapping for the server and the bytes row. */
export function fileFor(pathname) {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  if (safe.startsWith('/bench/build/')) return join(root, 'bench', 'results', 'build', safe.slice('/bench/build/'.length));
  if (safe.startsWith('/bench/')) return join(root, 'bench', 'pages', safe.slice('/bench/'.length));
  if (safe.startsWith('/dist/')) return join(root, safe);
  if (safe.startsWith('/node_modules/chart.js/') || safe.startsWith('/node_modules/uplot/')) return join(root, safe);
  return null;
}

let benchData = null;
/** The page's JSON for n communes: a title and the communes, as every contender's page reads it. */
export function pageData(n) {
  if (!benchData) {
    const sandbox = { window: {} };
    runInNewContext(readFileSync(join(root, 'bench', 'pages', 'data.js'), 'utf8'), sandbox);
    benchData = sandbox.window.BenchData;
  }
  const communes = benchData.communes(n, 0).map((c) => ({ name: c.name, members: c.members }));
  return { title: `Số đảng viên của ${n.toLocaleString('vi')} đảng bộ xã`, communes };
}

const gzCache = new Map(); // file -> { mtimeMs, raw, gz }
function gzipped(file, raw, mtimeMs) {
  const hit = mtimeMs != null && gzCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs && hit.raw.length === raw.length) return hit.gz;
  const gz = execFileSync('gzip', ['-9', '-n', '-c'], { input: raw, maxBuffer: 64 << 20 });
  if (mtimeMs != null) gzCache.set(file, { mtimeMs, raw, gz });
  return gz;
}

export function startBenchServer(port = 0, host = '127.0.0.1') {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const file = fileFor(url.pathname);
    let raw, mtimeMs;
    try {
      if (!file) throw new Error('no route');
      mtimeMs = statSync(file).mtimeMs;
      raw = readFileSync(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
      res.end('not found');
      return;
    }
    const ext = extname(file);
    const n = Number(url.searchParams.get('n'));
    if (ext === '.html' && n > 0) {
      const text = raw.toString('utf8');
      if (!DATA_RE.test(text)) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`${url.pathname} has no <script type="application/json" id="bench-data"> for ?n=`);
        return;
      }
      raw = Buffer.from(text.replace(DATA_RE, (_, open, close) => open + JSON.stringify(pageData(n)) + close));
      mtimeMs = null; // not cached by file
    }
    const headers = { 'Content-Type': TYPES[ext] || 'application/octet-stream', Vary: 'Accept-Encoding' };
    if (ext === '.html') {
      headers['Cache-Control'] = 'no-cache';
      headers.ETag = `"${createHash('sha1').update(raw).digest('base64url').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === headers.ETag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
    } else {
      headers['Cache-Control'] = 'max-age=86400';
    }
    let body = raw;
    if (COMPRESS.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      body = gzipped(file, raw, mtimeMs);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
