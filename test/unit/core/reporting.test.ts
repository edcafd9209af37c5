// The reporting-duty engine, case by case against the reference (jp-guidelines.md §1, §1A, §1B):
// each case names the provision it checks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../src/core/documents/lines';
import { GUIDELINES } from '../../../src/core/guidelines/catalog';
import { formatJson } from '../../../src/core/report/json';
import { formatMarkdown } from '../../../src/core/report/markdown';
import { locate, type ScanReport } from '../../../src/core/report/model';
import { formatSarif } from '../../../src/core/report/sarif';
import { formatText } from '../../../src/core/report/text';
import { assessFindings, assessIncidents, type DutyAssessment, type Incident, type RegimeDuty } from '../../../src/core/reporting/duty';
import { dutySummary } from '../../../src/core/reporting/render';
import { scanText } from '../../../src/core/scan';

function regime(a: DutyAssessment, id: RegimeDuty['regime']): RegimeDuty {
  const r = a.regimes.find((x) => x.regime === id);
  assert.ok(r, `no ${id} regime in ${a.regimes.map((x) => x.regime).join(', ')}`);
  return r;
}

function item(r: RegimeDuty, en: RegExp): string {
  const i = r.items.find((x) => en.test(x.ref.en));
  assert.ok(i, `no item ${en} in ${r.regime}`);
  return i.applies;
}

const assess = (i: Incident) => assessIncidents([i]);

describe('reporting duty: APPI (§1)', () => {
  it('an exposure of personal data: a leak only if viewed (3-5-1-2), item 3 possible, count unknown', () => {
    const a = assess({ kinds: ['personal'], exposure: 'internet' });
    const r = regime(a, 'appi');
    assert.equal(
      a.regimes.some((x) => x.regime === 'mynumber'),
      false,
    );
    assert.equal(item(r, /item 3/), 'possible');
    assert.equal(item(r, /item 4/), 'check');
    assert.equal(item(r, /item 2/), 'check');
    assert.equal(r.reportable, 'possible');
    assert.match(r.leak.ja, /3-5-1-2/);
    assert.match(r.leak.ja, /閲覧されないうちに全てを回収した場合は該当せず/);
    // The clock: any department (GL 3-5-3); 3–5 days; 30 days, 60 for item 3 (Rules Art. 8(2)).
    assert.match(r.clock?.ja ?? '', /いずれかの部署が当該事態を知った時点/);
    assert.match(r.preliminary?.ja ?? '', /概ね3～5日以内/);
    assert.match(r.final?.ja ?? '', /30日以内（第3号の「不正の目的をもって行われたおそれ」がある事態は60日以内）/);
    assert.match(r.final?.en ?? '', /day 1/);
    // 本人通知: Art. 26(2), promptly according to the situation, no fixed days (GL 3-5-4).
    assert.match(r.notice?.ja ?? '', /法第26条第2項/);
    assert.match(r.notice?.ja ?? '', /当該事態の状況に応じて速やかに/);
    assert.match(r.exemption?.ja ?? '', /高度な暗号化/);
    // First steps: keep the access logs first; then close; then the scope (GL 3-5-2).
    assert.match(a.firstSteps[0].text.ja, /アクセスログ/);
    assert.ok(a.firstSteps.some((s) => s.guidelines.includes('ppc-gl-3-5-2') && /影響範囲を特定/.test(s.text.ja)));
  });

  it('more than 1,000 records meet item 4 (the possible maximum counts); 1,000 do not', () => {
    assert.equal(item(regime(assess({ kinds: ['personal'], records: 1001, exposure: 'committed', encrypted: false }), 'appi'), /item 4/), 'yes');
    assert.equal(item(regime(assess({ kinds: ['personal'], records: 1000, exposure: 'committed', encrypted: false }), 'appi'), /item 4/), 'no');
  });

  it('one card number meets item 2 even for one person, and brings the card regime without calling it an identification code', () => {
    const a = assess({ kinds: ['card'], records: 1, exposure: 'committed', encrypted: false });
    const r = regime(a, 'appi');
    assert.equal(item(r, /item 2/), 'yes');
    assert.equal(r.reportable, 'yes');
    assert.match(r.items[1].why.ja, /1人分でも該当/);
    const card = regime(a, 'card');
    assert.ok(card.guidelines[0] === 'cc-kappu-35-16' && card.guidelines.includes('pci-dss-v4-req3') && card.guidelines.includes('cc-sec-gl'));
    assert.match(card.leak.ja, /個人識別符号ではありません/);
    // The reference gives no card-regime deadline: none is invented.
    assert.equal(card.preliminary, undefined);
    assert.equal(card.final, undefined);
    assert.match(card.route?.ja ?? '', /施行規則第7条第2号/);
  });

  it('advanced encryption: no report (end of GL 3-5-3-1)', () => {
    const r = regime(assess({ kinds: ['card'], records: 5000, exposure: 'internet', encrypted: true }), 'appi');
    assert.equal(r.reportable, 'no');
    assert.match(r.exemption?.ja ?? '', /報告を要しません/);
  });
});

