import type { Document } from '../../../../../documents/document';
import type { TextEdit } from '../../../../../types';
import { stated, type LockoutFacts, type PolicyFacts } from '../../model';
import { groupRange, matches, numberReplacer } from '../text';
import { minLengthPolicy } from './context';

/** Rails model validations and Devise's initializer. */
export function ruby(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  for (const m of matches(/^[ \t]*validates(?:_length_of)?[ \t]+:password\b[^\n]*?\b(?:minimum:|in:|within:|minimum[ \t]*=>)[ \t]*(\d{1,4})/dgm, text)) {
    const f = minLengthPolicy('Rails', [m.index, m.index + m[0].length], m, 1);
    if (f) out.push(f);
  }
  if (!/\bconfig\.(password_length|maximum_attempts|lock_strategy|unlock_in)\b/.test(text)) return;
  let facts: PolicyFacts | undefined;
  const get = (at: number): PolicyFacts => (facts ??= { product: 'Devise', anchor: [at, text.indexOf('\n', at) >>> 0] });
  for (const m of matches(/^[ \t]*config\.password_length[ \t]*=[ \t]*(\d{1,4})[ \t]*\.\.\.?/dgm, text)) {
    const r = groupRange(m, 1);
    if (r) get(m.index).minLength = stated(Number(m[1]), r, numberReplacer(r));
  }
  const lockout: LockoutFacts = {};
  for (const m of matches(
    /^[ \t]*config\.(maximum_attempts|lock_strategy|unlock_in)[ \t]*=[ \t]*(:none|:failed_attempts|\d{1,6})(?:\.(minutes?|hours?|days?))?/dgm,
    text,
  )) {
    const r = groupRange(m, 2);
    if (!r) continue;
    get(m.index);
    if (m[1] === 'maximum_attempts') lockout.attempts = stated(Number(m[2]), r, numberReplacer(r));
    else if (m[1] === 'lock_strategy' && m[2] === ':none')
      lockout.enabled = stated<boolean>(false, r, (v: boolean): TextEdit => ({ range: r, newText: v ? ':failed_attempts' : ':none' }));
    else if (m[1] === 'unlock_in' && /^\d+$/.test(m[2])) {
      const unit = (m[3] ?? 'minutes')[0];
      lockout.minutes = stated(Number(m[2]) * (unit === 'h' ? 60 : unit === 'd' ? 1440 : 1), r);
    }
  }
  if (facts && (lockout.attempts || lockout.enabled || lockout.minutes)) facts.lockout = lockout;
  if (facts) out.push(facts);
}
