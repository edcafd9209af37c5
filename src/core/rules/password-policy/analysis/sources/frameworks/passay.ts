import type { Document } from '../../../../../documents/document';
import type { PolicyFacts } from '../../model';
import { inLineComment, matches } from '../text';
import { minLengthPolicy } from './context';

/** Passay (Java): `new LengthRule(8, 64)`. */
export function passay(doc: Document, out: PolicyFacts[]): void {
  for (const m of matches(/\bnew\s+LengthRule\s*\(\s*(\d{1,4})\b/dg, doc.text)) {
    if (inLineComment(doc.text, m.index, ['//'])) continue;
    const f = minLengthPolicy('Passay', [m.index, m.index + m[0].length], m, 1);
    if (f) out.push(f);
  }
}