describe('reporting duty: My Number (§1A)', () => {
  it('an exposed My Number store is reportable by itself under rule Art. 2 item 3, viewed or not, with no head count (Q17-10)', () => {
    const a = assess({ kinds: ['myNumber'], exposure: 'internet' });
    const r = regime(a, 'mynumber');
    assert.equal(item(r, /item 3/), 'yes');
    assert.equal(r.reportable, 'yes');
    assert.match(r.items[2].why.ja, /閲覧の有無や人数にかかわらず/);
    assert.match(r.items[2].why.ja, /Q17-10/);
    // Q17-1 only for its nuance: clean logs, still reportable.
    assert.match(r.items[2].why.ja, /確認できても、報告は必要です（Q&A Q17-1）/);
    assert.equal(r.guidelines[0], 'ppc-mn-act-29-4');
    // The 60 days belong to item 2 here, not item 3 (rule Art. 3).
    assert.match(r.final?.ja ?? '', /第2号の「不正の目的をもって行われたおそれ」/);
    assert.match(r.final?.ja ?? '', /60日以内/);
    assert.match(r.preliminary?.ja ?? '', /概ね3日～5日以内/);
    assert.match(r.notice?.ja ?? '', /番号法第29条の4第2項/);
    assert.match(r.route?.ja ?? '', /マイナンバーは含まれていますか/);
    assert.match(r.exemption?.ja ?? '', /復号鍵をデータと分離/);
    // My Number data alone: no separate APPI regime (the form routes it).
    assert.equal(
      a.regimes.some((x) => x.regime === 'appi'),
      false,
    );
  });

  it('item 4 is more than 100 people, not 1,000', () => {
    assert.equal(item(regime(assess({ kinds: ['myNumber'], records: 101, exposure: 'committed', encrypted: false }), 'mynumber'), /item 4/), 'possible');
    assert.equal(item(regime(assess({ kinds: ['myNumber'], records: 100, exposure: 'committed', encrypted: false }), 'mynumber'), /item 4/), 'no');
  });

  it('committed My Numbers: item 3 only if the repository is reachable from outside; Art. 20 and the effort to report (3B)', () => {
    const r = regime(assess({ kinds: ['myNumber'], records: 3, exposure: 'committed', encrypted: false }), 'mynumber');
    assert.equal(item(r, /item 3/), 'possible');
    assert.match(r.leak.ja, /番号法第20条/);
    assert.match(r.otherwise?.ja ?? '', /報告するよう努めます（別添2 3B）/);
  });
});

describe('reporting duty from findings', () => {
  async function reportOf(files: Record<string, string>): Promise<ScanReport> {
    const findings = [];
    for (const [path, text] of Object.entries(files)) {
      const lines = new LineIndex(text);
      for (const f of await scanText({ path, text })) findings.push(locate(f, lines, path));
    }
    return { version: '0.0.0', root: '/repo', filesScanned: Object.keys(files).length, findings, skipped: [] };
  }
  const CSV =
    '氏名,電話番号,メールアドレス,マイナンバー\n' +
    Array.from({ length: 120 }, (_, i) => `佐藤 一郎${i},090-3841-${String(2270 + i).padStart(4, '0')},u${i}.sato@gmail.com,\n`).join('');
  const BUCKET = 'resource "aws_s3_bucket_acl" "docs" {\n  bucket = "hr-mynumber-scans"\n  acl    = "public-read"\n}\n';

  it('reads kinds, counts and exposure from the findings; nothing for secrets alone', async () => {
    const r = await reportOf({ 'export/customers.csv': CSV, 'infra/main.tf': BUCKET });
    const a = assessFindings(r.findings);
    assert.ok(a);
    assert.equal(regime(a, 'mynumber').reportable, 'yes', 'the bucket named for My Numbers is public');
    const appi = regime(a, 'appi');
    assert.equal(item(appi, /item 4/), 'no', '120 records are not above 1,000');
    const secrets = await reportOf({ '.env': 'SLACK_TOKEN=' + ['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-') + '\n' });
    assert.equal(assessFindings(secrets.findings), undefined);
  });

  it('shows in every report format, the text output ending with the summary', async () => {
    const r = await reportOf({ 'export/customers.csv': CSV, 'infra/main.tf': BUCKET });
    const text = formatText(r, 'ja');
    const tail = text.trimEnd().split('\n');
    assert.equal(tail[tail.length - 1], 'Mamori 漏えい等報告の確認、詳細: https://www.ppc.go.jp/personalinfo/legal/leakAction/');
    assert.ok(text.indexOf('── 漏えい等報告の確認 ──') > text.indexOf('ファイルをスキャン'));
    assert.match(text, /番号法（特定個人情報）：報告対象 — 番号法規則第2条第3号/);
    assert.match(formatText(r, 'en'), /Preserve the access logs/);
    const json = JSON.parse(formatJson(r, 'en')) as { reporting: { regimes: { regime: string; reportable: string }[] } };
    assert.deepEqual(json.reporting.regimes.map((x) => `${x.regime}:${x.reportable}`).sort(), ['appi:check', 'mynumber:yes']);
    const sarif = JSON.parse(formatSarif(r, 'ja')) as { runs: { properties?: { mamoriReporting?: unknown } }[] };
    assert.ok(sarif.runs[0].properties?.mamoriReporting);
    const md = formatMarkdown(r, 'ja', '2026-11-21T00:00:00Z');
    assert.match(md, /## 漏えい等報告の確認/);
    assert.match(md, /アクセスログ/);
  });

  it('every guideline the assessment names is in the catalog', () => {
    for (const i of [
      { kinds: ['myNumber', 'card', 'passport', 'personal'], exposure: 'internet' },
      { kinds: ['myNumber', 'card', 'personal'], exposure: 'committed', records: 5, encrypted: false },
    ] as Incident[]) {
      const a = assess(i);
      for (const id of [...a.regimes.flatMap((r) => r.guidelines), ...a.firstSteps.flatMap((s) => s.guidelines)]) assert.ok(GUIDELINES[id], id);
      assert.ok(dutySummary(a, 'ja').length > 5);
    }
  });
});
