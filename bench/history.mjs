// The history benchmark (`npm run bench`, or alone: `node bench/run.mjs --history-only`):
// `mamori history` on a generated repository of thousands of commits, built with
// `git fast-import`, and on a full clone of a real repository already on this machine.
// For each: unique-blob MB/s, CPU time of the whole process tree, peak RSS (node's and the whole
// tree's, git included), the ratio of Mamori's wall and CPU time to git's own for printing the
// same blobs (`git cat-file --batch` fed their ids) and every object (`git cat-file
// --batch-all-objects --batch`), and a second run with --cache.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORMATS, rng } from './generate.mjs';

export const HISTORY_TARGETS = { vsGit: 3, peakRssMb: 500 };

/**
 * Where a real repository with its full history may already be on this machine (local
 * mirrors), in order of preference: the first that is there and complete (some mirrors lack
 * blobs, as a partial clone does) is cloned. nextcloud/docker: 1,451 commits and 4,054 blobs
 * (18.5 MB) reachable from HEAD; sqlalchemy (3.2 GB of blobs) is there for a long run with
 * --history-repo.
 */
const REAL_CANDIDATES = ['/work/.mirror/nextcloud+docker/repo', '/work/.mirror/wagtail+bakerydemo/repo', '/work/.mirror/firebase+snippets-web/repo'];

