import type { Document } from '../../../../../documents/document';
import { mentionsAny } from '../../../../../literals';
import type { Range, TextEdit } from '../../../../../types';
import { omitted, stated, type Fact, type PolicyFacts } from '../../model';
import { closing, groupRange, matches, numberReplacer } from '../text';

/** Reads `key: number|boolean` pairs of an object literal (no nesting), with offsets. */
function literalValues(text: string, start: number, end: number): Map<string, { value: string; range: Range }> {
  const out = new Map<string, { value: string; range: Range }>();
  const re = /\b([A-Za-z_$][\w$]*)\s*:\s*(\d{1,6}|true|false)\b/dg;
  for (const m of matches(re, text.slice(start, end))) {
    const r = groupRange(m, 2);
    if (r) out.set(m[1], { value: m[2], range: [start + r[0], start + r[1]] });
  }
  return out;
}

/**
 * AWS CDK and Pulumi programs: `new cognito.UserPool(…, { passwordPolicy: { minLength } })`
 * and `new aws.iam.AccountPasswordPolicy(…, { minimumPasswordLength })`.
 */
export function iacPrograms(doc: Document, out: PolicyFacts[]): void {
  if (!mentionsAny(doc, ['userpool', 'accountpasswordpolicy'])) return;
  const text = doc.text;
  for (const m of matches(/\bnew\s+(?:[\w$]+\.){0,3}(UserPool|AccountPasswordPolicy)\s*\(/dg, text)) {
    const open = m.index + m[0].length - 1;
    const close = closing(text, open, 8000);
    if (close === undefined) continue;
    const anchor: Range = [m.index, open];
    const num = (v: { value: string; range: Range } | undefined): Fact<number> | undefined =>
      v && /^\d+$/.test(v.value) ? stated(Number(v.value), v.range, numberReplacer(v.range)) : undefined;
    const flag = (v: { value: string; range: Range } | undefined, dflt: boolean | undefined): Fact<boolean> | undefined => {
      if (v && /^(true|false)$/.test(v.value)) {
        const r = v.range;
        return stated(v.value === 'true', r, (on: boolean): TextEdit => ({ range: r, newText: String(on) }));
      }
      return dflt === undefined ? undefined : omitted<boolean>(anchor, dflt);
    };
    if (m[1] === 'AccountPasswordPolicy') {
      const v = literalValues(text, open, close);
      // Pulumi's AWS provider: IAM defaults apply to what the program leaves out.
      out.push({
        product: 'AWS IAM',
        anchor,
        minLength: num(v.get('minimumPasswordLength')) ?? omitted<number>(anchor, 6),
        classes: {
          upper: flag(v.get('requireUppercaseCharacters'), false),
          lower: flag(v.get('requireLowercaseCharacters'), false),
          digit: flag(v.get('requireNumbers'), false),
          symbol: flag(v.get('requireSymbols'), false),
        },
        history: num(v.get('passwordReusePrevention')) ?? omitted<number>(anchor, 0),
        ...(v.get('maxPasswordAge') ? { maxAgeDays: num(v.get('maxPasswordAge')) } : {}),
      });
      continue;
    }
    const args = text.slice(open, close);
    const pp = /\bpasswordPolicy\s*:\s*\{/d.exec(args);
    const mfa = /\bmfa(?:Configuration)?\s*:\s*(?:[\w.]*\.)?(?:REQUIRED|['"]ON['"])/.test(args);
    const facts: PolicyFacts = { product: 'Amazon Cognito', anchor, ...(mfa ? { mfa: true } : {}) };
    if (!pp) {
      // CDK and Cognito both default to 8 characters with all four classes.
      facts.minLength = omitted<number>(anchor, 8);
      out.push(facts);
      continue;
    }
    const ppOpen = open + pp.index + pp[0].length - 1;
    const ppClose = closing(text, ppOpen, 4000);
    if (ppClose === undefined) continue;
    const v = literalValues(text, ppOpen, ppClose);
    // CDK names (minLength, requireDigits) default to 8 and true; Pulumi's (minimumLength,
    // requireNumbers) are left to the provider.
    const cdk = v.has('minLength') || v.has('requireDigits') || !v.has('minimumLength');
    facts.minLength = num(v.get('minLength') ?? v.get('minimumLength')) ?? (cdk ? omitted<number>(anchor, 8) : undefined);
    facts.classes = {
      upper: flag(v.get('requireUppercase'), cdk ? true : undefined),
      lower: flag(v.get('requireLowercase'), cdk ? true : undefined),
      digit: flag(v.get('requireDigits') ?? v.get('requireNumbers'), cdk ? true : undefined),
      symbol: flag(v.get('requireSymbols'), cdk ? true : undefined),
    };
    const history = num(v.get('passwordHistorySize'));
    if (history) facts.history = history;
    out.push(facts);
  }
}
