// A rule that throws is reported as a rule error that names the file and the rule, in every
// report format and both languages, and the file's other rules still report.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { formatHtml } from '../../../src/core/report/html';
import { formatJson } from '../../../src/core/report/json';
import { formatMarkdown } from '../../../src/core/report/markdown';
import { formatSarif } from '../../../src/core/report/sarif';
import { formatText } from '../../../src/core/report/text';
import { RULES } from '../../../src/core/rules/index';
import { scanPaths } from '../../../src/core/scan-paths';

const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');

describe('a rule that throws', () => {
  it('is reported with the file and the rule in every format, and the other rules still report', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-rule-error-'));
    fs.writeFileSync(path.join(root, 'redis.conf'), `bind 0.0.0.0\nprotected-mode no\n# token ${GH}\n`);
    const victim = RULES.find((r) => r.id === 'exposure/redis-open');
    assert.ok(victim);
    const original = victim.check.bind(victim);
    victim.check = () => {
      throw new Error('unexpected field md5(');
    };
    try {
      const report = await scanPaths([root], { root, maxFileSize: 1 << 20, jobs: 0 });
      assert.deepEqual(
        report.skipped.map((s) => `${s.path} ${s.reason}`),
        ['redis.conf rule-error'],
      );
      // The other rules' findings on the same file are kept.
      assert.ok(report.findings.some((f) => f.path === 'redis.conf' && f.ruleId === 'secret/github-token'));
      for (const lang of ['en', 'ja'] as const) {
        const outputs = {
          text: formatText(report, lang),
          json: formatJson(report, lang),
          sarif: formatSarif(report, lang),
          markdown: formatMarkdown(report, lang, '2026-01-01T00:00:00Z'),
          html: formatHtml(report, lang, '2026-01-01T00:00:00Z'),
        };
        for (const [format, out] of Object.entries(outputs)) {
          assert.ok(out.includes('redis.conf'), `${format} (${lang}) does not name the file`);
          assert.ok(out.includes('exposure/redis-open'), `${format} (${lang}) does not name the rule`);
          assert.ok(out.includes('unexpected field md5('), `${format} (${lang}) does not say what failed`);
        }
        // The rule and the error each in their place, not the detail twice.
        assert.ok(
          outputs.text.includes(
            lang === 'en'
              ? 'rule exposure/redis-open failed on this file: unexpected field md5('
              : 'ルール exposure/redis-open がこのファイルで失敗しました: unexpected field md5(',
          ),
          outputs.text,
        );
      }
    } finally {
      victim.check = original;
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
