// Extension activation time with a stubbed `vscode` module: the time to require
// dist/extension.js and call activate() in a fresh process. Prints milliseconds as JSON.
// The stub answers every property, call and `new` with another stub, so activate() runs its
// real code path (settings, listeners, providers) without an editor.
const Module = require('node:module');
const path = require('node:path');

function stub() {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'then') return undefined;
      if (prop === 'length') return 0;
      return stub();
    },
    set: () => true,
    apply: () => stub(),
    construct: () => stub(),
  });
}

// esbuild's CommonJS interop copies the module's own property names, so the stub module lists
// the names the real one exports (read from @types/vscode).
const fs = require('node:fs');
const bundle = path.resolve(process.argv[2] ?? 'dist/extension.js');
const types = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
const names = new Set([...types.matchAll(/^\t?export (?:class|enum|namespace|const|let|function) (\w+)/gm)].map((m) => m[1]));
const vscode = new Proxy(
  {},
  {
    get: (_t, prop) => (prop === '__esModule' ? false : prop === 'then' ? undefined : stub()),
    ownKeys: () => [...names],
    getOwnPropertyDescriptor: (_t, prop) => (names.has(prop) ? { configurable: true, enumerable: true, value: stub() } : undefined),
  },
);
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  return load.call(this, request, ...rest);
};

const started = performance.now();
const ext = require(bundle);
const loaded = performance.now();
const subscriptions = [];
ext.activate({ subscriptions, extensionPath: process.cwd(), extensionUri: stub(), globalState: stub(), workspaceState: stub(), asAbsolutePath: (p) => p });
const activated = performance.now();
// The engine bundle is loaded by the first scan, just after activation (src/extension/engine.ts).
const engineBundle = path.join(path.dirname(bundle), 'engine.js');
let engineMs = 0;
if (fs.existsSync(engineBundle)) {
  const t = performance.now();
  require(engineBundle);
  engineMs = performance.now() - t;
}
console.log(JSON.stringify({ requireMs: loaded - started, activateMs: activated - loaded, totalMs: activated - started, engineMs }));
