// Small helpers shared by bench/run.mjs and bench/cold.mjs: statistics, byte counts, formatting.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const num = (v, d) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
export const log = (...a) => console.error('   ', ...a);

export const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const pos = (s.length - 1) * q, lo = Math.floor(pos), hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
};
export const summary = (xs) => (xs.length
  ? { median: median(xs), p25: quantile(xs, 0.25), p75: quantile(xs, 0.75), min: Math.min(...xs), max: Math.max(...xs), n: xs.length, samples: xs }
  : { median: null, p25: null, p75: null, min: null, max: null, n: 0, samples: [] });

/** Size of `gzip -9 -n` of a file (path relative to the repository or absolute): what
 *  bench/server.mjs sends (-n: no file name or time in the header). */
export function gz(file) {
  return execFileSync('gzip', ['-9', '-n', '-c', file.startsWith('/') ? file : join(root, file)], { maxBuffer: 64 << 20 }).length;
}
/** Raw and gzip -9 bytes of files, each and together; paths printed relative to the repository. */
export function bytesOf(files) {
  const rows = files.map((f) => {
    const abs = f.startsWith('/') ? f : join(root, f);
    return { file: relative(root, abs), raw: readFileSync(abs).length, gzip: gz(abs) };
  });
  return { files: rows, raw: rows.reduce((a, r) => a + r.raw, 0), gzip: rows.reduce((a, r) => a + r.gzip, 0) };
}

export const fmtMs = (v) => (v == null ? '–' : v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
export const fmtKB = (b) => (b == null ? '–' : `${(b / 1024).toFixed(1)} kB`);
export const fmtMB = (b) => (b == null ? '–' : `${(b / 1048576).toFixed(1)} MB`);
export const fmtX = (r) => (r == null || !Number.isFinite(r) ? '–' : `${r.toFixed(r < 10 ? 2 : 1)}×`);
export const ratio = (a, b) => (a == null || b == null || b === 0 ? '–' : fmtX(a / b));

/** A plain-text table: first `left` columns left-aligned, the rest right-aligned. */
export function textTable(head, rows, left = 1) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i < left ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
