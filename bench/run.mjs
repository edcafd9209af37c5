// `npm run bench`: Mamori's speed and footprint beside secretlint's, measured in one run.
//
//   node bench/run.mjs [--real-mb 48] [--gen-mb 48] [--runs 3] [--no-secretlint-cli] [--keep]
//                      [--history-commits 5000] [--history-repo PATH] [--history-only | --no-history]
//
// Trees (under the OS temp folder):
//   real  a copy of this project's installed dependencies (third-party code: JS, maps, JSON,
//         d.ts, READMEs), taken in name order up to --real-mb of text files no larger than
//         Mamori's default size limit; nested node_modules folders are renamed so both tools
//         walk them, and ignore files are left out so both tools see the same files.
//   gen   a generated repository of configs, code and CSVs in many formats (bench/generate.mjs).
// Figures are whole-process timings (wall clock of `node dist/cli.js scan …`, start-up
// included) unless a line says otherwise; peak memory is the process's maximum RSS as
// /usr/bin/time reports it (worker threads are in the same process).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepository, latencyInputs } from './generate.mjs';
import { historyBench } from './history.mjs';
import { measureLatency } from './latency.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const REAL_MB = opt('--real-mb', 48);
const GEN_MB = opt('--gen-mb', 48);
const WITH_SECRETLINT_CLI = !args.includes('--no-secretlint-cli');
const MAX_FILE = 2048 * 1024;
const WORK = path.join(os.tmpdir(), 'mamori-bench');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const TARGETS = {
  vsSecretlintCli: 20, // × faster, same files, whole process
  mbPerSec: 25, // over a whole tree, whole process
  peakRssMb: 400,
  p95Ms: 10, // scanText on a 5,000-line config file (the on-type path)
  activationMs: 50,
};

const rows = [];
function report(label, value, unit, target, pass) {
  const verdict = target === undefined ? '' : pass ? 'PASS' : 'MISS';
  rows.push({ label, value, unit, target, verdict });
  console.log(`${label.padEnd(58)} ${String(value).padStart(10)} ${unit.padEnd(6)} ${target ?? ''} ${verdict}`);
}
const fmt = (n, d = 1) => Number(n).toFixed(d);

/** Runs a command, timing it; returns wall seconds, peak RSS in MB (when measurable) and output. */
function timed(cmd, argv, cwd) {
  const started = process.hrtime.bigint();
  const r = TIME
    ? spawnSync(TIME, ['-f', '__TIME__ %e %M %U %S', cmd, ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /__TIME__ ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  // CPU: user + system seconds of the process and the children it waited for (worker threads included).
  return {
    wall,
    rssMb: m ? Number(m[2]) / 1024 : NaN,
    cpu: m ? Number(m[3]) + Number(m[4]) : NaN,
    stdout: r.stdout ?? '',
    stderr: (r.stderr ?? '').replace(/__TIME__.*\n?/, ''),
    status: r.status,
  };
}

function isText(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const n = fs.readSync(fd, buf, 0, 8192, 0);
    return !buf.subarray(0, n).includes(0);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies third-party text files from node_modules into `dir`, up to `mb` megabytes. */
function copyRealTree(dir, mb) {
  fs.rmSync(dir, { recursive: true, force: true });
  const budget = mb * 1024 * 1024;
  const files = [];
  let bytes = 0;
  const skipNames = new Set(['.gitignore', '.npmignore', '.secretlintignore', '.mamoriignore', '.secretlintrc.json', '.bin']);
  const visit = (src, rel) => {
    if (bytes >= budget) return;
    let entries;
    try {
      entries = fs.readdirSync(src, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      if (bytes >= budget) return;
      if (skipNames.has(e.name) || e.name.startsWith('.')) continue;
      const from = path.join(src, e.name);
      const to = path.join(rel, e.name === 'node_modules' ? 'nm' : e.name);
      if (e.isDirectory()) visit(from, to);
      else if (e.isFile()) {
        const size = fs.statSync(from).size;
        if (size === 0 || size > MAX_FILE || !isText(from)) continue;
        const dest = path.join(dir, to);
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.copyFileSync(from, dest);
        files.push(dest);
        bytes += size;
      }
    }
  };
  visit(path.join(ROOT, 'node_modules'), '');
  return { files, bytes };
}

function listFiles(dir) {
  const out = [];
  const visit = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) out.push(p);
    }
  };
  visit(dir);
  return out.sort();
}

/** Reads every file once so no tool pays for a cold disk cache. */
function warm(files) {
  for (const f of files) fs.readFileSync(f);
}

/**
 * A whole-tree figure: the median of `RUNS` runs (by wall clock; peak RSS is the highest of
 * them). One run on two shared cores varies by a fifth from one minute to the next.
 */
const RUNS = opt('--runs', 3);
function mamoriMedian(dir, extra = []) {
  const runs = Array.from({ length: RUNS }, () => mamori(dir, extra));
  const sorted = [...runs].sort((a, b) => a.wall - b.wall);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...median, rssMb: Math.max(...runs.map((r) => r.rssMb)), walls: runs.map((r) => r.wall) };
}

