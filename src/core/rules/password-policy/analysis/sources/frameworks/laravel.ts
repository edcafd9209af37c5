import type { Document } from '../../../../../documents/document';
import type { CharClass } from '../../../../../guidelines/profiles';
import type { Range, TextEdit } from '../../../../../types';
import { omitted, stated, type Fact, type PolicyFacts } from '../../model';
import { groupRange, inLineComment, matches, numberReplacer } from '../text';

/** Laravel: `Password::min(8)->mixedCase()…` and `'password' => 'required|min:8|confirmed'`. */
export function laravel(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  // `Password::defaults()` is `Password::min(8)` until an application sets its own defaults
  // (`Password::defaults(fn () => …)`); a file that sets them is read by the rule below.
  if (!/\bPassword::defaults\(\s*(?:fn\b|function\b|static\b|\$)/.test(text)) {
    for (const m of matches(/\bPassword::defaults\(\s*\)/dg, text)) {
      if (inLineComment(text, m.index, ['//', '#'])) continue;
      const at: Range = [m.index, m.index + m[0].length];
      out.push({ product: 'Laravel', anchor: at, minLength: omitted(at, 8) });
    }
  }
  for (const m of matches(/\bPassword::min\(\s*(\d{1,4})\s*\)((?:\s*->\s*\w+\([^()]{0,100}\)){0,12})/dg, text)) {
    const r = groupRange(m, 1);
    if (!r || inLineComment(text, m.index, ['//', '#'])) continue;
    const calls = new Set([...m[2].matchAll(/->\s*(\w+)/g)].map((c) => c[1]));
    const at: Range = [m.index, m.index + 'Password::min('.length + m[1].length + 1];
    const end = m.index + m[0].length;
    const append =
      (call: string) =>
      (v: boolean): TextEdit => ({ range: [end, end], newText: v ? `->${call}()` : '' });
    const flag = (on: boolean, call: string): Fact<boolean> => (on ? stated(true, at) : stated<boolean>(false, at, append(call)));
    const mixed = calls.has('mixedCase');
    const classes: Record<CharClass, Fact<boolean>> = {
      upper: flag(mixed, 'mixedCase'),
      // letters() asks for any letter: enough where a profile asks for "letters".
      lower: flag(mixed || calls.has('letters'), 'mixedCase'),
      digit: flag(calls.has('numbers'), 'numbers'),
      symbol: flag(calls.has('symbols'), 'symbols'),
    };
    out.push({ product: 'Laravel', anchor: at, minLength: stated(Number(m[1]), r, numberReplacer(r)), classes });
  }
  // Validation rules on a field that is confirmed (typed twice) are where a password is set.
  const rules = /['"](?:new_)?password['"]\s*=>\s*(?:(['"])([^'"\n]{0,300})\1|\[([^\]]{0,400})\])/dg;
  for (const m of matches(rules, text)) {
    const body = m[2] ?? m[3] ?? '';
    if (!/\bconfirmed\b/.test(body)) continue;
    const min = /\bmin:(\d{1,4})\b/d.exec(body);
    const groupStart = groupRange(m, m[2] !== undefined ? 2 : 3);
    if (!min?.indices || !groupStart) continue;
    const s = groupStart[0] + min.indices[1][0];
    const r: Range = [s, s + min[1].length];
    const n = Number(min[1]);
    if (n >= 2) out.push({ product: 'Laravel', anchor: [m.index, m.index + m[0].length], minLength: stated(n, r, numberReplacer(r)) });
  }
}
