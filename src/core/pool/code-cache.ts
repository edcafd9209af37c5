import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { writeFileAtomic } from '../write-file';

/**
 * V8's code cache for the worker bundle and the CLI. Each worker thread compiles the engine's
 * 2 MB of code for itself (threads share no compiled code), and compiles each function again
 * when first called: on a small scan, a quarter of a worker's CPU time; the CLI's own thread
 * does the same with its bundle. A worker started with `LOADER` compiles the bundle with the
 * code V8 made for it on an earlier run (node:vm `cachedData`), and after its first jobs, when
 * the cache was missing or unusable, writes what it has compiled by then (the bundle's code
 * and the functions its scans called) for the next run. The CLI's entry (src/cli/bin.ts) loads
 * its bundle the same way with `runCached`, and writes its cache as it exits.
 *
 * A cache file is named after a hash of the bundle's text, node's version, the machine's
 * architecture and node's options, so a cache made for other code is never read. It starts with a checksum of
 * what follows: V8 checks that cached code fits its version and flags, not that the bytes are
 * intact, and a damaged file is ignored (compiled as if there were none, then written afresh).
 * It lives in a cache folder of its own (`defaultCodeCacheDir`), never in a scanned folder, and
 * is written atomically (core/write-file.ts). No scanned text goes into it: only compiled code.
 */

/** What a cache file starts with; the version changes with the layout (see also `LOADER`). */
const MAGIC = 'mamori-code-cache-1\n';
/** How long a cache file of another bundle (an older version) is kept: see `saveCodeCache`. */
const STALE_MS = 30 * 24 * 60 * 60 * 1000;

/** How a worker's bundle was compiled: with cached code, with none (no file yet), or with a file V8 or the checksum rejected. */
export type CodeCacheState = 'hit' | 'miss' | 'bad';

/** What the loader passes to the bundle (on `globalThis`, under `HOOK`). */
interface LoadedBundle {
  state: CodeCacheState;
  /** The cache file for this bundle, node and architecture. */
  file: string;
  /** The code V8 has compiled for the bundle so far. */
  produce: () => Buffer;
  /** Bytes of cached code the bundle was compiled with (0: none). */
  used: number;
}

const HOOK = 'mamori.codeCache';

/**
 * The worker's entry when a code cache is used (`new Worker(LOADER, { eval: true, workerData })`,
 * `workerData.mamoriBundle` = { file, dir }): it loads the bundle as node loads a CommonJS file,
 * compiled with the cached code when there is a sound cache for it. Plain JavaScript, as node
 * runs it: it cannot import this module.
 */
export const LOADER = `'use strict';
const { workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const { file, dir } = workerData.mamoriBundle;
const bytes = fs.readFileSync(file);
const key = crypto.createHash('sha256').update(bytes).update([process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS || ''].join('\\0')).digest('hex').slice(0, 32);
const source = bytes.toString('utf8');
const cacheFile = path.join(dir, 'worker-' + key + '.cache');
const magic = Buffer.from(${JSON.stringify(MAGIC)});
let cached;
let state = 'miss';
try {
  const raw = fs.readFileSync(cacheFile);
  state = 'bad';
  const data = raw.subarray(magic.length + 32);
  if (raw.subarray(0, magic.length).equals(magic) && data.length > 0 &&
      crypto.createHash('sha256').update(data).digest().equals(raw.subarray(magic.length, magic.length + 32))) cached = data;
} catch {}
const script = new vm.Script(Module.wrap(source), {
  filename: file,
  ...(cached ? { cachedData: cached } : {}),
  ...(vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
});
if (cached && !script.cachedDataRejected) state = 'hit';
globalThis[Symbol.for(${JSON.stringify(HOOK)})] = { state, file: cacheFile, produce: () => script.createCachedData(), used: state === 'hit' ? cached.length : 0 };
const mod = new Module(file, null);
mod.filename = file;
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
`;

/** The loader's report, in a worker started with `LOADER` (undefined in any other). */
function loaded(): LoadedBundle | undefined {
  return (globalThis as Record<symbol, LoadedBundle | undefined>)[Symbol.for(HOOK)];
}

/** How this worker's bundle was compiled (undefined: without the loader, no cache asked for). */
export function codeCacheState(): CodeCacheState | undefined {
  return loaded()?.state;
}

/** Jobs done after which a worker looks again whether its code outgrew the cache (see `saveCodeCache`). */
let recheckAt = 256;

/**
 * Called by the worker each time it runs out of jobs, with the jobs it has done. Writes the code
 * compiled so far to the cache file when the bundle was compiled without a usable one. A cache
 * made by a small scan holds only the code of the few formats it met: after 256 jobs, then
 * 2,048, the worker makes its code again and writes it when it is a quarter larger than the
 * cache. Never throws: a cache that cannot be written only costs time. Cache files of other
 * bundles not written for 30 days are removed.
 */
