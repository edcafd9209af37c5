/**
 * Entry of a scanning worker thread (bundled to dist/worker.js; see core/pool/pool.ts).
 * It scans the files and documents the pool sends, one message per job, one file at a time in the order
 * sent (the pool's time limit runs for the oldest job only), and answers with each result.
 */
import { parentPort } from 'node:worker_threads';
import { idleBlobs, prefetch } from './pool/blob-source';
import { codeCacheState, saveCodeCache } from './pool/code-cache';
import { runJob } from './pool/scan-file';
import { isDocumentJob, type FromWorker, type ToWorker } from './pool/protocol';

const port = parentPort;
if (port) {
  const queue: ToWorker[] = [];
  let running = false;
  let done = 0;
  const drain = async (): Promise<void> => {
    running = true;
    for (let m = queue.shift(); m; m = queue.shift()) {
      const result = await runJob(m.job);
      done++;
      // Out of jobs: the code compiled for them is kept for the next run's workers (see
      // saveCodeCache). Before the answer, so that the caller cannot stop this thread first.
      if (queue.length === 0) saveCodeCache(done);
      port.postMessage({ id: m.id, result } satisfies FromWorker);
    }
    running = false;
    idleBlobs();
  };
  port.on('message', (m: ToWorker) => {
    // A git blob is asked for now, so it arrives while the jobs before it are scanned.
    if (!isDocumentJob(m.job)) prefetch(m.job);
    queue.push(m);
    if (!running) void drain();
  });
  const codeCache = codeCacheState();
  port.postMessage({ ready: true, at: Date.now(), ...(codeCache ? { codeCache } : {}) } satisfies FromWorker);
}
