import type { Document } from '../../../../../documents/document';
import type { PolicyFacts } from '../../model';
import { matches } from '../text';
import { minLengthPolicy, setsPassword } from './context';

/** ASP.NET data annotations on a password property: `[StringLength(100, MinimumLength = 6)]`, `[MinLength(8)]`. */
export function dataAnnotations(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (!text.includes('MinimumLength') && !text.includes('MinLength')) return;
  const re = /\[\s*(?:StringLength\s*\([^()\]]{0,300}?\bMinimumLength\s*=\s*(\d{1,4})[^()\]]{0,300}\)|MinLength\s*\(\s*(\d{1,4})\s*[,)][^\]]{0,200})\s*\]/dg;
  for (const m of matches(re, text)) {
    // The property follows, past other attributes: `[DataType(DataType.Password)] public string Password`.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 600);
    const prop = /^(?:\s*\[[^\]\n]{0,200}\])*\s*public\s+(?:required\s+)?string\??\s+(\w{1,60})\s*[{;=]/.exec(after);
    if (!prop || !setsPassword(doc, m.index, prop[1])) continue;
    const f = minLengthPolicy('ASP.NET data annotations', [m.index, m.index + m[0].length], m, m[1] !== undefined ? 1 : 2);
    if (f) out.push(f);
  }
}
