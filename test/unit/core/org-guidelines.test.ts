// An organisation's own guideline entries (an internal standard, an ISMS control): registered
// through the catalog's function (the project-configuration loader calls it), shown beside the
// official entries in hovers' data, rule pages and every report, and labelled as the
// organisation's; never replacing a built-in entry.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { LineIndex } from '../../../src/core/documents/lines';
import { GUIDELINES, findGuideline, orgGuidelines, registerOrgGuidelines } from '../../../src/core/guidelines/catalog';
import { findingGuidelines, guidelineLabelWithLevel } from '../../../src/core/messages';
import { formatJson } from '../../../src/core/report/json';
import { formatMarkdown } from '../../../src/core/report/markdown';
import { locate, type ScanReport } from '../../../src/core/report/model';
import { ruleMarkdown } from '../../../src/core/report/rules-table';
import { formatSarif } from '../../../src/core/report/sarif';
import { scanText } from '../../../src/core/scan';

const ENTRIES = [
  {
    id: 'isms-a-8-5',
    title: { en: 'ISMS control 8.5 (our statement of applicability)', ja: 'ISMS 管理策 8.5（当社の適用宣言書）' },
    summary: { en: 'MFA for every administrator.', ja: '管理者は全員多要素認証を使う。' },
    url: 'https://intranet.example.co.jp/isms/8-5',
    issuer: { en: 'Example Corp.', ja: '株式会社エグザンプル' },
    appliesTo: ['password-policy'],
  },
  { id: 'sec-std-4.2', title: '社内セキュリティ基準 4.2 認証情報の管理', appliesTo: ['secret/slack-token', 'secret'] },
];

afterEach(() => registerOrgGuidelines([]));

describe('organisation guideline entries', () => {
  it('registers valid entries under org:, skips bad ones with a message, and never replaces a built-in id', () => {
    const r = registerOrgGuidelines([
      ...ENTRIES,
      { id: 'ppc-gl-10-6', title: 'override attempt' },
      { title: 'no id' },
      { id: 'bad id with spaces', title: 'x' },
      { id: 'x1', title: 'bad url', url: 'javascript:alert(1)' },
    ]);
    assert.deepEqual(r.added, ['org:isms-a-8-5', 'org:sec-std-4.2', 'org:ppc-gl-10-6', 'org:x1']);
    assert.equal(r.errors.length, 3, r.errors.join('\n'));
    assert.match(GUIDELINES['ppc-gl-10-6'].title.ja, /10-6 技術的安全管理措置/);
    assert.equal(findGuideline('org:x1')?.url, undefined);
    assert.equal(orgGuidelines().length, 4);
    assert.equal(registerOrgGuidelines([]).added.length, 0);
    assert.equal(orgGuidelines().length, 0);
  });

  it("is shown beside the official entries, labelled as the organisation's, in rule pages and every report", async () => {
    registerOrgGuidelines(ENTRIES);
    const text = `SLACK_TOKEN=${['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-')}\n`;
    const lines = new LineIndex(text);
    const findings = (await scanText({ path: '.env', text })).map((f) => locate(f, lines, '.env'));
    const report: ScanReport = { version: '0.0.0', root: '/repo', filesScanned: 1, findings, skipped: [] };
    const cited = findingGuidelines(findings[0]);
    assert.equal(cited[0].origin, 'official', 'the official entry still leads');
    const org = cited.filter((g) => g.origin === 'organisation').map((g) => g.id);
    assert.deepEqual(org, ['org:sec-std-4.2'], 'only the entry that applies to secrets');
    assert.match(
      guidelineLabelWithLevel(
        cited.find((g) => g.id === 'org:sec-std-4.2')!,
        'ja',
      ),
      /（組織独自の基準）/,
    );
    const json = JSON.parse(formatJson(report, 'ja')) as { findings: { guidelines: { id: string; origin: string }[] }[] };
    assert.ok(json.findings[0].guidelines.some((g) => g.id === 'org:sec-std-4.2' && g.origin === 'organisation'));
    assert.match(formatMarkdown(report, 'ja', '2026-11-21T00:00:00Z'), /社内セキュリティ基準 4\.2 認証情報の管理（組織独自の基準）/);
    assert.match(formatSarif(report, 'en'), /社内セキュリティ基準 4\.2/);
    assert.match(
      ruleMarkdown('password-policy/min-length', 'ja') ?? '',
      /\[株式会社エグザンプル — ISMS 管理策 8\.5（当社の適用宣言書）（組織独自の基準）\]\(https:\/\/intranet\.example\.co\.jp\/isms\/8-5\)/,
    );
    assert.doesNotMatch(ruleMarkdown('exposure/redis-open', 'ja') ?? '', /ISMS 管理策/);
  });

  it("rule pages of password policies give each profile number its source or say it is Mamori's own default", () => {
    const page = ruleMarkdown('password-policy/min-length', 'ja') ?? '';
    assert.match(page, /\| `jp-baseline` \| これ未満は重大として報告 \| 8 \| Mamori 独自の既定値（ガイドラインの数値ではありません） \|/);
    assert.match(page, /\| `jp-baseline` \| 最低文字数 \| 10 \| nisc\.go\.jp column 2022-07-05 \|/);
    assert.match(page, /\| `pci-dss-4` \| 最低文字数 \| 12 \| [^|]*（二次情報のみで確認） \|/);
    assert.match(page, /\| `mhlw-medical` \| 変更間隔の上限（か月） \| 2 \|/);
  });
});
