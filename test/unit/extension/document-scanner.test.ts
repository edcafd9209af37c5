// The editor's document scans over the document pool, without an editor: a small stand-in for
// the `vscode` module, fake documents, and a worker that scans with the real engine except for
// buffers that hang, crash or are slow (so the extension's side of a timeout is seen).
import assert from 'node:assert/strict';
import Module from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTestBundle } from '../helpers/bundle';
import type * as EngineBundle from '../../../src/extension/facade/engine';
import type * as DocumentScannerModule from '../../../src/extension/documentScanner';
import type { DocumentScanner as Scanner } from '../../../src/extension/documentScanner';
import type * as StateModule from '../../../src/extension/state';
import type { FindingStore as Store } from '../../../src/extension/state';

// A made-up token with a real provider's shape, assembled so the source holds none whole.
const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');

class Range {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}
}
class Diagnostic {
  source?: string;
  code?: unknown;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number,
  ) {}
}
const noop = () => ({ dispose() {} });
const vscodeStub = {
  workspace: {
    getConfiguration: () => ({ get: () => undefined }),
    getWorkspaceFolder: () => undefined,
    onDidOpenTextDocument: noop,
    onDidChangeTextDocument: noop,
    onDidSaveTextDocument: noop,
    onDidCloseTextDocument: noop,
    textDocuments: [],
  },
  env: { language: 'en' },
  Range,
  Diagnostic,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  Uri: { parse: (s: string) => ({ toString: () => s }) },
};

/** An open editor document whose text the test changes (each change is a new version). */
class FakeDocument {
  version = 1;
  isClosed = false;
  readonly uri: { scheme: string; fsPath: string; path: string; toString(): string };
  constructor(
    file: string,
    private text: string,
  ) {
    this.uri = { scheme: 'file', fsPath: file, path: file, toString: () => `file://${file}` };
  }
  getText(): string {
    return this.text;
  }
  edit(text: string): void {
    this.text = text;
    this.version++;
  }
  positionAt(offset: number): number {
    return offset;
  }
}

type Load = (request: string, ...rest: unknown[]) => unknown;
const loader = Module as unknown as { _load: Load };
const load = loader._load;

let work: string;
let scanner: Scanner;
let store: Store;
/** Diagnostics published per document, in order. */
const published: { uri: string; messages: string[] }[] = [];
const logged: string[] = [];

describe('document scanner (document pool)', () => {
  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-docscan-'));
    const scanFileJs = path.join(work, 'scan-file.js');
    await buildTestBundle('src/core/pool/scan-file.ts', scanFileJs);
    const worker = path.join(work, 'worker.js');
    fs.writeFileSync(
      worker,
      `const { parentPort } = require('node:worker_threads');
       const { runJob } = require(${JSON.stringify(scanFileJs)});
       parentPort.on('message', async (m) => {
         if (m.job.text.includes('HANG')) return;
         if (m.job.text.includes('CRASH')) process.exit(5);
         if (m.job.text.includes('SLOW')) await new Promise((r) => setTimeout(r, 300));
         parentPort.postMessage({ id: m.id, result: await runJob(m.job) });
       });
       parentPort.postMessage({ ready: true });`,
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require('../../../src/extension/facade/engine') as typeof EngineBundle;
    // The scanner's own pool options, with this worker and a short time limit.
    class TestPool extends bundle.ScanPool {
      constructor(options: ConstructorParameters<typeof bundle.ScanPool>[0] = {}) {
        assert.equal(options.size, 1, 'documents get a one-worker pool');
        // Long enough that the 300 ms "SLOW" document never times out on a loaded machine.
        super({ ...options, workerPath: worker, fileTimeoutMs: 2000 });
      }
    }
    const engine = { ...bundle, ScanPool: TestPool };
    loader._load = function (request: string, ...rest: unknown[]) {
      if (request === 'vscode') return vscodeStub;
      if (request === './engine.js') return engine;
      return load.call(this, request, ...rest);
    };
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { DocumentScanner } = require('../../../src/extension/documentScanner') as typeof DocumentScannerModule;
    const { FindingStore } = require('../../../src/extension/state') as typeof StateModule;
    /* eslint-enable @typescript-eslint/no-require-imports */
    store = new FindingStore();
    const collection = {
      set: (uri: { toString(): string }, diagnostics: Diagnostic[]) => published.push({ uri: uri.toString(), messages: diagnostics.map((d) => d.message) }),
      delete: (uri: { toString(): string }) => published.push({ uri: uri.toString(), messages: [] }),
    };
    const log = { error: (m: string) => logged.push(m), info: (m: string) => logged.push(m), trace: () => undefined };
    scanner = new DocumentScanner(collection as never, store, log as never);
  });
  after(() => {
    loader._load = load;
    scanner.dispose();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('publishes the findings as scanText gives them (offsets, fixes), from the worker', async () => {
    const doc = new FakeDocument(path.join(work, 'config.js'), `module.exports = { token: '${GH}' };\n`);
    await scanner.scanNow(doc as never);
    const { scanText } = await import('../../../src/core/scan');
    const expected = await scanText({ path: doc.uri.fsPath, text: doc.getText() });
    assert.ok(expected.some((f) => (f.fixes?.length ?? 0) > 0));
    assert.deepEqual(store.get(doc.uri as never)?.findings, expected);
    assert.equal(store.get(doc.uri as never)?.version, 1);
    assert.equal(published.at(-1)?.messages.length, expected.length);
  });

  it('leaves the diagnostics of a document whose scan times out or crashes, and logs which and why', async () => {
    const file = path.join(work, 'settings.yaml');
    const doc = new FakeDocument(file, `token: ${GH}\n`);
    await scanner.scanNow(doc as never);
    const before = store.get(doc.uri as never);
    assert.ok(before && before.findings.length > 0);
    const count = published.length;
    for (const [marker, why] of [
      ['HANG', /timed out after 2000 ms/],
      ['CRASH', /worker stopped \(exit code 5\)/],
    ] as const) {
      logged.length = 0;
      doc.edit(`# ${marker}\ntoken: ${GH}\nother: 1\n`);
      await scanner.scanNow(doc as never);
      assert.equal(published.length, count, `${marker}: diagnostics were replaced or wiped`);
      assert.equal(store.get(doc.uri as never), before);
      const line = logged.find((l) => l.includes(file) && why.test(l));
      assert.ok(line, `${marker}: no log line names the file and the reason: ${JSON.stringify(logged)}`);
      assert.ok(!logged.join('\n').includes(GH.slice(4)), 'a log line holds the token');
    }
    // The worker was replaced: the next scan works again.
    doc.edit('token: none\n');
    await scanner.scanNow(doc as never);
    assert.deepEqual(store.get(doc.uri as never)?.findings, []);
  });

  it('never publishes the result of a scan that a newer edit superseded', async () => {
    const doc = new FakeDocument(path.join(work, 'app.env'), `# SLOW\nGITHUB_TOKEN=${GH}\n`);
    const count = published.length;
    const first = scanner.scanNow(doc as never);
    doc.edit('# SLOW\nGITHUB_TOKEN=\n');
    const second = scanner.scanNow(doc as never);
    await Promise.all([first, second]);
    const mine = published.slice(count).filter((p) => p.uri === doc.uri.toString());
    assert.deepEqual(mine, [{ uri: doc.uri.toString(), messages: [] }]);
    assert.equal(store.get(doc.uri as never)?.version, 2);
  });
});
