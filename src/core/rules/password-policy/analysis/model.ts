import type { CharClass } from '../../../guidelines/profiles';
import type { Range, TextEdit } from '../../../types';

/**
 * What a password policy says, whatever wrote it (Terraform, a Keycloak realm, Django
 * settings, a zod schema). Sources turn their syntax into these facts; the rules judge the
 * facts against the selected profile. A setting a source cannot express, or whose value is an
 * expression we cannot evaluate, is left undefined: the rules then say nothing about it.
 */

/** A setting the source states. `replace` rewrites the value in place, when that stays valid. */
export interface Stated<T> {
  kind: 'set';
  value: T;
  range: Range;
  replace?: (value: T) => TextEdit;
}

/**
 * A setting the source leaves out. `default` is what the product then applies (undefined: no
 * such control at all). `range` points at the policy's header; `insert` adds the setting.
 */
export interface Omitted<T> {
  kind: 'unset';
  default?: T;
  range: Range;
  insert?: (value: T) => TextEdit;
}

export type Fact<T> = Stated<T> | Omitted<T>;

/** Lockout after failed logins. */
export interface LockoutFacts {
  enabled?: Fact<boolean>;
  /** Failed attempts before lockout. */
  attempts?: Fact<number>;
  /** How long the account stays locked; Infinity for "until an administrator unlocks it". */
  minutes?: Fact<number>;
}

/** One password policy found in a document. */
export interface PolicyFacts {
  /** Product whose defaults apply to omitted settings, e.g. "AWS IAM". */
  product: string;
  /** Where findings about omitted settings point: the resource's or section's header. */
  anchor: Range;
  minLength?: Fact<number>;
  classes?: Partial<Record<CharClass, Fact<boolean>>>;
  /** "At least N of the four classes" policies (Auth0 good, pwquality minclass). */
  minClasses?: Fact<number>;
  /** Earlier passwords refused; 0 = reuse not restricted. */
  history?: Fact<number>;
  lockout?: LockoutFacts;
  /** Forced expiry in days; 0 = passwords never expire. */
  maxAgeDays?: Fact<number>;
  /** The same configuration requires multi-factor authentication. */
  mfa?: boolean;
}

/** The value a fact amounts to: the stated value, or the product default when omitted. */
export function effective<T>(fact: Fact<T> | undefined): T | undefined {
  if (!fact) return undefined;
  return fact.kind === 'set' ? fact.value : fact.default;
}

/** A stated fact. */
export function stated<T>(value: T, range: Range, replace?: (value: T) => TextEdit): Stated<T> {
  return replace ? { kind: 'set', value, range, replace } : { kind: 'set', value, range };
}

/** An omitted fact. */
export function omitted<T>(range: Range, dflt?: T, insert?: (value: T) => TextEdit): Omitted<T> {
  const o: Omitted<T> = { kind: 'unset', range };
  if (dflt !== undefined) o.default = dflt;
  if (insert) o.insert = insert;
  return o;
}