export function saveCodeCache(jobsDone: number): void {
  const bundle = loaded();
  if (!bundle) return;
  if (bundle.state === 'hit') {
    if (jobsDone < recheckAt) return;
    recheckAt = recheckAt >= 2048 ? Infinity : 2048;
  }
  bundle.state = 'hit';
  try {
    const data = bundle.produce();
    if (data.length === 0 || data.length < bundle.used * 1.25) return;
    bundle.used = data.length;
    writeCache(bundle.file, data);
    const dir = path.dirname(bundle.file);
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      if (!/^(?:worker|cli)-[0-9a-f]{32}\.cache$/.test(name) || path.join(dir, name) === bundle.file) continue;
      const other = path.join(dir, name);
      if (now - fs.lstatSync(other).mtimeMs > STALE_MS) fs.unlinkSync(other);
    }
  } catch {
    // A folder that cannot be read: the old files stay.
  }
}

/**
 * The cache file of a bundle (`name`: worker or cli), by a hash of its bytes, node's version,
 * the architecture and node's options (V8 rejects code cached under other flags: runs with
 * different options would otherwise write the file over each other's). `LOADER` does the same.
 */
function cacheFileOf(dir: string, name: string, bytes: Buffer): string {
  const key = createHash('sha256')
    .update(bytes)
    .update([process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS ?? ''].join('\0'))
    .digest('hex')
    .slice(0, 32);
  return path.join(dir, `${name}-${key}.cache`);
}

/** The cached code in a cache file, when it is whole (undefined: no file, or a damaged one). */
function readCacheFile(file: string): { data?: Buffer; found: boolean } {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch {
    return { found: false };
  }
  const magic = Buffer.from(MAGIC);
  const data = raw.subarray(magic.length + 32);
  const sound =
    raw.subarray(0, magic.length).equals(magic) &&
    data.length > 0 &&
    createHash('sha256')
      .update(data)
      .digest()
      .equals(raw.subarray(magic.length, magic.length + 32));
  return { found: true, ...(sound ? { data } : {}) };
}

/**
 * The main thread's bundle, loaded by `runCached` without a usable cache: its code is written
 * at exit if `keepCodeCache` allows. On `globalThis`: the entry and the bundle it loads each
 * hold a copy of this module.
 */
interface MainBundle {
  file: string;
  produce: () => Buffer;
  allowed: boolean;
}

const MAIN_HOOK = 'mamori.codeCache.main';

/**
 * Runs the CommonJS bundle `file` as node's loader would (its module.exports, require,
 * __filename, __dirname), compiled with the code cached for it in `dir`, if any. Without a
 * usable cache, its compiled code is written there as the process exits, once the bundle has
 * called `keepCodeCache` with the same folder (it knows whether the folder is being scanned).
 */
export function runCached(file: string, dir: string | undefined): void {
  const bytes = fs.readFileSync(file);
  const cacheFile = dir ? cacheFileOf(dir, 'cli', bytes) : undefined;
  const cached = cacheFile ? readCacheFile(cacheFile).data : undefined;
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), {
    filename: file,
    ...(cached ? { cachedData: cached } : {}),
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  if (cacheFile && (!cached || script.cachedDataRejected)) {
    const bundle: MainBundle = { file: cacheFile, produce: () => script.createCachedData(), allowed: false };
    (globalThis as Record<symbol, MainBundle | undefined>)[Symbol.for(MAIN_HOOK)] = bundle;
    process.once('exit', () => {
      if (bundle.allowed) writeCache(bundle.file, bundle.produce());
    });
  }
  const mod = new Module(file);
  mod.filename = file;
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
}

/**
 * Lets the main thread's code be written to its cache as the process exits, when `dir` (the
 * folder the caller may write to; undefined: none) is where `runCached` would write it.
 */
export function keepCodeCache(dir: string | undefined): void {
  const mainBundle = (globalThis as Record<symbol, MainBundle | undefined>)[Symbol.for(MAIN_HOOK)];
  if (mainBundle && dir !== undefined && path.resolve(path.dirname(mainBundle.file)) === path.resolve(dir)) mainBundle.allowed = true;
}

/** Writes a cache file (checksum, then the code). Never throws. */
function writeCache(file: string, data: Buffer): void {
  try {
    if (data.length === 0) return;
    const sum = createHash('sha256').update(data).digest();
    writeFileAtomic(file, Buffer.concat([Buffer.from(MAGIC), sum, data]));
  } catch {
    // A read-only or full disk: the next run compiles without a cache, as this one did.
  }
}

/**
 * The folder for Mamori's code cache: `$XDG_CACHE_HOME/mamori` (or `~/.cache/mamori`), on
 * macOS `~/Library/Caches/mamori`, on Windows `%LOCALAPPDATA%\mamori\Cache`. Undefined when
 * there is no home folder to put it in.
 */
export function defaultCodeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'mamori');
  if (platform === 'win32' && env.LOCALAPPDATA && path.isAbsolute(env.LOCALAPPDATA)) return path.join(env.LOCALAPPDATA, 'mamori', 'Cache');
  let home: string;
  try {
    home = os.homedir();
  } catch {
    return undefined;
  }
  if (!home || !path.isAbsolute(home)) return undefined;
  return platform === 'darwin' ? path.join(home, 'Library', 'Caches', 'mamori') : path.join(home, '.cache', 'mamori');
}
