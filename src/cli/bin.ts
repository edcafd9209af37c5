/**
 * The `mamori` command (bundled to dist/cli.js): loads the CLI's bundle (dist/cli-main.js, from
 * ./main.ts) compiled with V8's code cache of an earlier run, so that the CLI's 2 MB of code is
 * not compiled again on every run (see core/pool/code-cache.ts). Kept small: node compiles this
 * file itself.
 */
import * as path from 'node:path';
import { defaultCodeCacheDir, runCached } from '../core/pool/code-cache';

runCached(path.join(__dirname, 'cli-main.js'), defaultCodeCacheDir());
