#!/usr/bin/env node
// Many charts at once: `commune-charts render DIR --kind all` over 3,321 generated communes in
// one file per province (scripts/gen-communes.mjs), timed on 1 thread and on every core
// (`--jobs`). `make bench-batch`, or `node bench/batch.mjs` (about a minute on 2 cores, after
// the release build). Prints a table and writes bench/results/batch.json. Not a test: it asserts
// only that every thread count writes the same files, byte for byte.
//
// The same provinces are also written as CSV files (as Excel with Vietnamese settings saves them:
// semicolons, 2.989, a title row) and timed the same way: the table reader's share of the work.
//
// Environment: BENCH_BATCH_RUNS (7 timed runs per thread count, after 1 warm-up),
// BENCH_BATCH_JOBS (thread counts, default "1,<cores>"), BENCH_BATCH_COMMUNES (3321),
// BENCH_BATCH_BIN (a binary to time instead of building target/release/commune-charts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { generate } from '../scripts/gen-communes.mjs';
import { root, num, log, median, textTable } from './stats.mjs';

const env = process.env;
const RUNS = num(env.BENCH_BATCH_RUNS, 7);
const COMMUNES = num(env.BENCH_BATCH_COMMUNES, 3321);
const CORES = availableParallelism();
const JOBS = (env.BENCH_BATCH_JOBS || `1,${CORES}`).split(',').map(Number).filter((n, i, all) => n >= 1 && all.indexOf(n) === i);

