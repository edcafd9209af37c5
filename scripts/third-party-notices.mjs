// Third-party notices, generated at build time from what the bundles really contain: esbuild's
// metafile names every input file of every shipped bundle; those under node_modules give the
// packages, and each package's own licence file gives the text. A package that ships a prebuilt
// bundle of its own (secretlint's recommended preset carries node-forge, lodash.* and more)
// names what it embeds in that bundle's source map; those packages are looked up in
// node_modules too (they are dev dependencies for that reason alone). A package whose licence
// text cannot be found stops the build: a notice file that misses one is not shipped.
import * as fs from 'node:fs';
import * as path from 'node:path';

const LICENCE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.-][\w.-]*)?$/i;

/** `{ name, dir }` of the package that owns a file under node_modules, or undefined. */
function owner(file) {
  const norm = file.split(path.sep).join('/');
  const at = norm.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const parts = norm.slice(at + 'node_modules/'.length).split('/');
  const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  return { name, dir: norm.slice(0, at) + 'node_modules/' + name };
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Packages a prebuilt input file embeds, from its source map: `name@version` of every source
 * under a node_modules folder (pnpm's `.pnpm/name@version/` gives the version).
 */
function embedded(file) {
  let map;
  let url;
  try {
    const tail = fs.readFileSync(file, 'utf8').slice(-500);
    url = /\/\/# sourceMappingURL=([^\s]+)\s*$/.exec(tail)?.[1];
    if (!url || url.startsWith('data:')) return [];
    map = readJson(path.resolve(path.dirname(file), url));
  } catch {
    return [];
  }
  const found = new Map();
  for (const source of map.sources ?? []) {
    const pnpm = /\.pnpm\/((?:@[^/+]+\+)?[^/@]+)@([^/_]+)/.exec(source);
    // A source outside node_modules that leaves the host's folder is a sibling package of the
    // host's own repository (secretlint's rules in its preset): its code, under its licence.
    const own = owner(source) ?? owner(path.resolve(path.dirname(file), path.dirname(url), source));
    if (!own) continue;
    found.set(own.name, { version: pnpm ? pnpm[2] : undefined, sibling: !owner(source) });
  }
  return [...found].map(([name, v]) => ({ name, ...v }));
}

/** Every package.json under root's node_modules for a package name (top level and nested). */
function installed(root, name) {
  const out = [];
  const walk = (dir, depth) => {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(candidate)) out.push(path.dirname(candidate));
    if (depth === 0) return;
    let entries = [];
    try {
      entries = fs.readdirSync(path.join(dir, 'node_modules'), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      if (e.name.startsWith('@')) {
        for (const s of fs.readdirSync(path.join(dir, 'node_modules', e.name), { withFileTypes: true }))
          if (s.isDirectory()) walk(path.join(dir, 'node_modules', e.name, s.name), depth - 1);
      } else walk(path.join(dir, 'node_modules', e.name), depth - 1);
    }
  };
  walk(root, 2);
  return out;
}

/** The licence texts a package directory holds, as `[file name, text]`. */
function licenceTexts(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => LICENCE_FILE.test(f) && fs.statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n/g, '\n').trim()]);
}

/**
 * The packages in the given outputs of esbuild metafiles: `name@version` → what to print.
 * `outputs` maps a bundle's file name (cli.js) to its metafile output entry.
 */
export function bundledPackages(root, outputs) {
  const packages = new Map();
  const add = (dir, bundle, via) => {
    const pkg = readJson(path.join(dir, 'package.json'));
    const key = `${pkg.name}@${pkg.version}`;
    const entry = packages.get(key) ?? {
      name: pkg.name,
      version: pkg.version,
      license: pkg.license ?? '(not stated)',
      homepage: typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? pkg.homepage),
      dir,
      bundles: new Set(),
      via: new Set(),
    };
    entry.bundles.add(bundle);
    if (via) entry.via.add(via);
    packages.set(key, entry);
    return entry;
  };
  for (const [bundle, output] of Object.entries(outputs)) {
    for (const input of Object.keys(output.inputs)) {
      const own = owner(input);
      if (!own) continue;
      const host = add(path.resolve(root, own.dir), bundle);
      for (const inner of embedded(path.resolve(root, input))) {
        if (inner.name === host.name) continue;
        // A sibling's version is the host's (secretlint publishes its packages in lockstep).
        const want = inner.version ?? (inner.sibling ? host.version : undefined);
        const dirs = installed(root, inner.name).filter((d) => !want || readJson(path.join(d, 'package.json')).version === want);
        if (dirs.length > 0) {
          add(dirs[0], bundle, `${host.name}@${host.version}`);
        } else if (inner.sibling) {
          // Published from the host's repository in lockstep with it: the host's licence file is theirs.
          const key = `${inner.name}@${host.version}`;
          const entry = packages.get(key) ?? {
            name: inner.name,
            version: host.version,
            license: host.license,
            homepage: host.homepage,
            dir: host.dir,
            bundles: new Set(),
            via: new Set(),
            sibling: true,
          };
          entry.bundles.add(bundle);
          entry.via.add(`${host.name}@${host.version}`);
          packages.set(key, entry);
        } else {
          throw new Error(
            `third-party notices: ${inner.name}${inner.version ? `@${inner.version}` : ''} is embedded in ${host.name} but not installed, so its licence text is unknown; add it as an exact dev dependency`,
          );
        }
      }
    }
  }
  return packages;
}

/** The notices file's text. */
export function noticesText(productVersion, packages) {
  const rule = '='.repeat(78);
  const out = [
    `Mamori ${productVersion}: third-party software notices`,
    '',
    'The bundles of this package (dist/*.js) include the following open-source packages.',
    'Each is listed with the bundles that contain it and its licence text as the package ships it.',
    `Generated at build time from the bundler's metafile (scripts/third-party-notices.mjs).`,
    '',
  ];
  const sorted = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  for (const p of sorted) {
    const texts = licenceTexts(p.dir);
    out.push(rule, `${p.name}@${p.version}`, `License: ${p.license}`);
    if (p.homepage) out.push(`Source: ${p.homepage}`);
    out.push(`Included in: ${[...p.bundles].sort().join(', ')}`);
    if (p.via.size > 0)
      out.push(`Embedded in: ${[...p.via].sort().join(', ')}${p.sibling ? ' (a package of the same repository, shipped inside it under its licence)' : ''}`);
    out.push('');
    if (texts.length === 0) out.push(`(The package ships no licence file; its package.json states the licence "${p.license}".)`, '');
    for (const [file, text] of texts) out.push(`--- ${file} ---`, text, '');
  }
  return out.join('\n') + '\n';
}

/** Writes `file` with the notices for the shipped bundles' metafile outputs. */
export function writeNotices(root, file, productVersion, outputs) {
  fs.writeFileSync(file, noticesText(productVersion, bundledPackages(root, outputs)));
}
