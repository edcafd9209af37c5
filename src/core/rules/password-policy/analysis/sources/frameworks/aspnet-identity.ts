import type { Document } from '../../../../../documents/document';
import type { CharClass } from '../../../../../guidelines/profiles';
import type { Range, TextEdit } from '../../../../../types';
import { stated, type LockoutFacts, type PolicyFacts } from '../../model';
import { closing, groupRange, inLineComment, matches, numberReplacer, splitArgs } from '../text';

const IDENTITY_KEYS: Readonly<Record<string, CharClass | 'length'>> = {
  RequiredLength: 'length',
  RequireDigit: 'digit',
  RequireLowercase: 'lower',
  RequireUppercase: 'upper',
  RequireNonAlphanumeric: 'symbol',
};

/** ASP.NET Core Identity options in C#, and sign-ins that never count failures. */
export function csharp(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (/IdentityOptions|PasswordOptions|AddIdentity|AddDefaultIdentity|\.Password\.Required/.test(text)) {
    let facts: PolicyFacts | undefined;
    const lockout: LockoutFacts = {};
    const re =
      /\b(RequiredLength|RequireDigit|RequireLowercase|RequireUppercase|RequireNonAlphanumeric|MaxFailedAccessAttempts|AllowedForNewUsers)\s*=\s*(\d{1,4}|true|false)\b/dg;
    for (const m of matches(re, text)) {
      if (inLineComment(text, m.index, ['//'])) continue;
      const r = groupRange(m, 2);
      if (!r) continue;
      facts ??= { product: 'ASP.NET Core Identity', anchor: [m.index, m.index + m[0].length], classes: {} };
      const key = IDENTITY_KEYS[m[1]];
      if (key === 'length' && /^\d+$/.test(m[2])) facts.minLength = stated(Number(m[2]), r, numberReplacer(r));
      else if (key && key !== 'length' && facts.classes && /^(true|false)$/.test(m[2])) {
        facts.classes[key] = stated(m[2] === 'true', r, (v: boolean): TextEdit => ({ range: r, newText: String(v) }));
      } else if (m[1] === 'MaxFailedAccessAttempts' && /^\d+$/.test(m[2])) lockout.attempts = stated(Number(m[2]), r, numberReplacer(r));
      else if (m[1] === 'AllowedForNewUsers' && m[2] === 'false')
        lockout.enabled = stated<boolean>(false, r, (v: boolean): TextEdit => ({ range: r, newText: String(v) }));
    }
    for (const m of matches(/\bDefaultLockoutTimeSpan\s*=\s*TimeSpan\.From(Minutes|Seconds|Hours|Days)\(\s*(\d{1,6}(?:\.\d+)?)\s*\)/dg, text)) {
      const r = groupRange(m, 2);
      if (!r || !facts) continue;
      const unit = { Minutes: 1, Seconds: 1 / 60, Hours: 60, Days: 1440 }[m[1]] ?? 1;
      lockout.minutes = stated(Number(m[2]) * unit, r);
    }
    if (facts) {
      if (lockout.attempts || lockout.enabled || lockout.minutes) facts.lockout = lockout;
      out.push(facts);
    }
  }
  // SignInManager.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure) and
  // CheckPasswordSignInAsync(user, password, lockoutOnFailure): `false` means brute force is free.
  for (const m of matches(/\b(Check)?PasswordSignInAsync\s*\(/dg, text)) {
    const open = m.index + m[0].length - 1;
    const close = closing(text, open, 2000);
    if (close === undefined || inLineComment(text, m.index, ['//'])) continue;
    const args = splitArgs(text, open + 1, close - 1);
    const want = m[1] ? 3 : 4;
    const named = args.find((a) => /^lockoutOnFailure\s*:/.test(a.text));
    const arg = named ?? (args.length === want ? args[want - 1] : undefined);
    if (!arg) continue;
    const v = /(?:^lockoutOnFailure\s*:\s*)?(true|false)$/d.exec(arg.text);
    if (!v?.indices || v[1] !== 'false') continue;
    const r: Range = [arg.range[0] + v.indices[1][0], arg.range[0] + v.indices[1][1]];
    out.push({
      product: 'ASP.NET Core Identity',
      anchor: [m.index, close],
      lockout: { enabled: stated<boolean>(false, r, (on: boolean): TextEdit => ({ range: r, newText: String(on) })) },
    });
  }
}
