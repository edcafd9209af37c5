// Scaffolds a rule: npm run new-rule -- <category> <rule-name> [--dry-run] [--root <dir>]
//
// Creates src/core/rules/<category>/<rule-name>.ts from the category's template
// (scripts/rule-templates.mjs), registers it in the category's index, and creates one ng and
// one ok case under test/rules/<category>/<rule-name>/. With --dry-run nothing is written: the
// files are printed. --root works on another copy of the project (the scaffold's own test).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { CATEGORIES, caseFiles, identifier, ruleSource } from './rule-templates.mjs';

const USAGE = `usage: npm run new-rule -- <category> <rule-name> [--dry-run]
  category: ${Object.keys(CATEGORIES).join(', ')}
  rule-name: lower-case words joined by hyphens (e.g. memcached-open)`;

function fail(message) {
  console.error(`new-rule: ${message}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'dry-run': { type: 'boolean', default: false }, root: { type: 'string' } },
});
const [categoryDir, name] = positionals;
if (positionals.length !== 2) fail('a category and a rule name are needed');
const c = CATEGORIES[categoryDir];
if (!c) fail(`unknown category ${categoryDir}`);
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) fail(`not a rule name: ${name}`);

const root = path.resolve(values.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const id = `${categoryDir}/${name}`;
const ruleFile = `${c.dir}/${name}.ts`;
const ident = identifier(name);

/** The text of a project file, relative to the root. */
const read = (rel) => fs.readFileSync(path.join(root, rel), 'utf8');

if (fs.existsSync(path.join(root, ruleFile))) fail(`${ruleFile} exists already`);
if (fs.existsSync(path.join(root, 'test/rules', id))) fail(`test/rules/${id} exists already`);
const index = read(c.index);
if (new RegExp(`\\b${ident}\\b`).test(index)) fail(`${c.index} already names ${ident}`);

/** The index with the rule imported after the last import and appended to the category's list. */
function register(text) {
  const imports = [...text.matchAll(/^import [^;]+;\n/gm)];
  const last = imports[imports.length - 1];
  if (!last) fail(`no import in ${c.index}`);
  const at = last.index + last[0].length;
  let out = `${text.slice(0, at)}import { ${ident} } from './${name}';\n${text.slice(at)}`;
  const list = new RegExp(`export const ${c.list}\\b[^=]*=\\s*\\[`).exec(out);
  if (!list) fail(`no list ${c.list} in ${c.index}`);
  const close = out.indexOf('];', list.index);
  if (close < 0) fail(`the list ${c.list} in ${c.index} does not end with ];`);
  const before = out.slice(0, close).replace(/,?\s*$/, '');
  out = `${before}, ${ident}${out.slice(close)}`;
  return out;
}

/** Formatted as the project formats TypeScript, so the format check passes. */
async function format(rel, text) {
  const file = path.join(root, rel);
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

const files = {
  [ruleFile]: await format(ruleFile, ruleSource(categoryDir, name)),
  [c.index]: await format(c.index, register(index)),
  ...caseFiles(categoryDir, name),
};

if (values['dry-run']) {
  for (const [rel, text] of Object.entries(files)) process.stdout.write(`==> ${rel}\n${text}\n`);
  process.exit(0);
}
for (const [rel, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
  console.log(`${rel === c.index ? 'updated' : 'created'} ${rel}`);
}
console.log(`
Next:
  1. Write the check, the texts (English and Japanese) and the guidelines in ${ruleFile}.
  2. Replace the placeholder cases in test/rules/${id}/: ng/<case>/ must be reported, ok/<case>/ must not;
     each file is scanned under its path relative to the case folder. Add as many cases as it takes.
  3. Record what the cases report, then review the snapshot:
       UPDATE_SNAPSHOTS=1 node test/run-unit.mjs rule-cases
  4. Generate the rule's pages and the README's rule table:
       UPDATE_DOCS=1 node test/run-unit.mjs rule-docs
       UPDATE_README=1 node test/run-unit.mjs readme`);