/** Whether a repository holds every object its refs reach. */
function complete(dir) {
  return spawnSync('git', ['fsck', '--connectivity-only', '--no-dangling'], { cwd: dir, env: GIT_ENV, stdio: 'ignore' }).status === 0;
}

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function git(cwd, args, opts = {}) {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV, maxBuffer: 1 << 30, ...opts });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr?.toString() ?? r.status}`);
  return r.stdout;
}

/**
 * A repository of `commits` commits in `dir`: an initial tree of `files` files of every format,
 * then commits that each edit one to three files (a new version in the same format), add a file
 * every tenth commit, delete one every 200th, and now and then commit a file that holds the
 * same content as another (one blob, many paths) or a binary file. Written by fast-import.
 */
export function generateHistory(dir, commits = 5000, files = 400, seed = 11) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  const r = rng(seed);
  const formats = Object.keys(FORMATS);
  const ext = { yaml: 'yml', json: 'json', hcl: 'tf', env: 'env', js: 'js', csv: 'csv', toml: 'toml', properties: 'properties', sql: 'sql', py: 'py' };
  const tree = new Map();
  const formatOf = new Map();
  const chunks = [];
  const data = (text) => {
    const b = Buffer.from(text);
    chunks.push(Buffer.from(`data ${b.length}\n`), b, Buffer.from('\n'));
  };
  const newFile = (i) => {
    const format = formats[i % formats.length];
    const name = `svc${i % 37}/${format}/file-${i}.${ext[format]}`;
    tree.set(name, FORMATS[format](r, 20 + Math.floor(r() * 300)).split('\n'));
    formatOf.set(name, format);
    return name;
  };
  let made = 0;
  for (; made < files; made++) newFile(made);
  let time = 1600000000;
  for (let c = 0; c < commits; c++) {
    const changed = new Set();
    if (c === 0) for (const k of tree.keys()) changed.add(k);
    else {
      const names = [...tree.keys()];
      const edits = 1 + Math.floor(r() * 3);
      for (let e = 0; e < edits; e++) {
        // A new version of the file in its own format (about the same length), so every
        // version parses as the format it claims: an edit that broke the syntax would time the
        // parsers' error paths instead of a project's history.
        const name = names[Math.floor(r() * names.length)];
        const format = formatOf.get(name);
        const lines = tree.get(name).length;
        tree.set(name, FORMATS[format](r, Math.max(10, lines - 5 + Math.floor(r() * 12))).split('\n'));
        changed.add(name);
      }
      if (c % 10 === 0) changed.add(newFile(made++));
    }
    time += 60 + Math.floor(r() * 3600);
    const message = `change ${c}`;
    chunks.push(Buffer.from(`commit refs/heads/main\ncommitter Bench <bench@example.jp> ${time} +0900\n`));
    data(message);
    for (const name of changed) {
      chunks.push(Buffer.from(`M 100644 inline ${name}\n`));
      data(tree.get(name).join('\n'));
    }
    if (c > 0 && c % 200 === 0) {
      const gone = [...tree.keys()][Math.floor(r() * tree.size)];
      tree.delete(gone);
      chunks.push(Buffer.from(`D ${gone}\n`));
    }
    if (c % 97 === 0) {
      // The same content at another path: one blob, two paths.
      const [name, lines] = [...tree.entries()][Math.floor(r() * tree.size)];
      chunks.push(Buffer.from(`M 100644 inline copies/${c}/${path.basename(name)}\n`));
      data(lines.join('\n'));
    }
    if (c % 251 === 0) {
      const bin = Buffer.alloc(4096);
      for (let i = 0; i < bin.length; i++) bin[i] = Math.floor(r() * 256);
      bin[0] = 0;
      chunks.push(Buffer.from(`M 100644 inline assets/img-${c}.bin\n`), Buffer.from(`data ${bin.length}\n`), bin, Buffer.from('\n'));
    }
    chunks.push(Buffer.from('\n'));
  }
  git(dir, ['fast-import', '--quiet'], { input: Buffer.concat(chunks) });
  git(dir, ['reset', '-q', '--hard', 'main']);
  return { commits };
}

/** The blobs reachable from HEAD: their ids and total size. */
function headBlobs(dir) {
  const objects = git(dir, ['rev-list', '--objects', 'HEAD'])
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(0, l.indexOf(' ') > 0 ? l.indexOf(' ') : l.length));
  const checked = git(dir, ['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], { input: objects.join('\n') + '\n' })
    .toString('utf8')
    .split('\n');
  const ids = [];
  let bytes = 0;
  for (const line of checked) {
    const [id, type, size] = line.split(' ');
    if (type !== 'blob') continue;
    ids.push(id);
    bytes += Number(size);
  }
  return { ids, bytes };
}

/**
 * Wall and CPU seconds (user + system, from /usr/bin/time when there) of a command with its
 * output thrown away (and its input from a file).
 */
function gitTime(dir, args, inputFile) {
  const sink = fs.openSync('/dev/null', 'w');
  const input = inputFile ? fs.openSync(inputFile, 'r') : 'ignore';
  const started = process.hrtime.bigint();
  const [cmd, argv] = TIME ? [TIME, ['-f', '__TIME__ %U %S', 'git', ...args]] : ['git', args];
  const r = spawnSync(cmd, argv, { cwd: dir, env: GIT_ENV, stdio: [input, sink, 'pipe'] });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  fs.closeSync(sink);
  if (typeof input === 'number') fs.closeSync(input);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  const m = /__TIME__ ([\d.]+) ([\d.]+)/.exec(r.stderr?.toString() ?? '');
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : NaN };
}

/**
 * Runs `mamori history` as a whole process: wall seconds, CPU seconds of the whole process tree
 * (node, its worker threads and every git it ran: /usr/bin/time counts the children a process
 * waited for), the node process's peak RSS (/usr/bin/time), and the peaks of the RSS and of the
 * PSS summed over the whole tree (node and its git processes), sampled every 50 ms from /proc
 * where there is one.
 */
async function timedTree(cmd, argv, cwd) {
  const started = process.hrtime.bigint();
  const child = TIME ? spawn(TIME, ['-f', '__TIME__ %e %M %U %S', cmd, ...argv], { cwd }) : spawn(cmd, argv, { cwd });
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  child.stdout.resume();
  let treeKb = 0;
  let treePssKb = 0;
  const sample = () => {
    let sum = 0;
    let pss = 0;
    for (const pid of descendants(child.pid)) {
      sum += rssKb(pid);
      pss += pssKb(pid);
    }
    treeKb = Math.max(treeKb, sum);
    treePssKb = Math.max(treePssKb, pss);
  };
  const timer = fs.existsSync('/proc/self/status') ? setInterval(sample, 50) : undefined;
  const status = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /__TIME__ ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
  return {
    wall,
    rssMb: m ? Number(m[2]) / 1024 : NaN,
    cpu: m ? Number(m[3]) + Number(m[4]) : NaN,
    treeRssMb: timer ? treeKb / 1024 : NaN,
    treePssMb: timer ? treePssKb / 1024 : NaN,
    stderr: stderr.replace(/__TIME__.*\n?/, ''),
    status,
  };
}

/** The processes under `pid` (not itself: that is /usr/bin/time), from /proc. */
function descendants(pid) {
  const out = [];
  const visit = (p) => {
    for (const task of safeList(`/proc/${p}/task`)) {
      for (const c of safeRead(`/proc/${p}/task/${task}/children`).split(' ').filter(Boolean)) {
        out.push(Number(c));
        visit(c);
      }
    }
  };
  visit(pid);
  return out;
}

/**
 * Proportional set size: a page shared by several processes (git's pack files, mapped by every
 * git process that reads them) counts once over the tree, in shares.
 */
function pssKb(pid) {
  const m = /^Pss:\s+(\d+)/m.exec(safeRead(`/proc/${pid}/smaps_rollup`));
  return m ? Number(m[1]) : rssKb(pid);
}

function rssKb(pid) {
  const m = /VmRSS:\s+(\d+)/.exec(safeRead(`/proc/${pid}/status`));
  return m ? Number(m[1]) : 0;
}

function safeList(dir) {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The median of `runs` by `key`. */
function medianBy(runs, key) {
  const sorted = [...runs].sort((a, b) => a[key] - b[key]);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Runs the history benchmark on one repository and reports its figures. */
async function measure(name, dir, ctx) {
  const { report, fmt, DIST, WORK, RUNS } = ctx;
  const { ids, bytes } = headBlobs(dir);
  // Other processes share the cores: the load is printed with each repository's figures.
  console.log(
    `${name} history: load average ${os
      .loadavg()
      .map((l) => fmt(l, 1))
      .join(' ')} at the start`,
  );
  const idFile = path.join(WORK, `history-${name}-ids.txt`);
  fs.writeFileSync(idFile, ids.join('\n') + '\n');
  // Warm the object store, as the tree benchmarks warm the files.
  gitTime(dir, ['cat-file', '--batch'], idFile);
  const out = path.join(WORK, `history-${name}.json`);
  const cacheFile = path.join(WORK, `history-${name}-cache.json`);
  const history = (extra) => [path.join(DIST, 'cli.js'), 'history', '--format', 'json', '--output', out, ...extra];
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await timedTree(process.execPath, history([]), dir);
    if (t.status !== 0 && t.status !== 1) throw new Error(`mamori history failed (${t.status}): ${t.stderr}`);
    runs.push(t);
  }
  const m = medianBy(runs, 'wall');
  const cpu = medianBy(runs, 'cpu').cpu;
  const rss = Math.max(...runs.map((r) => r.rssMb));
  const treeRss = Math.max(...runs.map((r) => r.treeRssMb));
  const treePss = Math.max(...runs.map((r) => r.treePssMb));
  const stats = /(\d+) commit\(s\) read, (\d+) unique blob\(s\) scanned/.exec(m.stderr);
  const findings = JSON.parse(fs.readFileSync(out, 'utf8')).findings.length;
  // With --cache: a first run fills it, the second finds every blob in it (nothing committed since).
  fs.rmSync(cacheFile, { force: true });
  const cold = await timedTree(process.execPath, history(['--cache', cacheFile]), dir);
  const warm = await timedTree(process.execPath, history(['--cache', cacheFile]), dir);
  const mb = bytes / 2 ** 20;
  const median = (f) => {
    const xs = Array.from({ length: RUNS }, f);
    return { wall: medianBy(xs, 'wall').wall, cpu: medianBy(xs, 'cpu').cpu };
  };
  const same = median(() => gitTime(dir, ['cat-file', '--batch'], idFile));
  const all = median(() => gitTime(dir, ['cat-file', '--batch-all-objects', '--batch']));
  const log = median(() =>
    gitTime(dir, [
      'log',
      '--reverse',
      '--topo-order',
      '--full-history',
      '--no-renames',
      '--diff-merges=first-parent',
      '--root',
      '--raw',
      '-z',
      '--no-abbrev',
      'HEAD',
    ]),
  );
  const { vsGit, peakRssMb } = HISTORY_TARGETS;
  const wallRatio = m.wall / same.wall;
  const cpuRatio = cpu / same.cpu;
  const peak = Number.isFinite(treePss) ? treePss : rss;
  report(`mamori history, ${name} repo (${stats?.[1] ?? '?'} commits, ${stats?.[2] ?? '?'} blobs scanned, ${findings} findings)`, fmt(m.wall, 2), 's');
  report(`  the ${RUNS} runs, wall (${name} history; the figures use the median)`, runs.map((r) => fmt(r.wall, 2)).join(' / '), 's');
  report(`  CPU time, whole process tree incl. git (${name}; median)`, fmt(cpu, 2), 's');
  report(`  the ${RUNS} runs, CPU (${name})`, runs.map((r) => fmt(r.cpu, 2)).join(' / '), 's');
  report(`  unique blobs reachable from HEAD (${name}): ${ids.length}`, fmt(mb), 'MB');
  report(`  unique-blob MB/s, wall (${name})`, fmt(mb / m.wall), 'MB/s');
  report(`  unique-blob MB/s per CPU second (${name})`, fmt(mb / cpu), 'MB/s');
  report(`  peak RSS, node process (${name} history)`, fmt(rss, 0), 'MB');
  report(`  peak RSS summed over the process tree, shared pages once per process (${name})`, fmt(treeRss, 0), 'MB');
  report(`  peak memory of the whole process tree, PSS (${name} history)`, fmt(peak, 0), 'MB', `≤ ${peakRssMb}`, peak <= peakRssMb);
  report(`  git cat-file --batch, the same blobs (${name}), wall / CPU`, `${fmt(same.wall, 2)} / ${fmt(same.cpu, 2)}`, 's');
  report(`  git cat-file --batch-all-objects --batch (${name}), wall / CPU`, `${fmt(all.wall, 2)} / ${fmt(all.cpu, 2)}`, 's');
  report(`  git log --raw, same commits (${name}; Mamori's enumeration), wall / CPU`, `${fmt(log.wall, 2)} / ${fmt(log.cpu, 2)}`, 's');
  report(`  ratio to git printing the same blobs, wall (${name})`, fmt(wallRatio, 1), '×', `≤ ${vsGit}`, wallRatio <= vsGit);
  report(`  ratio to git printing the same blobs, CPU (${name})`, fmt(cpuRatio, 1), '×', `≤ ${vsGit}`, cpuRatio <= vsGit);
  report(`  ratio to git cat-file --batch-all-objects, wall (${name})`, fmt(m.wall / all.wall, 1), '×');
  report(`  ratio to git log --raw + git printing the blobs, CPU (${name})`, fmt(cpu / (log.cpu + same.cpu), 1), '×');
  report(`  first run with --cache (fills it) (${name}), wall / CPU`, `${fmt(cold.wall, 2)} / ${fmt(cold.cpu, 2)}`, 's');
  report(`  second run with --cache (nothing new) (${name}), wall / CPU`, `${fmt(warm.wall, 2)} / ${fmt(warm.cpu, 2)}`, 's');
  report(`  second run with --cache, ratio to git, wall / CPU (${name}; no target)`, `${fmt(warm.wall / same.wall, 1)} / ${fmt(warm.cpu / same.cpu, 1)}`, '×');
  report(`  peak memory, whole tree (PSS), second run with --cache (${name})`, fmt(Number.isFinite(warm.treePssMb) ? warm.treePssMb : warm.rssMb, 0), 'MB');
  // Said plainly, not only as MISS in a table.
  const missed = [];
  if (wallRatio > vsGit) missed.push(`${fmt(wallRatio, 1)}× git's wall time`);
  if (cpuRatio > vsGit) missed.push(`${fmt(cpuRatio, 1)}× git's CPU time`);
  if (peak > peakRssMb) missed.push(`${fmt(peak, 0)} MB peak`);
  console.log(
    missed.length === 0
      ? `  → history target met on the ${name} repository (≤ ${vsGit}× git, ≤ ${peakRssMb} MB).`
      : `  → history target MISSED on the ${name} repository: ${missed.join(', ')} (target: ≤ ${vsGit}× git's time to print the same blobs, ≤ ${peakRssMb} MB; the target applies to a first run, without a cache).`,
  );
  return peak;
}

