// Test servers for what real networks and servers do to the widget's two files and its data:
// two origins (two ports on 127.0.0.1) with the same routes.
//
//   /p/VARIANT/PAGE.html          tests/fixtures/pages/PAGE.html ({{OTHER}}: the other origin,
//                                 {{LANG}}: ?lang=, default vi); VARIANT csp adds a CSP header
//                                 without 'wasm-unsafe-eval'
//   /p/VARIANT/commune-charts.js  dist/commune-charts.js (so the .wasm is looked for next to it)
//   /p/VARIANT/commune-charts-explain.wasm  the explanations module, for every variant but
//                                 no-explain (404; its commune-charts_bg.wasm is the real one)
//   /p/VARIANT/commune-charts_bg.wasm, by VARIANT:
//     ok, csp        the real file           cors     the real file with Access-Control-Allow-Origin
//     missing        404                     html     a single-page app's index.html (text/html)
//     html-as-wasm   HTML sent as application/wasm
//     truncated      the first half, complete response (a file cut on the server)
//     cut            Content-Length of the whole file, half sent, then the connection reset
//     release        the real file with another build id in its commune-charts-build section
//     stall          headers and a few bytes, then nothing
//   /data/seed.json               tests/fixtures/seed.json (?ms= delays the answer)
//   /data/stall.json              headers and half a JSON body, then nothing
//   /data/cut.json                Content-Length of the whole body, half sent, then a reset
//   /data/flaky.json?key=K        cut the first time for each K, whole afterwards
//   /node_modules/whatwg-fetch/*  the pinned fetch polyfill
// Every request is counted in `log` (method and path with query), in arrival order.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (...p) => readFileSync(join(root, ...p));

/** The dist .wasm with its build id replaced by another of the same length. */
export function otherRelease(wasm) {
  const name = Buffer.from('commune-charts-build');
  const at = wasm.lastIndexOf(name) + name.length;
  const copy = Buffer.from(wasm);
  const id = copy.subarray(at, at + 12).toString('latin1');
  copy.write(id.split('').reverse().join('') === id ? '000000000000' : id.split('').reverse().join(''), at, 'latin1');
  return copy;
}

function handler(state) {
  return (req, res) => {
    const url = new URL(req.url, 'http://x');
    state.log.push(url.pathname + url.search);
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
      res.end(body);
    };
    const cutOff = (type, body) => {
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
      res.write(body.subarray(0, body.length >> 1));
      setTimeout(() => res.socket?.destroy(), 100);
    };
    const stall = (type, body) => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.write(body.subarray(0, body.length >> 1));
      state.stalled.push(res); // closed when the servers stop
    };
    const page = url.pathname.match(/^\/p\/([\w-]+)\/([\w-]+)\.html$/);
    const file = url.pathname.match(/^\/p\/([\w-]+)\/(commune-charts(?:_bg)?\.(?:js|wasm))$/);
    try {
      if (page) {
        const html = read('tests', 'fixtures', 'pages', `${page[2]}.html`).toString()
          .replaceAll('{{OTHER}}', state.other()).replaceAll('{{LANG}}', url.searchParams.get('lang') || 'vi').replaceAll('{{VIA}}', url.searchParams.get('via') || 'ok');
        const csp = page[1] === 'csp' ? { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-inline'" } : {};
        return send(200, 'text/html; charset=utf-8', html, csp);
      }
      if (file && file[2].endsWith('.js')) return send(200, 'text/javascript; charset=utf-8', read('dist', 'commune-charts.js'));
      // The explanations module, as any variant's server would have it (CORS for the other origin).
      const explain = url.pathname.match(/^\/p\/([\w-]+)\/commune-charts-explain\.wasm$/);
      if (explain && explain[1] === 'no-explain') return send(404, 'text/plain', 'not here');
      if (explain) {
        return send(200, 'application/wasm', read('dist', 'commune-charts-explain.wasm'), { 'Access-Control-Allow-Origin': '*' });
      }
      if (file) {
        const wasm = read('dist', 'commune-charts_bg.wasm');
        const type = 'application/wasm';
        switch (file[1]) {
          case 'missing': return send(404, 'text/plain', 'not found');
          case 'html': return send(200, 'text/html; charset=utf-8', read('www', 'index.html'));
          case 'html-as-wasm': return send(200, type, read('www', 'index.html'));
          case 'truncated': return send(200, type, wasm.subarray(0, wasm.length >> 1));
          case 'cut': return cutOff(type, wasm);
          case 'stall': return stall(type, wasm);
          case 'release': return send(200, type, otherRelease(wasm));
          case 'cors': return send(200, type, wasm, { 'Access-Control-Allow-Origin': '*' });
          default: return send(200, type, wasm);
        }
      }
      const seed = read('tests', 'fixtures', 'seed.json');
      const json = 'application/json; charset=utf-8';
      switch (url.pathname) {
        case '/data/seed.json':
          return setTimeout(() => send(200, json, seed), Number(url.searchParams.get('ms') || 0));
        case '/data/stall.json': return stall(json, seed);
        case '/data/cut.json': return cutOff(json, seed);
        case '/data/flaky.json': {
          const key = url.searchParams.get('key');
          if (state.flaky.has(key)) return send(200, json, seed);
          state.flaky.add(key);
          return cutOff(json, seed);
        }
        default:
          if (url.pathname.startsWith('/node_modules/whatwg-fetch/')) {
            return send(200, 'text/javascript; charset=utf-8', read('node_modules', 'whatwg-fetch', 'dist', 'fetch.umd.js'));
          }
          return send(404, 'text/plain', 'not found');
      }
    } catch (e) {
      return send(500, 'text/plain', String(e));
    }
  };
}

/** Starts both origins; `close()` stops them (and ends the stalled responses). */
export async function startNetworkServers() {
  const state = { log: [], stalled: [], flaky: new Set(), other: () => '' };
  const listen = (s) => new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  const a = createServer(handler(state));
  const bState = { ...state, other: () => base };
  const b = createServer(handler(bState));
  await listen(a);
  await listen(b);
  const base = `http://127.0.0.1:${a.address().port}`;
  const other = `http://127.0.0.1:${b.address().port}`;
  state.other = () => other;
  return {
    base, other, log: state.log,
    close() {
      for (const r of [...state.stalled, ...bState.stalled]) r.socket?.destroy();
      a.closeAllConnections?.();
      b.closeAllConnections?.();
      a.close();
      b.close();
    },
  };
}
