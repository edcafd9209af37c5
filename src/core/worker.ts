/**
 * Entry of a scanning worker thread (bundled to dist/worker.js; see core/pool/pool.ts).
 * It scans the files the pool sends, one message per file, and answers with the result.
 */
import { parentPort } from 'node:worker_threads';
import { scanFile } from './pool/scan-file';
import type { FromWorker, ToWorker } from './pool/protocol';

const port = parentPort;
if (port) {
  port.on('message', (m: ToWorker) => {
    void scanFile(m.job).then((result) => port.postMessage({ id: m.id, result } satisfies FromWorker));
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}