function mamori(dir, extra = []) {
  const out = path.join(WORK, 'out.json');
  const t = timed(process.execPath, [path.join(DIST, 'cli.js'), 'scan', '.', '--format', 'json', '--output', out, ...extra], dir);
  if (t.status !== 0 && t.status !== 1) throw new Error(`mamori failed (${t.status}): ${t.stderr}`);
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  // The JSON report has no file count; the summary line on stderr has.
  const files = Number(/mamori: (\d+) file/.exec(t.stderr)?.[1] ?? NaN);
  return { ...t, files, findings: r.findings.length };
}

// --- build --------------------------------------------------------------------------------
console.log('Building the production bundles…');
// Into a folder of its own, so builds running beside the benchmark cannot swap the bundles.
const DIST = path.join(WORK, 'dist');
fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production', '--outdir', DIST], { cwd: ROOT, stdio: 'ignore' });
console.log(
  `machine: ${os.cpus().length} cores (${os.availableParallelism()} usable), ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(' ')} (other processes share the cores)`,
);
console.log(`${'figure'.padEnd(58)} ${'value'.padStart(10)} unit   target verdict`);

// --- history (see history.mjs) ---------------------------------------------------------------
const history = () => {
  const at = args.indexOf('--history-repo');
  return historyBench({ report, fmt, DIST, WORK, RUNS }, { commits: opt('--history-commits', 5000), ...(at >= 0 ? { repo: args[at + 1] } : {}) });
};
if (args.includes('--history-only')) {
  await history();
  finish();
  process.exit(0);
}

// --- trees --------------------------------------------------------------------------------
const realDir = path.join(WORK, 'real');
const real = copyRealTree(realDir, REAL_MB);
const genDir = path.join(WORK, 'gen');
fs.rmSync(genDir, { recursive: true, force: true });
const gen = generateRepository(genDir, GEN_MB);
const genFiles = listFiles(genDir);
console.log(
  `real tree: ${real.files.length} files, ${fmt(real.bytes / 2 ** 20)} MB (copied from node_modules); generated tree: ${gen.files} files, ${fmt(gen.bytes / 2 ** 20)} MB`,
);

