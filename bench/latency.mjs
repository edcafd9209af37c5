// On-type latency of `scanText`, measured for bench/run.mjs in a process of its own.
//
//   node bench/latency.mjs DIST
//
// Prints one JSON line per 5,000-line input: { format, kb, firstMs, p50, p95 }. The engine is
// loaded from DIST/core.js into a fresh process, as the editor's document worker holds only the
// engine: measured inside the benchmark's own process instead, the first format timed pays for
// the garbage of generating and reading both trees (see README.md).
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { latencyInputs } from './generate.mjs';

// Run as a script (bench/run.mjs also imports `measureLatency` to time it in its own process).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2];
  if (!dist) {
    console.error('usage: node bench/latency.mjs DIST');
    process.exit(2);
  }
  const core = createRequire(import.meta.url)(path.resolve(dist, 'core.js'));
  for (const row of await measureLatency(core)) console.log(JSON.stringify(row));
}

/**
 * Each format's first call is timed on its own (code of that format still cold); then warm-up
 * calls until the JIT has settled (about twenty: five left the HCL reader's first timed calls
 * at three times their later cost), then 60 timed calls.
 */
export async function measureLatency(engine, formats) {
  const rows = [];
  for (const input of latencyInputs(5000)) {
    if (formats && !formats.includes(input.format)) continue;
    const first = performance.now();
    await engine.scanText({ path: input.path, text: input.text });
    const firstMs = performance.now() - first;
    for (let i = 0; i < 20; i++) await engine.scanText({ path: input.path, text: input.text });
    const times = [];
    for (let i = 0; i < 60; i++) {
      const t = performance.now();
      await engine.scanText({ path: input.path, text: input.text });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push({
      format: input.format,
      kb: input.text.length / 1024,
      firstMs,
      p50: times[Math.floor(times.length * 0.5)],
      p95: times[Math.floor(times.length * 0.95)],
    });
  }
  return rows;
}
