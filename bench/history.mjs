// The history benchmark (`npm run bench`, or alone: `node bench/run.mjs --history-only`):
// `mamori history` on a generated repository of thousands of commits, built with
// `git fast-import`, and on a full clone of a real repository already on this machine.
// For each: unique-blob MB/s, peak RSS, and the ratio of Mamori's time to the time git alone
// takes to print the same blobs (`git cat-file --batch` fed their ids) and to print every
// object (`git cat-file --batch-all-objects --batch`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
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

/** Wall seconds of a command with its output thrown away (and its input from a file). */
function gitTime(dir, args, inputFile) {
  const sink = fs.openSync('/dev/null', 'w');
  const input = inputFile ? fs.openSync(inputFile, 'r') : 'ignore';
  const started = process.hrtime.bigint();
  const r = spawnSync('git', args, { cwd: dir, env: GIT_ENV, stdio: [input, sink, 'pipe'] });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  fs.closeSync(sink);
  if (typeof input === 'number') fs.closeSync(input);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return wall;
}

/** Runs the history benchmark on one repository and reports its figures. */
function measure(name, dir, ctx) {
  const { report, fmt, timed, DIST, WORK, RUNS } = ctx;
  const { ids, bytes } = headBlobs(dir);
  const idFile = path.join(WORK, `history-${name}-ids.txt`);
  fs.writeFileSync(idFile, ids.join('\n') + '\n');
  // Warm the object store, as the tree benchmarks warm the files.
  gitTime(dir, ['cat-file', '--batch'], idFile);
  const out = path.join(WORK, `history-${name}.json`);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const t = timed(process.execPath, [path.join(DIST, 'cli.js'), 'history', '--format', 'json', '--output', out], dir);
    if (t.status !== 0 && t.status !== 1) throw new Error(`mamori history failed (${t.status}): ${t.stderr}`);
    runs.push(t);
  }
  const sorted = [...runs].sort((a, b) => a.wall - b.wall);
  const m = sorted[Math.floor((sorted.length - 1) / 2)];
  const rss = Math.max(...runs.map((r) => r.rssMb));
  const stats = /(\d+) commit\(s\) read, (\d+) unique blob\(s\) scanned/.exec(m.stderr);
  const findings = JSON.parse(fs.readFileSync(out, 'utf8')).findings.length;
  const mb = bytes / 2 ** 20;
  const median = (f) => {
    const xs = Array.from({ length: RUNS }, f).sort((a, b) => a - b);
    return xs[Math.floor((xs.length - 1) / 2)];
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
  report(`mamori history, ${name} repo (${stats?.[1] ?? '?'} commits, ${stats?.[2] ?? '?'} blobs scanned, ${findings} findings)`, fmt(m.wall, 2), 's');
  report(`  the ${RUNS} runs (${name} history; the figures use the median)`, runs.map((r) => fmt(r.wall, 2)).join(' / '), 's');
  report(`  unique blobs reachable from HEAD (${name}): ${ids.length}`, fmt(mb), 'MB');
  report(`  unique-blob MB/s (${name})`, fmt(mb / m.wall), 'MB/s');
  report(`  peak RSS (${name} history)`, fmt(rss, 0), 'MB', `≤ ${HISTORY_TARGETS.peakRssMb}`, rss <= HISTORY_TARGETS.peakRssMb);
  report(`  git cat-file --batch, the same blobs (${name})`, fmt(same, 2), 's');
  report(`  git cat-file --batch-all-objects --batch (${name})`, fmt(all, 2), 's');
  report(`  git log --raw over the same commits (${name}; Mamori's enumeration)`, fmt(log, 2), 's');
  report(
    `  ratio mamori history / git printing the same blobs (${name})`,
    fmt(m.wall / same, 1),
    '×',
    `≤ ${HISTORY_TARGETS.vsGit}`,
    m.wall / same <= HISTORY_TARGETS.vsGit,
  );
  report(`  ratio mamori history / git cat-file --batch-all-objects (${name})`, fmt(m.wall / all, 1), '×');
  report(`  ratio mamori history / (git log --raw + git printing the blobs) (${name})`, fmt(m.wall / (log + same), 1), '×');
  return rss;
}

/**
 * The history figures: a generated repository (`--history-commits`, default 5,000) and a full
 * local clone of the first real repository found (`--history-repo PATH` to choose one), skipped
 * with a message when there is none.
 */
export function historyBench(ctx, options = {}) {
  const { WORK } = ctx;
  const genDir = path.join(WORK, 'history-gen');
  const started = process.hrtime.bigint();
  generateHistory(genDir, options.commits ?? 5000);
  console.log(
    `generated history repository: ${options.commits ?? 5000} commits, built in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s (git fast-import)`,
  );
  let peak = measure('generated', genDir, ctx);
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
  peak = Math.max(peak, measure('real', realDir, ctx));
  fs.rmSync(realDir, { recursive: true, force: true });
  return peak;
}