let peakRss = 0;
for (const [name, dir, files, bytes] of [
  ['real', realDir, real.files, real.bytes],
  ['gen', genDir, genFiles, gen.bytes],
]) {
  warm(files);
  const mb = bytes / 2 ** 20;
  const m = mamoriMedian(dir);
  peakRss = Math.max(peakRss, m.rssMb);
  report(`mamori CLI, ${name} tree (${m.files} files scanned, ${m.findings} findings)`, fmt(m.wall, 2), 's');
  report(`  the ${RUNS} runs (${name}; the figures use the median)`, m.walls.map((w) => fmt(w, 2)).join(' / '), 's');
  report(`  CPU time of the median run, user + system (${name})`, fmt(m.cpu, 2), 's');
  report(`  files/s (${name})`, fmt(m.files / m.wall, 0), 'files/s');
  report(`  MB/s over the whole tree (${name})`, fmt(mb / m.wall), 'MB/s', `≥ ${TARGETS.mbPerSec}`, mb / m.wall >= TARGETS.mbPerSec);
  report(`  peak RSS (${name})`, fmt(m.rssMb, 0), 'MB', `≤ ${TARGETS.peakRssMb}`, m.rssMb <= TARGETS.peakRssMb);
  const single = mamori(dir, ['--jobs', '0']);
  report(`  same, --jobs 0 (no worker threads) (${name})`, fmt(single.wall, 2), 's');
  const cacheFile = path.join(WORK, `cache-${name}.json`);
  fs.rmSync(cacheFile, { force: true });
  mamori(dir, ['--cache', cacheFile]);
  const again = mamori(dir, ['--cache', cacheFile]);
  report(`  re-scan with --cache, nothing changed (${name})`, fmt(again.wall, 2), 's');

  if (name === 'real') {
    const list = path.join(WORK, 'real-files.json');
    fs.writeFileSync(list, JSON.stringify(files));
    // Also the median of RUNS runs, so the ratio compares like with like.
    const cores = Array.from({ length: RUNS }, () => timed(process.execPath, [path.join(ROOT, 'bench/secretlint-core.mjs'), list], ROOT)).sort(
      (a, b) => a.wall - b.wall,
    );
    const core = cores[Math.floor((cores.length - 1) / 2)];
    const coreOut = JSON.parse(core.stdout.trim().split('\n').pop() ?? '{}');
    report(`secretlint core, plain loop, same files (whole process, median)`, fmt(core.wall, 2), 's');
    report(`  secretlint core loop only (in-process)`, fmt(coreOut.loopMs / 1000, 2), 's');
    report(`  ratio secretlint core process / mamori CLI`, fmt(core.wall / m.wall, 2), '×');
    if (WITH_SECRETLINT_CLI) {
      const rcDir = fs.mkdtempSync(path.join(WORK, 'rc-'));
      const rc = path.join(rcDir, '.secretlintrc.json');
      fs.writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
      const cli = timed(
        path.join(ROOT, 'node_modules/.bin/secretlint'),
        ['**/*', '--secretlintrc', rc, '--format', 'compact', '--output', path.join(WORK, 'secretlint-out.txt')],
        dir,
      );
      report(`secretlint CLI, same files (whole process)`, fmt(cli.wall, 2), 's');
      report(`  peak RSS (secretlint CLI)`, fmt(cli.rssMb, 0), 'MB');
      report(
        `  ratio secretlint CLI / mamori CLI`,
        fmt(cli.wall / m.wall, 1),
        '×',
        `≥ ${TARGETS.vsSecretlintCli}`,
        cli.wall / m.wall >= TARGETS.vsSecretlintCli,
      );
    }
  }
}

