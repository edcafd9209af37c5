import type { Document } from '../../documents/document';
import type { Range } from '../../types';
import type { RawFinding } from '../rule';
import { hardcodedPassword, hardcodedSecret } from './generic-assignment';

/**
 * What the generic hardcoded-password and hardcoded-secret rules report on a document, as a test
 * of ranges. Structured rules that see the same values (Terraform, XML) leave those to them, with
 * their environment-variable fix, and add only what they leave: the weak values.
 */
export function genericTakes(doc: Document): (r: Range) => boolean {
  // Both rules memoise their verdicts on the document, so this costs one pass.
  const ranges = [...(hardcodedPassword.check(doc) as RawFinding[]), ...(hardcodedSecret.check(doc) as RawFinding[])].map((f) => f.range);
  return (r) => ranges.some(([a, b]) => a < r[1] && r[0] < b);
}
