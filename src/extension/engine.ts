import type * as Engine from './engine-bundle';

let loaded: typeof Engine | undefined;

/**
 * The scanning engine, required on first use rather than at activation: dist/engine.js holds
 * the rules, parsers and secretlint (about 1 MB), and loading it took most of the activation
 * time. The first scan of an open document loads it, just after activation.
 */
export function engine(): typeof Engine {
  // A plain require of the bundle beside this one: esbuild leaves it as it is (see esbuild.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./engine.js') as typeof Engine);
}
