import { CWE, risk } from '../risk';
import type { Fix } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, FIREBASE_GUIDELINES } from './analysis/common';
import { allowStatements, alwaysTrue, isRootPath, USER_DATA } from './analysis/firebase';

const READS = new Set(['read', 'get', 'list']);

/**
 * Cloud Firestore and Cloud Storage security rules that let anyone in: `allow read, write: if
 * true;`, an unconditional `allow read;`, or the test-mode deadline that has not passed yet. Open
 * reads on the whole database or on collections of people (users, customers, orders …) are
 * errors; open writes there, open reads on other collections and test-mode deadlines that have
 * passed are warnings.
 */
export const firestoreRulesPublic: Rule = {
  id: 'exposure/firestore-rules-public',
  risk: risk(9.3, 'high', CWE.PUBLIC_DATA),
  category: 'pii-exposure',
  severity: 'error',
  guidelines: FIREBASE_GUIDELINES,
  title: { en: 'Firebase rules open to everyone', ja: '誰でもアクセスできる Firebase のルール' },
  description: describe(
    'Firebase clients talk to Firestore and Cloud Storage directly, so the security rules are the only access control: "if true" (or the test-mode date) lets anyone with the project ID, which ships inside every app, read or overwrite the data. Require a signed-in user at least (request.auth != null), and better, match the document owner (request.auth.uid == userId).',
    'Firebase のクライアントは Firestore や Cloud Storage に直接アクセスするため、セキュリティルールが唯一のアクセス制御です。「if true」（やテストモードの期限）は、アプリに必ず含まれるプロジェクト ID を知る誰にでもデータの読み取り・上書きを許します。少なくともサインイン済みユーザー（request.auth != null）を必須にし、できればドキュメントの所有者（request.auth.uid == userId）に限定してください。',
  ),
  messages: {
    openRead: {
      en: 'Anyone can read {path} ({statement}).',
      ja: '{path} を誰でも読み取れます（{statement}）。',
    },
    openWrite: {
      en: 'Anyone can write {path} ({statement}).',
      ja: '{path} に誰でも書き込めます（{statement}）。',
    },
    openUntil: {
      en: 'Test-mode rule: anyone can access {path} until {until} ({statement}).',
      ja: 'テストモードのルールです。{until} まで誰でも {path} にアクセスできます（{statement}）。',
    },
    openExpired: {
      en: 'Test-mode rule: anyone could access {path} until {until}; the date has passed, but extending it, as the console asks, reopens everything ({statement}).',
      ja: 'テストモードのルールです。{until} まで誰でも {path} にアクセスできました。期限は過ぎていますが、コンソールの案内どおり期限を延ばすと再び全体が公開されます（{statement}）。',
    },
    'fix.requireAuth': { en: 'Require a signed-in user', ja: 'サインイン済みユーザーを必須にする' },
  },
  appliesTo: (doc) => doc.format === 'firebase-rules' || /\.rules$/.test(doc.name),
  check(doc) {
    const out: RawFinding[] = [];
    for (const s of allowStatements(doc)) {
      const verdict = s.condition === undefined ? { open: true } : alwaysTrue(s.condition);
      if (!verdict.open) continue;
      const reads = s.ops.some((o) => READS.has(o));
      const sensitive = isRootPath(s.path) || USER_DATA.test(s.path);
      // Open writes alone on a collection of no one's data leak nothing; every open read does.
      if (!sensitive && !reads) continue;
      const expired = 'expired' in verdict && verdict.expired === true;
      const severity = sensitive && reads && !expired ? 'error' : 'warning';
      const path = s.path || '/';
      const statement = doc.text.slice(s.range[0], s.range[1]).replace(/\s+/g, ' ').slice(0, 80);
      const fix: Fix = s.conditionRange
        ? { titleId: 'fix.requireAuth', edits: [{ range: s.conditionRange, newText: 'request.auth != null' }], safe: false }
        : { titleId: 'fix.requireAuth', edits: [{ range: [s.range[1] - 1, s.range[1] - 1], newText: ': if request.auth != null' }], safe: false };
      const usable = s.conditionRange !== undefined || doc.text[s.range[1] - 1] === ';';
      out.push({
        range: s.range,
        messageId: 'until' in verdict && verdict.until ? (expired ? 'openExpired' : 'openUntil') : reads ? 'openRead' : 'openWrite',
        data: { path, statement, until: 'until' in verdict && verdict.until ? verdict.until : '' },
        severity,
        excerpt: excerpt(doc, s.range),
        ...(usable ? { fixes: [fix] } : {}),
      });
    }
    return out;
  },
};
