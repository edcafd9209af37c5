import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ScanCache } from '../../../src/core/pool/cache';
import { formatHtml } from '../../../src/core/report/html';
import { formatJson } from '../../../src/core/report/json';
import { formatMarkdown } from '../../../src/core/report/markdown';
import type { ScanReport } from '../../../src/core/report/model';
import { formatSarif } from '../../../src/core/report/sarif';
import { formatText } from '../../../src/core/report/text';
import { RULES } from '../../../src/core/rules/index';
import { scanText } from '../../../src/core/scan';
import { scanPaths } from '../../../src/core/scan-paths';

/**
 * Planted secrets never come out whole: not in any report format, not on the CLI's stdout or
 * stderr, not in the on-disk cache, not in a rule's error message. Made-up values with real
 * providers' shapes, assembled at run time so this file holds none of them whole.
 */
const j = (...p: string[]) => p.join('');
const SECRETS = {
  github: j('ghp_', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'),
  awsId: j('AKIA', 'Q3ZT7W2XK9LMB4NP'),
  awsSecret: j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzQ8Lm3Tq5Wv1'),
  slack: j('xoxb-', '2718281828', '-3141592653', '-Zq8Vn4Lm7Pz3Rt9Wc5Yb1Hd'),
  stripe: j('sk_live_', '51Hx8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E9'),
  dbPassword: j('Qz8', '#vL2!nRw5$tY'),
  password: j('Tr0ub4dor', '&3horse!'),
};

const FILES: Record<string, string> = {
  '.env': `GITHUB_TOKEN=${SECRETS.github}\nAWS_ACCESS_KEY_ID=${SECRETS.awsId}\nAWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret}\n`,
  'config/app.yaml': `slack:\n  token: ${SECRETS.slack}\ndatabase:\n  url: postgres://admin:${SECRETS.dbPassword}@db.internal:5432/app\n`,
  'src/pay.js': `const stripe = require('stripe')('${SECRETS.stripe}');\nconst password = "${SECRETS.password}";\n`,
  'settings.json': `{\n  "password": "${SECRETS.password}",\n  "github": "${SECRETS.github}"\n}\n`,
};

/** Every 12-character piece of every secret (a mask shows at most 4 characters). */
function leaks(output: string): string[] {
  const out: string[] = [];
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (let i = 0; i + 12 <= secret.length; i++) {
      if (output.includes(secret.slice(i, i + 12))) {
        out.push(`${name} (${secret.slice(0, 4)}…) at ${i}`);
        break;
      }
    }
  }
  return out;
}

let root: string;
let report: ScanReport;

describe('secrets never leave in full', () => {
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-leak-'));
    for (const [name, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    report = await scanPaths([root], { maxFileSize: 1 << 20, root, jobs: 0 });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the planted secrets (the test would prove nothing otherwise)', () => {
    const categories = new Set(report.findings.map((f) => f.category));
    assert.ok(categories.has('secret'));
    assert.ok(report.findings.length >= 6, `${report.findings.length} findings`);
  });

  it('keeps them out of every report format, in both languages', () => {
    for (const lang of ['en', 'ja'] as const) {
      const outputs = {
        text: formatText(report, lang),
        json: formatJson(report, lang),
        sarif: formatSarif(report, lang),
        markdown: formatMarkdown(report, lang, '2026-01-01T00:00:00Z'),
        html: formatHtml(report, lang, '2026-01-01T00:00:00Z'),
        findings: JSON.stringify(report.findings),
      };
      for (const [format, out] of Object.entries(outputs)) assert.deepEqual(leaks(out), [], `${format} (${lang}) leaks`);
    }
  });

  it('keeps them out of the CLI output and logs, for every format', () => {
    for (const format of ['text', 'json', 'sarif', 'markdown', 'html']) {
      const out = path.join(root, `..`, `${path.basename(root)}-report.${format}`);
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.resolve(__dirname, '../../../src/cli/main.ts'), 'scan', '.', '--format', format, '--jobs', '0'],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      assert.ok(r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.deepEqual(leaks(r.stdout), [], `stdout (${format}) leaks`);
      assert.deepEqual(leaks(r.stderr), [], `stderr (${format}) leaks`);
      fs.rmSync(out, { force: true });
    }
  });

  it('keeps them out of the on-disk cache', async () => {
    const old = new Date(Date.now() - 60_000);
    for (const name of Object.keys(FILES)) fs.utimesSync(path.join(root, name), old, old);
    const cache = new ScanCache(ScanCache.keyFor());
    await scanPaths([root], { maxFileSize: 1 << 20, root, jobs: 0, cache });
    const file = path.join(root, '..', `${path.basename(root)}-cache.json`);
    cache.save(file);
    assert.ok(cache.size >= 4);
    assert.deepEqual(leaks(fs.readFileSync(file, 'utf8')), []);
    fs.rmSync(file, { force: true });
  });

  it('keeps them out of the report when a rule fails with the text in its error message', async () => {
    const rule = RULES.find((r) => r.category === 'pii-data') ?? RULES[RULES.length - 1];
    const original = rule.check.bind(rule);
    rule.check = (doc) => {
      throw new Error(`cannot parse near "${doc.text.slice(0, 200)}"`);
    };
    try {
      const r = await scanPaths([root], { maxFileSize: 1 << 20, root, jobs: 0 });
      assert.ok(r.skipped.some((s) => s.reason === 'rule-error'));
      assert.deepEqual(leaks(formatText(r, 'en') + formatSarif(r, 'en') + formatJson(r, 'en')), []);
    } finally {
      rule.check = original;
    }
  });

  it('keeps the other rules findings when one rule throws', async () => {
    const text = FILES['.env'];
    const before = await scanText({ path: '.env', text });
    const victim = RULES.find((r) => before.some((f) => f.ruleId === r.id));
    assert.ok(victim);
    const original = victim.check.bind(victim);
    victim.check = () => {
      throw new Error('boom');
    };
    const errors: string[] = [];
    try {
      const after = await scanText({ path: '.env', text }, undefined, (id) => errors.push(id));
      assert.deepEqual(errors, [victim.id]);
      // Cross-rule deduplication may now keep a finding the victim's had replaced: compare by inclusion.
      const key = (f: { ruleId: string; range: readonly [number, number] }) => `${f.ruleId}@${f.range[0]}-${f.range[1]}`;
      const kept = new Set(after.map(key));
      assert.ok(after.length > 0);
      assert.deepEqual(before.filter((f) => f.ruleId !== victim.id && !kept.has(key(f))).map(key), []);
    } finally {
      victim.check = original;
    }
  });
});
