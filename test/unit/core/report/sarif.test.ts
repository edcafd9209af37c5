// What code scanning reads from each rule: a risk row per rule, texts within GitHub's limits,
// CWE tags, precision, and help that shows examples without a secret in full.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSarif } from '../../../../src/core/report/sarif';
import { clip, DESCRIPTION_LIMIT, maskExample, sarifRule } from '../../../../src/core/report/sarif-rules';
import { scanText } from '../../../../src/core/scan';
import { ruleExamples } from '../../../../src/core/report/rule-examples';
import { RULES } from '../../../../src/core/rules/index';
import { CWE, findingSecuritySeverity, risk, ruleRisk } from '../../../../src/core/rules/risk';
import { locate, type LocatedFinding, type ScanReport } from '../../../../src/core/report/model';
import { LineIndex } from '../../../../src/core/documents/lines';
import { examplesOf } from '../../helpers/rule-cases';

type Descriptor = {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  properties: { tags: string[]; precision: string; 'security-severity': string };
};

const EMPTY: ScanReport = { version: '0.0.0', root: '/tmp/project', filesScanned: 0, findings: [], skipped: [] };

describe('SARIF rules', () => {
  it('every rule declares its own risk, within range and with a CWE', () => {
    for (const r of RULES) {
      const own = r.risk;
      assert.ok(own, `${r.id} declares no risk`);
      assert.ok(own.securitySeverity > 0 && own.securitySeverity <= 10, r.id);
      assert.ok(own.cwe.length > 0, `${r.id} has no CWE`);
      assert.equal(ruleRisk(r), own);
    }
  });

  it('scores a live cloud key, a private key and a My Number or card store as critical (above 9.0), webhooks and policies lower', () => {
    const score = (id: string) =>
      Number(
        (
          sarifRule(
            RULES.find((r) => r.id === id)!,
            'en',
          ) as Descriptor
        ).properties['security-severity'],
      );
    for (const id of [
      'secret/aws-secret-access-key',
      'secret/gcp-service-account-key',
      'secret/private-key-block',
      'pii-data/my-number',
      'pii-data/card-number',
      'exposure/storage-public-acl',
      'exposure/mongod-open',
    ]) {
      assert.ok(score(id) > 9.0, `${id}: ${score(id)}`);
    }
    assert.ok(score('secret/slack-webhook') < 7);
    assert.ok(score('password-policy/periodic-expiry') < 4);
    assert.ok(new Set(RULES.map((r) => score(r.id))).size >= 8, 'scores must spread, not be one per severity');
  });

  it("reads a rule's own risk, and a category default for a rule Mamori does not know", () => {
    const rule = { id: 'secret/not-a-rule', category: 'secret' as const, severity: 'error' as const };
    assert.equal(ruleRisk(rule).securitySeverity, 8.0);
    assert.equal(ruleRisk({ ...rule, risk: risk(4.2, 'low', CWE.SECRET) }).securitySeverity, 4.2);
    assert.equal(findingSecuritySeverity({ ...rule, risk: risk(9.5, 'high', CWE.SECRET) }, 'warning'), 6.9);
  });

  it('caps the score of a finding its rule reported below its default severity', () => {
    const hardcoded = RULES.find((r) => r.id === 'secret/connection-string-password')!;
    assert.equal(findingSecuritySeverity(hardcoded, 'error'), undefined, 'the rule score stands');
    assert.equal(findingSecuritySeverity(hardcoded, 'warning'), 6.9, 'a weak password is not critical');
    assert.equal(findingSecuritySeverity(hardcoded, 'info'), 3.9);
    const expiry = RULES.find((r) => r.id === 'password-policy/periodic-expiry')!;
    assert.equal(findingSecuritySeverity(expiry, 'info'), undefined);
  });

  it('gives precision by how a rule decides, and CWE tags by what it finds', () => {
    const d = (id: string) =>
      sarifRule(
        RULES.find((r) => r.id === id)!,
        'en',
      ) as Descriptor;
    assert.equal(d('secret/github-token').properties.precision, 'very-high');
    assert.equal(d('secret/hardcoded-password').properties.precision, 'medium');
    assert.ok(d('secret/github-token').properties.tags.includes('external/cwe/cwe-798'));
    assert.ok(d('password-policy/min-length').properties.tags.includes('external/cwe/cwe-521'));
    assert.ok(d('exposure/db-public-access').properties.tags.includes('external/cwe/cwe-284'));
    assert.ok(d('exposure/db-public-access').properties.tags.includes('external/cwe/cwe-200'));
    assert.ok(d('pii-data/my-number').properties.tags.includes('external/cwe/cwe-359'));
    for (const r of RULES) assert.ok(d(r.id).properties.tags.includes('security'), r.id);
  });

  it('keeps descriptions within GitHub limits in both languages, the full text in help', () => {
    for (const lang of ['en', 'ja'] as const) {
      for (const r of RULES) {
        const d = sarifRule(r, lang) as Descriptor;
        assert.ok(d.fullDescription.text.length <= DESCRIPTION_LIMIT, `${r.id} ${lang}: ${d.fullDescription.text.length}`);
        assert.ok(d.shortDescription.text.length <= DESCRIPTION_LIMIT);
        assert.ok(d.properties.tags.length <= 20);
        assert.ok(d.help.text.startsWith(r.description[lang]));
      }
    }
    assert.ok(
      RULES.some((r) => r.description.en.length > DESCRIPTION_LIMIT),
      'the limit is exercised by some rule',
    );
  });

  it('clips at a sentence end', () => {
    const text = `${'A short sentence. '.repeat(60)}End.`;
    const out = clip(text, 100);
    assert.ok(out.length <= 100 && out.endsWith('.'), out);
    assert.equal(clip('short', 100), 'short');
    assert.ok(clip('x'.repeat(300), 100).length <= 100);
  });

  it('help.markdown links the guidelines and shows a bad and a good example, masked', async () => {
    for (const r of RULES) {
      const { markdown } = (sarifRule(r, 'en') as Descriptor).help;
      assert.match(markdown, /\]\(https:\/\/[^)]+\)/, `${r.id}: no guideline link`);
      if (r.category !== 'secret' && ruleExamples(r).bad.length > 0) assert.match(markdown, /#### Reported\n\n`[^`]+`\n\n```/, r.id);
      if (r.category !== 'secret' && ruleExamples(r).good.length > 0) assert.match(markdown, /#### Not reported/, r.id);
      // Secret rules show no examples; other rules' examples may hold passwords (compose files):
      // whatever the secret rules report in a shown example must not show in full.
      const bad = examplesOf(r).bad[0];
      if (!bad) continue;
      if (r.category === 'secret') {
        assert.doesNotMatch(markdown, /#### Reported/, r.id);
        continue;
      }
      for (const f of await scanText({ path: bad.path, text: bad.text })) {
        const value = bad.text.slice(f.range[0], f.range[1]);
        if (f.category === 'secret' && value.length >= 8) assert.ok(!markdown.includes(value), `${r.id} shows ${value.slice(0, 4)}… in full`);
      }
    }
  });

  it('masks passwords in shown examples', () => {
    const password = ['Qz7', 'pL2', 'vX9', 'kR4'].join('');
    const out = maskExample(`environment:\n  POSTGRES_PASSWORD: ${password}\n  DATABASE_URL: postgres://app:${password}@db:5432/app\n`);
    assert.ok(!out.includes(password), out);
    assert.match(out, /POSTGRES_PASSWORD: [A-Za-z0-9]{0,4}\*{4,}\n/);
  });

  it('lists every rule in tool.driver.rules, in a stable order, whatever fired', () => {
    const s = JSON.parse(formatSarif(EMPTY, 'en')) as {
      runs: { tool: { driver: { rules: { id: string }[]; fullName: string; semanticVersion: string } }; automationDetails: { id: string } }[];
    };
    const [run] = s.runs;
    assert.deepEqual(
      run.tool.driver.rules.map((r) => r.id),
      RULES.map((r) => r.id),
    );
    assert.equal(run.tool.driver.fullName, 'Mamori 0.0.0');
    assert.equal(run.tool.driver.semanticVersion, '0.0.0');
    assert.equal(run.automationDetails.id, 'mamori/');
    const custom = JSON.parse(formatSarif(EMPTY, 'en', { category: 'apps/web' })) as typeof s;
    assert.equal(custom.runs[0].automationDetails.id, 'apps/web/');
  });
});

describe('SARIF fixes', () => {
  /** Applies a SARIF result's first fix to the text, as a SARIF viewer would. */
  function applySarifFix(text: string, fix: { artifactChanges: { replacements: SarifReplacement[] }[] }): string {
    // Offsets of each line's start: SARIF lines and columns are 1-based.
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const edits = fix.artifactChanges[0].replacements.map((r) => ({
      start: starts[r.deletedRegion.startLine - 1] + r.deletedRegion.startColumn - 1,
      end: starts[r.deletedRegion.endLine - 1] + r.deletedRegion.endColumn - 1,
      text: r.insertedContent.text,
    }));
    let out = text;
    for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }
  type SarifReplacement = {
    deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    insertedContent: { text: string };
  };
  type SarifResult = { ruleId: string; fixes?: { description: { text: string }; artifactChanges: { replacements: SarifReplacement[] }[] }[] };

  async function sarifOf(path: string, text: string, extra: Partial<LocatedFinding> = {}): Promise<SarifResult[]> {
    const lines = new LineIndex(text);
    const findings = (await scanText({ path, text })).map((f) => ({ ...locate(f, lines, path), ...extra }));
    const log = JSON.parse(formatSarif({ ...EMPTY, findings }, 'en')) as { runs: { results: SarifResult[] }[] };
    return log.runs[0].results;
  }

  it("carries a fix's edits of the file, which applied give the engine's fixed text", async () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
    const results = await sarifOf('docker-compose.yml', text);
    const port = results.find((r) => r.ruleId === 'exposure/compose-db-port-public');
    assert.ok(port?.fixes?.length, 'the port finding has a fix in SARIF');
    assert.equal(applySarifFix(text, port.fixes[0]), text.replace('"5432:5432"', '"127.0.0.1:5432:5432"'));
    assert.match(port.fixes[0].description.text, /127\.0\.0\.1/);
  });

  it('never carries a value: the env fix inserts the variable, not the token', async () => {
    const token = 'ghp_8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E';
    const text = `const client = new Octokit({ auth: "${token}" });\n`;
    const results = await sarifOf('src/app.js', text);
    const found = results.find((r) => r.ruleId === 'secret/github-token');
    assert.ok(found?.fixes?.length, 'the token finding has a fix in SARIF');
    const json = JSON.stringify(results);
    assert.ok(!json.includes(token.slice(4, 20)), 'no part of the token in the SARIF results');
    assert.doesNotMatch(applySarifFix(text, found.fixes[0]), /ghp_/);
  });

  it('leaves fixes out of a history finding: the file may no longer hold those lines', async () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
    const results = await sarifOf('docker-compose.yml', text, { commit: { hash: 'a'.repeat(40), date: '2026-01-01T00:00:00Z', inHead: false } });
    assert.ok(results.length > 0);
    assert.ok(results.every((r) => r.fixes === undefined));
  });
});
