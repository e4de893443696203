// A tiny static server for the demo and the tests: /dist/* from dist/, everything else from www/,
// /fixtures/* from tests/fixtures/, /npm/* from the unpacked npm tarball (target/npm/package/),
// /bench/* from bench/pages/ and /node_modules/chart.js/* (the benchmark, `make bench`).
// Loopback only.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8', '.tsv': 'text/tab-separated-values; charset=utf-8',
};

export function startServer(port = 0, host = '127.0.0.1') {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
    let file;
    if (safe.startsWith('/dist/')) file = join(root, safe);
    else if (safe.startsWith('/fixtures/')) file = join(root, 'tests', safe);
    else if (safe.startsWith('/npm/')) file = join(root, 'target', 'npm', 'package', safe.slice('/npm/'.length));
    else if (safe.startsWith('/bench/')) file = join(root, 'bench', 'pages', safe.slice('/bench/'.length));
    else if (safe.startsWith('/node_modules/chart.js/')) file = join(root, safe);
    else file = join(root, 'www', safe);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  // A port that cannot be had (in use, not allowed) rejects instead of throwing from the event.
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || 8000);
  try {
    const server = await startServer(port);
    console.log(`commune-charts demo: http://127.0.0.1:${server.address().port}/`);
  } catch (e) {
    const why = e && e.code === 'EADDRINUSE' ? `port ${port} is already in use by another program`
      : e && e.code === 'EACCES' ? `port ${port} is not allowed for this user`
        : `cannot listen on port ${port} (${e && (e.code || e.message)})`;
    console.error(`commune-charts demo: ${why}. Stop that program, or choose another port: make demo PORT=8080`);
    process.exit(1);
  }
}
