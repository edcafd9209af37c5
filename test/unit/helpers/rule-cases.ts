// A rule's test cases on disk: test/rules/<category>/<rule-name>/{ng,ok}/<case>/<files…>, where
// the rule id is <category>/<rule-name>. An `ng` case must be reported by the rule, an `ok` case
// must not; each file is scanned as its path relative to the case folder (`.env`,
// `docker-compose.yml`). Secret rules keep their examples only here, outside the packages.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Rule, RuleExample, RuleExamples } from '../../../src/core/rules/rule';

export const CASES_ROOT = path.resolve(__dirname, '../../rules');

export interface RuleCase {
  /** Folder name of the case. */
  name: string;
  /** Its files, by their path relative to the case folder. */
  files: RuleExample[];
}

function filesUnder(dir: string, base = ''): RuleExample[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) =>
      e.isDirectory()
        ? filesUnder(path.join(dir, e.name), `${base}${e.name}/`)
        : [{ path: `${base}${e.name}`, text: fs.readFileSync(path.join(dir, e.name), 'utf8') }],
    );
}

/** A rule's `ng` or `ok` cases, in the order of their names (numbers by value). */
export function ruleCases(ruleId: string, kind: 'ng' | 'ok'): RuleCase[] {
  const dir = path.join(CASES_ROOT, ruleId, kind);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => ({ name, files: filesUnder(path.join(dir, name)) }));
}

/** A rule's examples: its own (`Rule.examples`) and every file of its cases on disk. */
export function examplesOf(rule: Rule): RuleExamples {
  return {
    bad: [...rule.examples.bad, ...ruleCases(rule.id, 'ng').flatMap((c) => c.files)],
    good: [...rule.examples.good, ...ruleCases(rule.id, 'ok').flatMap((c) => c.files)],
  };
}
