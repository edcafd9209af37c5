import { CWE, risk } from '../risk';
import { jsonTree } from '../../documents/json';
import { get, type TreeNode } from '../../documents/tree';
import { mentionsAny } from '../../literals';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, FIREBASE_GUIDELINES, replaceFix } from './analysis/common';
import { alwaysTrue, USER_DATA } from './analysis/firebase';

/**
 * Firebase Realtime Database rules (`database.rules.json`) that give everyone `.read` or
 * `.write` at the root or on user data (errors), and `.read` on any other branch (a warning):
 * `true`, `"true"`, or a test-mode `now < …` deadline (a warning once it has passed: extending
 * the date reopens everything).
 */

export const rtdbRulesPublic: Rule = {
  id: 'exposure/rtdb-rules-public',
  risk: risk(9.3, 'high', CWE.PUBLIC_DATA),
  literals: ['".read"', '".write"'],
  category: 'pii-exposure',
  severity: 'error',
  guidelines: FIREBASE_GUIDELINES,
  title: { en: 'Realtime Database rules open to everyone', ja: '誰でもアクセスできる Realtime Database のルール' },
  description: describe(
    'Realtime Database rules cascade: ".read": true at the root hands the whole database to anyone who knows its URL, which every client app contains, and ".write": true lets them overwrite or delete it. Require authentication ("auth != null") and scope user data to its owner ("auth.uid === $uid").',
    'Realtime Database のルールは下位に継承されます。ルートの ".read": true は、すべてのクライアントアプリに含まれる URL を知る誰にでもデータベース全体を渡し、".write": true は上書きや削除を許します。認証（"auth != null"）を必須にし、ユーザーデータは所有者（"auth.uid === $uid"）に限定してください。',
  ),
  messages: {
    open: { en: 'Anyone can {op} {path} ({rule}).', ja: '{path} を誰でも{opJa}できます（{rule}）。' },
    openUntil: { en: 'Test-mode rule: anyone can {op} {path} until {until}.', ja: 'テストモードのルールです。{until} まで {path} を誰でも{opJa}できます。' },
    'fix.requireAuth': { en: 'Require authentication', ja: '認証を必須にする' },
  },
  formats: ['json'],
  appliesTo: (doc) => /rules\.json$/.test(doc.name) || (mentionsAny(doc, ['".read"', '".write"']) && /"\.(read|write)"\s*:/.test(doc.text)),
  check(doc) {
    const rules = get(jsonTree(doc), 'rules');
    if (rules?.kind !== 'object') return [];
    const out: RawFinding[] = [];
    walk(rules, [], 0, (key, value, path) => {
      const v = value.kind === 'scalar' ? value.value : undefined;
      const verdict = v === true ? { open: true } : typeof v === 'string' ? alwaysTrue(v) : { open: false };
      if (!verdict.open) return;
      const where = `/${path.join('/')}`;
      const sensitive = path.length === 0 || USER_DATA.test(where);
      // Open writes elsewhere leak nothing; an open read anywhere hands that branch to everyone.
      if (!sensitive && key !== '.read') return;
      const op = key === '.read' ? 'read' : 'write';
      const until = 'until' in verdict ? verdict.until : undefined;
      const expired = 'expired' in verdict && verdict.expired === true;
      const range: [number, number] = [value.range[0], value.range[1]];
      out.push({
        range,
        messageId: until ? 'openUntil' : 'open',
        data: { op, opJa: op === 'read' ? '読み取り' : '書き込み', path: where, rule: `"${key}": ${doc.text.slice(range[0], range[1])}`, until: until ?? '' },
        ...(expired || !sensitive ? { severity: 'warning' as const } : {}),
        excerpt: excerpt(doc, range),
        fixes: [replaceFix('fix.requireAuth', range, '"auth != null"', false)],
      });
    });
    return out;
  },
};

function walk(node: TreeNode, path: string[], depth: number, fn: (key: string, value: TreeNode, path: string[]) => void): void {
  if (node.kind !== 'object' || depth > 64) return;
  for (const e of node.entries) {
    if (e.key === '.read' || e.key === '.write') fn(e.key, e.value, path);
    else if (!e.key.startsWith('.')) walk(e.value, [...path, e.key], depth + 1, fn);
  }
}
