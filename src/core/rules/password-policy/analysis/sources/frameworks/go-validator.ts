import type { Document } from '../../../../../documents/document';
import type { PolicyFacts } from '../../model';
import { matches } from '../text';
import { minLengthPolicy, setsPassword } from './context';

/** Go struct tags: `Password string \`validate:"required,min=6"\`` (go-playground/validator, Gin's binding). */
export function goTags(doc: Document, out: PolicyFacts[]): void {
  if (!doc.text.includes('min=')) return;
  const re = /^[ \t]*([A-Z]\w{0,60})[ \t]+\*?string[ \t]+`[^`\n]{0,300}?\b(?:validate|binding):"[^"\n]{0,200}?(?:^|,|")?\bmin=(\d{1,4})\b/dgm;
  for (const m of matches(re, doc.text)) {
    if (!setsPassword(doc, m.index, m[1])) continue;
    const f = minLengthPolicy('Go validator', [m.index, m.index + m[0].length], m, 2);
    if (f) out.push(f);
  }
}
