import type { Document } from '../../../../../documents/document';
import { mentionsAny } from '../../../../../literals';
import type { PolicyFacts } from '../../model';
import { inLineComment, matches } from '../text';
import { guardsSetting, minLengthPolicy, PASSWORD_WORDS } from './context';

/** express-validator: `body('password').isLength({ min: 6 })`, on a registration route or chain. */
export function expressValidator(doc: Document, out: PolicyFacts[]): void {
  if (!mentionsAny(doc, PASSWORD_WORDS) || !doc.text.includes('isLength')) return;
  const re =
    /\b(?:body|check|param|query)\s*\(\s*['"]([\w.]{1,60})['"][^()]{0,200}\)((?:\s*\.\s*\w{1,40}\([^()]{0,200}\)){0,8}?)\s*\.\s*isLength\s*\(\s*\{[^{}]{0,200}?\bmin\s*:\s*(\d{1,4})/dg;
  for (const m of matches(re, doc.text)) {
    if (inLineComment(doc.text, m.index, ['//']) || !guardsSetting(doc, m.index, m[1])) continue;
    const f = minLengthPolicy('express-validator', [m.index, m.index + m[0].length], m, 3);
    if (f) out.push(f);
  }
}