/**
 * The history figures: a generated repository (`--history-commits`, default 5,000) and a full
 * local clone of the first real repository found (`--history-repo PATH` to choose one), skipped
 * with a message when there is none.
 */
export async function historyBench(ctx, options = {}) {
  const { WORK } = ctx;
  const genDir = path.join(WORK, 'history-gen');
  const started = process.hrtime.bigint();
  generateHistory(genDir, options.commits ?? 5000);
  console.log(
    `generated history repository: ${options.commits ?? 5000} commits, built in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s (git fast-import)`,
  );
  let peak = await measure('generated', genDir, ctx);
  fs.rmSync(genDir, { recursive: true, force: true });

  const there = (p) => fs.existsSync(path.join(p, 'HEAD')) || fs.existsSync(path.join(p, '.git'));
  const source = options.repo ?? REAL_CANDIDATES.find((p) => there(p) && complete(p));
  if (!source || !there(source)) {
    console.log(
      `real history repository: none found on this machine (looked for complete repositories at ${REAL_CANDIDATES.join(', ')}); give one with --history-repo PATH. Skipped.`,
    );
    return peak;
  }
  const realDir = path.join(WORK, 'history-real');
  fs.rmSync(realDir, { recursive: true, force: true });
  // A full clone (every commit), from the local copy: no network.
  git(WORK, ['clone', '-q', '--no-checkout', source, realDir]);
  console.log(`real history repository: a full clone of ${source}`);
  peak = Math.max(peak, await measure('real', realDir, ctx));
  fs.rmSync(realDir, { recursive: true, force: true });
  return peak;
}
