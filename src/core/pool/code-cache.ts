import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../write-file';

/**
 * V8's code cache for the worker bundle. Each worker thread compiles the engine's 2 MB of code
 * for itself (threads share no compiled code), and compiles each function again when first
 * called: on a small scan, a quarter of a worker's CPU time. A worker started with `LOADER`
 * compiles the bundle with the code V8 made for it on an earlier run (node:vm `cachedData`),
 * and after its first jobs, when the cache was missing or unusable, writes what it has compiled
 * by then (the bundle's code and the functions its scans called) for the next run.
 *
 * A cache file is named after a hash of the bundle's text, node's version and the machine's
 * architecture, so a cache made for other code is never read. It starts with a checksum of
 * what follows: V8 checks that cached code fits its version and flags, not that the bytes are
 * intact, and a damaged file is ignored (compiled as if there were none, then written afresh).
 * It lives in a cache folder of its own (`defaultCodeCacheDir`), never in a scanned folder, and
 * is written atomically (core/write-file.ts). No scanned text goes into it: only compiled code.
 */

/** What a cache file starts with; the version changes with the layout. */
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
const key = crypto.createHash('sha256').update(bytes).update('\\0' + process.version + '\\0' + process.arch).digest('hex').slice(0, 32);
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
    const sum = createHash('sha256').update(data).digest();
    writeFileAtomic(bundle.file, Buffer.concat([Buffer.from(MAGIC), sum, data]));
    const dir = path.dirname(bundle.file);
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      if (!/^worker-[0-9a-f]{32}\.cache$/.test(name) || path.join(dir, name) === bundle.file) continue;
      const other = path.join(dir, name);
      if (now - fs.lstatSync(other).mtimeMs > STALE_MS) fs.unlinkSync(other);
    }
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
