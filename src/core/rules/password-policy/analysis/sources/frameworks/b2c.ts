import type { Document } from '../../../../../documents/document';
import type { Range } from '../../../../../types';
import { stated, type PolicyFacts } from '../../model';
import { matches, numberReplacer } from '../text';

/** Azure AD B2C custom policies: an `IsLengthRange` predicate for passwords. */
export function b2c(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  for (const m of matches(/<Predicate\b[^>]{0,400}\bMethod="IsLengthRange"[^>]{0,400}>/dg, text)) {
    if (!/password|パスワード/i.test(m[0])) continue;
    const end = text.indexOf('</Predicate>', m.index);
    if (end < 0 || end - m.index > 3000) continue;
    const seg = text.slice(m.index, end);
    const min = /<Parameter\s+Id="Minimum"\s*>\s*(\d{1,4})\s*<\/Parameter>/d.exec(seg);
    if (!min?.indices) continue;
    const r: Range = [m.index + min.indices[1][0], m.index + min.indices[1][1]];
    out.push({ product: 'Azure AD B2C', anchor: [m.index, m.index + m[0].length], minLength: stated(Number(min[1]), r, numberReplacer(r)) });
  }
}
