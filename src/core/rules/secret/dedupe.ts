import type { Finding } from '../../types';
import { SECRETLINT_RULE_IDS } from './secretlint-rules';

/**
 * One secret, one finding. secretlint's rules, Mamori's provider rules and the generic
 * assignment rules can all see the same token; when secret findings overlap, the most specific
 * rule's finding stays (a named provider beats a connection string or credential file, which
 * beats a generic `password = …`). Fixes of the dropped findings are kept when the winner has none.
 */

/** Rules whose findings give way to any more specific one. */
const GENERIC = new Set(['secret/hardcoded-password', 'secret/hardcoded-secret']);

/** Rules about a URL, a connection string or a command line. */
const CONNECTION = new Set(['secret/connection-string-password', 'secret/basic-auth-url', 'secret/connection-string', 'secret/cli-credential']);

/**
 * Rules about a whole credential store (a tool's credential file, a Kubernetes Secret) or a
 * file whose structure says where its credentials are (a Keycloak realm, SQL).
 */
const STORE = new Set(['secret/credential-file', 'secret/kubernetes-secret', 'secret/keycloak-credential', 'secret/sql-credential', 'secret/secret-file']);

/** Higher wins: a named provider or key format, then a credential store, then a connection string, then a generic assignment. */
function rank(f: Finding): number {
  if (GENERIC.has(f.ruleId)) return 1;
  if (CONNECTION.has(f.ruleId)) return 2;
  if (STORE.has(f.ruleId)) return 3;
  return 4;
}

const SEVERITY = { error: 3, warning: 2, info: 1 } as const;

function better(a: Finding, b: Finding): boolean {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra > rb;
  if (SEVERITY[a.severity] !== SEVERITY[b.severity]) return SEVERITY[a.severity] > SEVERITY[b.severity];
  // Same standing: secretlint's verdict is the reference one, Mamori's rules fill its gaps.
  const sa = SECRETLINT_RULE_IDS.has(a.ruleId);
  const sb = SECRETLINT_RULE_IDS.has(b.ruleId);
  if (sa !== sb) return sa;
  // Otherwise the narrower finding points more precisely at the secret.
  return a.range[1] - a.range[0] <= b.range[1] - b.range[0];
}

function overlaps(a: Finding, b: Finding): boolean {
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}

/**
 * Drops secret findings that overlap a better secret finding. Other categories pass through
 * untouched; the order of the survivors is preserved.
 */
export function dedupeSecretFindings(findings: readonly Finding[]): Finding[] {
  const secrets = findings.map((f, i) => ({ f, i })).filter((x) => x.f.category === 'secret');
  if (secrets.length < 2) return [...findings];
  secrets.sort((a, b) => a.f.range[0] - b.f.range[0] || a.f.range[1] - b.f.range[1]);
  const dropped = new Set<number>();
  const replaced = new Map<number, Finding>();
  // Sweep: each finding is compared with the overlapping ones after it (ranges sorted by start).
  for (let x = 0; x < secrets.length; x++) {
    if (dropped.has(secrets[x].i)) continue;
    for (let y = x + 1; y < secrets.length && secrets[y].f.range[0] < secrets[x].f.range[1]; y++) {
      if (dropped.has(secrets[y].i)) continue;
      const a = replaced.get(secrets[x].i) ?? secrets[x].f;
      const b = replaced.get(secrets[y].i) ?? secrets[y].f;
      if (!overlaps(a, b)) continue;
      const [win, lose, winIdx, loseIdx] = better(a, b) ? [a, b, secrets[x].i, secrets[y].i] : [b, a, secrets[y].i, secrets[x].i];
      dropped.add(loseIdx);
      if (!win.fixes?.length && lose.fixes?.length) replaced.set(winIdx, { ...win, fixes: lose.fixes });
      if (loseIdx === secrets[x].i) break;
    }
  }
  return findings.flatMap((f, i) => (dropped.has(i) ? [] : [replaced.get(i) ?? f]));
}