// --- on-type latency ------------------------------------------------------------------------
const require = createRequire(import.meta.url);
const core = require(path.join(DIST, 'core.js'));
const CONFIG_FORMATS = new Set(['yaml', 'json', 'hcl', 'env', 'toml', 'properties']);
// Timed in a fresh process (bench/latency.mjs), as the editor's document worker holds only the
// engine; this process holds the garbage of generating and reading both trees.
const latency = execFileSync(process.execPath, [path.join(ROOT, 'bench/latency.mjs'), DIST], { cwd: ROOT, encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
for (const { format, kb, firstMs, p50, p95 } of latency) {
  const kind = CONFIG_FORMATS.has(format) ? 'config' : 'code/data';
  report(`scanText first call, 5,000-line ${format} (cold)`, fmt(firstMs), 'ms');
  report(`scanText p50, 5,000-line ${format} (${kind}, ${fmt(kb, 0)} KB)`, fmt(p50), 'ms');
  // The target is the on-type path of a 5,000-line config file; code and data files are shown for information.
  if (kind === 'config') report(`scanText p95, 5,000-line ${format}`, fmt(p95), 'ms', `≤ ${TARGETS.p95Ms}`, p95 <= TARGETS.p95Ms);
  else report(`scanText p95, 5,000-line ${format}`, fmt(p95), 'ms');
}
// The same loop in this process, after the trees, for information: the first format timed
// inherits this process's garbage.
for (const { format, p50, p95 } of await measureLatency(core, ['yaml', 'json', 'hcl'])) {
  report(`  in the benchmark's own process, p50 / p95, ${format}`, `${fmt(p50)} / ${fmt(p95)}`, 'ms');
}
// The editor scans documents on a one-worker pool of their own (src/extension/documentScanner.ts):
// the same scan plus the round trip (posting the text, the findings coming back). For information.
for (const input of latencyInputs(5000).filter((i) => i.format === 'yaml' || i.format === 'json')) {
  const r = await documentPoolLatency(core, input);
  report(`document scan, one-worker pool p50, 5,000-line ${input.format}`, fmt(r.p50), 'ms');
  report(`document scan, one-worker pool p95, 5,000-line ${input.format}`, fmt(r.p95), 'ms');
  report(`  the first, on a fresh worker (engine load), ${input.format}`, fmt(r.first), 'ms');
}

/**
 * Times document jobs (as the editor sends them) on a fresh one-worker ScanPool of
 * the bench's bundles: the first job (worker start and engine load included), then p50 and p95
 * of 60 after 20 warm-ups, as for scanText above.
 */
async function documentPoolLatency(engine, input) {
  const pool = new engine.ScanPool({ size: 1 });
  if (!pool.threaded) throw new Error('no worker bundle beside core.js');
  const job = { kind: 'document', path: input.path, display: input.path, text: input.text };
  const once = async () => {
    const t = performance.now();
    const r = await pool.run(job);
    if (r.kind !== 'document') throw new Error(`document scan of ${input.format}: ${r.kind}`);
    return performance.now() - t;
  };
  const first = await once();
  for (let i = 0; i < 20; i++) await once();
  const times = [];
  for (let i = 0; i < 60; i++) times.push(await once());
  await pool.dispose();
  times.sort((a, b) => a - b);
  return { first, p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)] };
}

// --- activation and bundles ----------------------------------------------------------------
const activations = [];
const engineLoads = [];
for (let i = 0; i < 7; i++) {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bench/activate.cjs'), path.join(DIST, 'extension.js')], { cwd: ROOT, encoding: 'utf8' });
  const r = JSON.parse(out.trim());
  activations.push(r.totalMs);
  engineLoads.push(r.engineMs);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const act = median(activations);
report(
  'extension activation, require + activate() with a stubbed vscode (median of 7)',
  fmt(act),
  'ms',
  `< ${TARGETS.activationMs}`,
  act < TARGETS.activationMs,
);
report('  then the engine bundle, loaded by the first scan (median of 7)', fmt(median(engineLoads)), 'ms');
for (const name of fs
  .readdirSync(DIST)
  .filter((n) => n.endsWith('.js'))
  .sort()) {
  report(`bundle size dist/${name} (production, minified)`, fmt(fs.statSync(path.join(DIST, name)).size / 1024, 0), 'KB');
}
report('peak RSS over all Mamori runs', fmt(peakRss, 0), 'MB', `≤ ${TARGETS.peakRssMb}`, peakRss <= TARGETS.peakRssMb);
if (!args.includes('--no-history')) await history();
finish();

function finish() {
  const misses = rows.filter((r) => r.verdict === 'MISS');
  console.log(
    `\n${rows.filter((r) => r.verdict === 'PASS').length} PASS, ${misses.length} MISS${misses.length ? `: ${misses.map((r) => r.label.trim()).join('; ')}` : ''}`,
  );
  if (!args.includes('--keep')) fs.rmSync(WORK, { recursive: true, force: true });
}
