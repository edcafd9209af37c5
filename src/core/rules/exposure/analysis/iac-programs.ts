import type { Document } from '../../../documents/document';
import type { Format } from '../../../documents/detect';
import { mentionsAny } from '../../../literals';
import type { RawFinding } from '../../rule';
import { excerpt, replaceFix } from './common';

/**
 * Infrastructure written as a program (Pulumi in TypeScript, JavaScript, Python, Go or C#; the
 * AWS CDK): a managed database constructed with its public-endpoint flag set. The constructor
 * call and the flag are read from the text; the flag counts only inside the call's own
 * parentheses, so a `publiclyAccessible: true` elsewhere (a load balancer, a comment) is not read.
 */

/** The languages such programs are written in. */
export const PROGRAM_FORMATS: ReadonlySet<Format> = new Set<Format>(['typescript', 'javascript', 'python', 'go', 'csharp']);

/**
 * Constructors of managed databases with a public-endpoint flag: Pulumi's `aws.rds.Instance`,
 * `aws.rds.ClusterInstance`, `aws.redshift.Cluster`, `aws.neptune.ClusterInstance`,
 * `aws.dms.ReplicationInstance` (Go: `rds.NewInstance`), and the CDK's
 * `rds.DatabaseInstance`, `rds.CfnDBInstance`, `redshift.CfnCluster`.
 */
const DB_CONSTRUCTOR =
  /\b([Rr]ds|[Rr]edshift|[Nn]eptune|[Dd]ms|[Dd]ocdb|DocDB)\.(?:New)?(Instance|ClusterInstance|Cluster|ReplicationInstance|DatabaseInstance|DatabaseInstanceFromSnapshot|DatabaseInstanceReadReplica|CfnDBInstance|CfnCluster)\s*\(/g;

/** The flag set to true, as each language writes it (`publiclyAccessible: true`, `publicly_accessible=True`, `PubliclyAccessible: pulumi.Bool(true)`). */
const PUBLIC_FLAG = /\b(publiclyAccessible|publicly_accessible|PubliclyAccessible)\s*(?::|=(?!=))\s*(?:(true|True)\b|(?:pulumi|aws|jsii)\.Bool\((true)\))/g;

/** Whether an opening bracket at `open` closes within `limit` characters; the offset past it. */
function closingParen(text: string, open: number, limit: number): number | undefined {
  let depth = 0;
  const end = Math.min(text.length, open + limit);
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const q = c;
      for (i++; i < end && text[i] !== q; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n' && q !== '`') break;
      }
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return undefined;
    }
  }
  return undefined;
}

/** Whether `at` lies after a line comment mark (`//` or `#`) on its line. */
function commentedOut(text: string, at: number): boolean {
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(ls, at);
  return /^\s*(?:\/\/|#)/.test(before);
}

/** Findings of `exposure/db-public-access` in an infrastructure program. */
export function programPublicDbHits(doc: Document): RawFinding[] {
  if (!PROGRAM_FORMATS.has(doc.format) || !mentionsAny(doc, ['publicly'])) return [];
  const text = doc.text;
  const out: RawFinding[] = [];
  DB_CONSTRUCTOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DB_CONSTRUCTOR.exec(text)) !== null) {
    const open = m.index + m[0].length - 1;
    const close = closingParen(text, open, 20000);
    if (close === undefined) continue;
    const args = text.slice(open, close);
    // The resource's name, the first string argument (after Go's `ctx`): `"orders-db" (rds.Instance)`.
    const named = /^\(\s*(?:ctx\s*,\s*|this\s*,\s*)?["']([\w.-]{1,80})["']/.exec(args);
    const resource = named ? `${named[1]} (${m[1]}.${m[2]})` : `${m[1]}.${m[2]}`;
    PUBLIC_FLAG.lastIndex = 0;
    let f: RegExpExecArray | null;
    while ((f = PUBLIC_FLAG.exec(args)) !== null) {
      const start = open + f.index;
      if (commentedOut(text, start)) continue;
      const end = start + f[0].length;
      const word = f[2] ?? f[3] ?? 'true';
      const valueAt = start + f[0].lastIndexOf(word);
      out.push({
        range: [start, end],
        messageId: 'public',
        data: { resource, key: f[1] },
        excerpt: excerpt(doc, [start, end]),
        fixes: [replaceFix('fix.private', [valueAt, valueAt + word.length], word === 'True' ? 'False' : 'false', true)],
      });
    }
    DB_CONSTRUCTOR.lastIndex = close;
  }
  return out;
}
