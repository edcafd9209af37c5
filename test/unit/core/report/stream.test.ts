// Reports written a finding at a time (JSON, SARIF, text) must be byte for byte the text of the
// formatters that build them whole, on findings of every rule, in both languages, with what a
// history scan, a baseline and an organisation's guidance add; and they must really be made a
// piece at a time, so that a large report is never held whole.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../../src/core/documents/lines';
import { fingerprintFindings } from '../../../../src/core/fingerprint';
import { formatJson, jsonReportChunks } from '../../../../src/core/report/json';
import { jsonChunks, JsonStream } from '../../../../src/core/report/json-stream';
import { locate, type LocatedFinding, type ScanReport } from '../../../../src/core/report/model';
import { formatSarif, sarifChunks } from '../../../../src/core/report/sarif';
import { formatText, textReportChunks } from '../../../../src/core/report/text';
import { RULES } from '../../../../src/core/rules/index';
import { scanText } from '../../../../src/core/scan';
import { examplesOf } from '../../helpers/rule-cases';

/** Findings of every rule's reported examples, located and fingerprinted as a scan makes them. */
async function ruleFindings(): Promise<LocatedFinding[]> {
  const out: LocatedFinding[] = [];
  for (const rule of RULES) {
    for (const { path, text } of examplesOf(rule).bad) {
      const found = await scanText({ path, text });
      const lines = new LineIndex(text);
      const prints = fingerprintFindings(found, text, lines, path);
      found.forEach((f, i) => out.push({ ...locate(f, lines, path), fingerprint: prints[i] }));
    }
  }
  return out;
}

/** A report with every part the formats write: history, a baseline, guidance, skips, odd rules. */
function reportOf(findings: LocatedFinding[], history: boolean): ScanReport {
  const commit = (i: number) => ({ hash: `${(i % 7).toString(16)}`.repeat(40), date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString(), inHead: i % 2 === 0 });
  const marked = findings.map((f, i) => ({
    ...f,
    // A history scan keeps no fixes (see core/git/history.ts), and names a commit.
    ...(history ? { fixes: undefined, commit: commit(i) } : {}),
    ...(i % 3 === 0 ? { baseline: 'unchanged' as const } : i % 3 === 1 ? { baseline: 'new' as const } : {}),
    ...(i % 5 === 0 ? { guidance: 'https://intranet.example.jp/security/secrets' } : {}),
  }));
  // A rule this build does not know (a finding from a cache of a later version, say) and a path
  // that needs escaping in a URI and in JSON.
  marked.push({ ...marked[0], ruleId: 'secret/not-a-rule', path: 'dir with space/ファイル "q".env', excerpt: 'tab\there \\ "quoted" \u2028' });
  return {
    version: '9.9.9',
    root: '/tmp/project',
    filesScanned: marked.length + 3,
    findings: marked,
    skipped: [
      { path: 'big.sql', reason: 'too-large', detail: '9999999' },
      { path: 'bin.dat', reason: 'binary' },
      { path: 'odd.yml', reason: 'rule-error', detail: 'secret/x: boom' },
    ],
    baseline: { path: '.mamori-baseline.json', known: 3, new: 4, fixed: 1 },
    ...(history ? { history: { repositoryUri: 'https://example.com/o/r.git', head: 'a'.repeat(40), branch: 'main', commits: 12 } } : {}),
  };
}

/** The pieces, checked to be many and each far smaller than the whole. */
function joined(chunks: Iterable<string>, findings: number): string {
  const pieces = [...chunks];
  const text = pieces.join('');
  assert.ok(pieces.length > findings, `${pieces.length} pieces for ${findings} findings`);
  const largest = Math.max(...pieces.map((p) => p.length));
  assert.ok(largest * 10 < text.length, `a piece of ${largest} characters in ${text.length}`);
  return text;
}

describe('reports written a finding at a time', () => {
  it('are the formatters’ text byte for byte: JSON, SARIF and text, scan and history, English and Japanese', async () => {
    const findings = await ruleFindings();
    assert.ok(new Set(findings.map((f) => f.ruleId)).size > RULES.length / 2, 'findings of most rules');
    assert.ok(
      findings.some((f) => f.fixes?.length),
      'some findings carry fixes (SARIF writes them)',
    );
    for (const history of [false, true]) {
      const report = reportOf(findings, history);
      const n = report.findings.length;
      for (const lang of ['en', 'ja'] as const) {
        const what = `${history ? 'history' : 'scan'} ${lang}`;
        assert.equal(joined(jsonReportChunks(report, lang), n), formatJson(report, lang), `JSON, ${what}`);
        assert.equal(joined(sarifChunks(report, lang), n), formatSarif(report, lang), `SARIF, ${what}`);
        const options = { category: 'backend', automationDetails: { id: 'pipeline/1', properties: { phase: 'scan' } } };
        assert.equal(joined(sarifChunks(report, lang, options), n), formatSarif(report, lang, options), `SARIF with options, ${what}`);
        for (const color of [false, true]) assert.equal(joined(textReportChunks(report, lang, color), n), formatText(report, lang, color), `text, ${what}`);
      }
    }
  });

  it('are the formatters’ text for an empty report', () => {
    const empty: ScanReport = { version: '0.0.0', root: '/tmp/project', filesScanned: 0, findings: [], skipped: [] };
    for (const lang of ['en', 'ja'] as const) {
      assert.equal([...jsonReportChunks(empty, lang)].join(''), formatJson(empty, lang));
      assert.equal([...sarifChunks(empty, lang)].join(''), formatSarif(empty, lang));
      assert.equal([...textReportChunks(empty, lang)].join(''), formatText(empty, lang));
    }
  });
});

describe('jsonChunks', () => {
  it('writes what JSON.stringify(value, null, 2) writes, streams or not', () => {
    const date = new Date(Date.UTC(2024, 1, 29));
    const values: unknown[] = [
      new JsonStream([], (x) => x),
      { a: new JsonStream([], (x) => x), b: [] as unknown[], c: {} },
      new JsonStream([1, 'two', null, true], (x) => x),
      // Left out of an object, null in an array, as JSON.stringify does; its own toJSON honoured.
      { keep: 1, gone: undefined, fn: () => 1, sym: Symbol('s'), when: date, list: new JsonStream([undefined, () => 1, 3], (x) => x) },
      [new JsonStream([{ deep: new JsonStream([[1, [2, {}]], { x: 'é\n"\\' }], (x) => x) }], (x) => x), undefined, 'tail'],
      { nan: NaN, inf: -Infinity, neg: -0, big: 1e21, small: 1.5e-7, s: '\u2028\ud800' },
      new JsonStream(new Set(['from', 'a', 'set']), (x) => ({ v: x, n: x.length })),
      { outer: { inner: { list: new JsonStream([{ a: [1, 2] }, { b: {} }], (x) => x) }, after: [1] } },
      'plain',
      42,
      null,
    ];
    for (const value of values) assert.equal([...jsonChunks(value)].join(''), JSON.stringify(value, null, 2), JSON.stringify(value));
  });

  it('makes each item only when it is written', () => {
    let made = 0;
    const items = function* () {
      for (let i = 0; i < 1000; i++) {
        made++;
        yield i;
      }
    };
    const pieces = jsonChunks({ list: new JsonStream(items(), (i) => ({ i })) });
    let written = 0;
    for (const piece of pieces) {
      written += piece.split('"i"').length - 1;
      // No item is made before the text of the ones before it has been handed out.
      assert.ok(made <= written + 1, `${made} items made, ${written} written`);
    }
    assert.equal(made, 1000);
  });
});
