import type { Document } from '../../../../../documents/document';
import type { CharClass } from '../../../../../guidelines/profiles';
import { mentionsAny } from '../../../../../literals';
import type { Range, TextEdit } from '../../../../../types';
import { omitted, stated, type Fact, type PolicyFacts } from '../../model';
import { closing, matches, numberReplacer } from '../text';

/** Firebase Admin SDK: `passwordPolicyConfig: { enforcementState, constraints: { … } }`. */
export function firebaseCode(doc: Document, out: PolicyFacts[]): void {
  if (!mentionsAny(doc, ['passwordpolicyconfig'])) return;
  const text = doc.text;
  for (const m of matches(/\bpasswordPolicyConfig\s*:\s*\{/dg, text)) {
    const open = m.index + m[0].length - 1;
    const close = closing(text, open, 4000);
    if (close === undefined) continue;
    const body = text.slice(open, close);
    const anchor: Range = [m.index, m.index + 'passwordPolicyConfig'.length];
    const facts: PolicyFacts = { product: 'Firebase Authentication', anchor };
    const state = /enforcementState\s*:\s*['"](\w+)['"]/.exec(body);
    if (state && state[1].toUpperCase() !== 'ENFORCE') {
      facts.minLength = omitted(anchor, 6);
      out.push(facts);
      continue;
    }
    const min = /\bminLength\s*:\s*(\d{1,4})/d.exec(body);
    if (min?.indices) {
      const r: Range = [open + min.indices[1][0], open + min.indices[1][1]];
      facts.minLength = stated(Number(min[1]), r, numberReplacer(r));
    } else if (/\bconstraints\s*:/.test(body)) facts.minLength = omitted(anchor, 6);
    const classes: Partial<Record<CharClass, Fact<boolean>>> = {};
    const names: [CharClass, string][] = [
      ['upper', 'requireUppercase'],
      ['lower', 'requireLowercase'],
      ['digit', 'requireNumeric'],
      ['symbol', 'requireNonAlphanumeric'],
    ];
    for (const [cls, key] of names) {
      const b = new RegExp(`\\b${key}\\s*:\\s*(true|false)\\b`, 'd').exec(body);
      if (!b?.indices) continue;
      const r: Range = [open + b.indices[1][0], open + b.indices[1][1]];
      classes[cls] = stated(b[1] === 'true', r, (v: boolean): TextEdit => ({ range: r, newText: String(v) }));
    }
    if (Object.keys(classes).length) facts.classes = classes;
    if (facts.minLength || facts.classes) out.push(facts);
  }
}