let bin = env.BENCH_BATCH_BIN;
if (!bin) {
  log('cargo build --release --bin commune-charts');
  const built = spawnSync('cargo', ['build', '--release', '--bin', 'commune-charts'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the release build failed');
  bin = join(root, 'target/release/commune-charts');
}

const work = join(root, 'bench/results/batch');
const data = join(work, 'data');
rmSync(work, { recursive: true, force: true });
mkdirSync(data, { recursive: true });
const provinces = generate(COMMUNES);
for (const { file, data: json } of provinces) writeFileSync(join(data, file), JSON.stringify(json, null, 1) + '\n');
const bytes = readdirSync(data).reduce((n, f) => n + readFileSync(join(data, f)).length, 0);
const tables = join(work, 'tables');
mkdirSync(tables, { recursive: true });
for (const { file, data: json } of provinces) writeFileSync(join(tables, file.replace(/\.json$/, '.csv')), toCsv(json));

/** A province as Excel with Vietnamese settings saves it: a title row, semicolons, 2.989. */
function toCsv(json) {
  const cols = [['Xã', (c) => c.name], ['Huyện', (c) => c.district], ['Tỉnh', (c) => c.province], ['Đảng viên', (c) => c.members],
    ['Chi bộ', (c) => c.cells], ['Dân số', (c) => c.population], ['Đạt và vượt', (c) => c.targets?.met],
    ['Đạt trên 80%', (c) => c.targets?.over80], ['Khó đạt', (c) => c.targets?.behind]]
    .filter(([, get]) => json.communes.some((c) => get(c) != null));
  const cell = (v) => (v == null ? '' : typeof v === 'number' ? v.toLocaleString('de-DE') : /[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = [[json.title ?? ''], cols.map(([h]) => h), ...json.communes.map((c) => cols.map(([, get]) => cell(get(c))))];
  return '\ufeff' + rows.map((r) => r.join(';')).join('\r\n') + '\r\n';
}
log(`${COMMUNES} communes in ${provinces.length} files (${(bytes / 1024).toFixed(0)} kB) in ${data}`);

/** One timed run: wall seconds (as a shell's `time` sees it) and the program's summary. */
function once(jobs, from = data) {
  const out = join(work, `out-${from === data ? 'json' : 'csv'}-j${jobs}`);
  rmSync(out, { recursive: true, force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(bin, ['render', from, '--kind', 'all', '--out-dir', out, '--jobs', String(jobs)], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`--jobs ${jobs}: exit ${r.status}\n${r.stderr}`);
  const summary = r.stderr.trim().split('\n').pop();
  const m = /^wrote (\d+) charts? from (\d+) files?/.exec(summary);
  if (!m) throw new Error(`no summary line: ${summary}`);
  return { seconds, charts: Number(m[1]), files: Number(m[2]), summary, out };
}

/** The share of CPU time idle over the next `ms` (Linux: /proc/stat), or null elsewhere. */
function idleShare(ms) {
  const read = () => {
    try {
      const [, ...t] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
      return { idle: t[3] + t[4], all: t.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const b = read();
  return a && b && b.all > a.all ? (b.idle - a.idle) / (b.all - a.all) : null;
}

// The load average lags by a minute: the idle share just before says more about other work.
const idleBefore = idleShare(2000);
const loadAtStart = loadavg().map((v) => +v.toFixed(2));
const samples = Object.fromEntries(JOBS.map((j) => [j, []]));
const csvSamples = Object.fromEntries(JOBS.map((j) => [j, []]));
for (const j of JOBS) { once(j); once(j, tables); } // warm-up: the binary and the data in the page cache
for (let r = 0; r < RUNS; r++) {
  // Alternate the order so a burst of other work does not land on one thread count only.
  for (const j of r % 2 ? [...JOBS].reverse() : JOBS) {
    samples[j].push(once(j));
    csvSamples[j].push(once(j, tables));
  }
}
const loadAtEnd = loadavg().map((v) => +v.toFixed(2));

// Every thread count writes the same files, byte for byte.
const listing = (dir) => readdirSync(dir).sort();
const [first, ...others] = JOBS.map((j) => samples[j].at(-1).out);
for (const other of others) {
  const a = listing(first);
  if (JSON.stringify(a) !== JSON.stringify(listing(other))) throw new Error(`${first} and ${other} hold different files`);
  for (const f of a) if (!readFileSync(join(first, f)).equals(readFileSync(join(other, f)))) throw new Error(`${f} differs between ${first} and ${other}`);
}

const base = median(samples[JOBS[0]].map((s) => s.seconds));
const rows = JOBS.map((j) => {
  const s = samples[j];
  const secs = s.map((x) => x.seconds);
  const med = median(secs);
  return { jobs: j, files: s[0].files, charts: s[0].charts, median: med, min: Math.min(...secs), max: Math.max(...secs), chartsPerSecond: s[0].charts / med, speedup: base / med };
});
const machine = { nproc: CORES, cpu: cpus()[0]?.model ?? '?', memGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, idleBefore, loadAtStart, loadAtEnd };
const out = [];
out.push(`==== Many charts at once: commune-charts render DIR --kind all, ${COMMUNES.toLocaleString('en')} communes in ${provinces.length} province files ====`);
const idleText = idleBefore == null ? '' : `CPU ${(100 * idleBefore).toFixed(0)}% idle in the 2 s before; `;
out.push(`${new Date().toISOString()}; ${machine.nproc} CPUs, ${machine.cpu}, ${machine.memGiB} GiB; ${idleText}load average (1 min) ${loadAtStart[0]} at start, ${loadAtEnd[0]} at end` +
  ((idleBefore ?? 1 - loadAtStart[0] / CORES) < 0.8 ? ': OTHER WORK WAS RUNNING, times are inflated (more so on every core)' : ''));
out.push(`binary: ${bin}; wall time of the whole process (reading, drawing, writing), median of ${RUNS} runs after 1 warm-up`);
out.push(textTable(['--jobs', 'files', 'charts', 'median s', 'min s', 'max s', 'charts/s', 'speed-up'],
  rows.map((r) => [r.jobs, r.files, r.charts, r.median.toFixed(3), r.min.toFixed(3), r.max.toFixed(3), r.chartsPerSecond.toFixed(0), `${r.speedup.toFixed(2)}×`])));
out.push(`every thread count wrote the same ${rows[0].charts} files, byte for byte; the program's own line: ${samples[JOBS.at(-1)].at(-1).summary}`);
const csvRows = JOBS.map((j) => ({ jobs: j, charts: csvSamples[j][0].charts, median: median(csvSamples[j].map((x) => x.seconds)) }));
out.push(`the same communes as ${provinces.length} CSV files (semicolons, 2.989, a title row; a table holds communes, so the indicators charts are JSON's only): ` +
  csvRows.map((r) => `--jobs ${r.jobs}: ${r.charts} charts in ${r.median.toFixed(3)} s (${(r.median / rows.find((x) => x.jobs === r.jobs).median).toFixed(2)}× the JSON's)`).join('; '));
console.log(out.join('\n'));
writeFileSync(join(root, 'bench/results/batch.json'), JSON.stringify({ date: new Date().toISOString(), machine, communes: COMMUNES, runs: RUNS, rows, csvRows, samples: Object.fromEntries(JOBS.map((j) => [j, samples[j].map((s) => s.seconds)])) }, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
