import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, STORAGE_GUIDELINES } from './analysis/common';
import { IAC_FORMATS } from './analysis/formats';
import { label } from './analysis/iac-db';
import { PUBLIC_POLICY_REQUIRES, publicMemberHits, publicStatements, STORAGE_LITERALS, storagePolicyDocuments } from './analysis/iac-storage';

/** Bucket-like resources whose policy decides who reads the data. */
const STORAGE = /s3|bucket|oss|spaces|glacier/i;

/**
 * Storage opened to everyone by policy rather than ACL: an S3 (or module) bucket policy that
 * allows `Principal: "*"` / `{"AWS": "*"}`, and GCP IAM bindings or ACL entries for `allUsers` /
 * `allAuthenticatedUsers` on buckets, BigQuery datasets and tables. A statement narrowed by
 * conditions is a warning to review; an unconditional one is an error.
 */
export const storagePublicPolicy: Rule = {
  id: 'exposure/storage-public-policy',
  risk: risk(9.3, 'high', CWE.PUBLIC_DATA),
  category: 'pii-exposure',
  severity: 'error',
  guidelines: STORAGE_GUIDELINES,
  title: { en: 'Storage or dataset shared with everyone (policy or IAM)', ja: '全員に共有されたストレージ・データセット（ポリシー・IAM）' },
  description: describe(
    'A bucket policy whose principal is "*", or a GCP IAM member allUsers / allAuthenticatedUsers, grants the data to every person on the internet (allAuthenticatedUsers means anyone with a Google account). Grant access to named roles, service accounts or groups instead, and serve public files through a CDN.',
    'プリンシパルが「*」のバケットポリシーや、GCP の IAM メンバー allUsers / allAuthenticatedUsers は、インターネット上の全員にデータへのアクセスを与えます（allAuthenticatedUsers は Google アカウントを持つ誰でもを意味します）。名前付きのロール・サービスアカウント・グループに限定して付与し、公開ファイルは CDN から配信してください。',
  ),
  messages: {
    principal: {
      en: '{resource} has a policy statement that allows everyone (Principal "*").',
      ja: '{resource} のポリシーに全員（Principal「*」）を許可するステートメントがあります。',
    },
    principalConditional: {
      en: '{resource} allows everyone (Principal "*") subject to conditions: check that the conditions really restrict who can read the data.',
      ja: '{resource} が条件付きで全員（Principal「*」）を許可しています。条件が読み取れる者を実際に限定しているか確認してください。',
    },
    member: {
      en: '{resource} grants access to {member}: everyone on the internet.',
      ja: '{resource} が {member}（インターネット上の全員）にアクセス権を付与しています。',
    },
  },
  formats: [...IAC_FORMATS],
  literals: STORAGE_LITERALS,
  requires: PUBLIC_POLICY_REQUIRES,
  check(doc) {
    const attached = publicStatements(doc, STORAGE);
    // Policy documents no bucket policy of this file names are read on their own (module inputs, locals).
    const seen = new Set(attached.map((s) => s.range[0]));
    const all = [...attached, ...storagePolicyDocuments(doc).filter((s) => !seen.has(s.range[0]))];
    const out: RawFinding[] = all.map((s) => ({
      range: s.range,
      messageId: s.conditional && !s.worldIp ? 'principalConditional' : 'principal',
      data: { resource: label(s.resource) },
      severity: s.conditional && !s.worldIp ? 'warning' : 'error',
      excerpt: excerpt(doc, s.range),
    }));
    return [...out, ...publicMemberHits(doc)];
  },
};
