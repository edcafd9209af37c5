import { CWE, risk } from '../risk';
import type { Fix } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, flag, flipped, STORAGE_GUIDELINES } from './analysis/common';
import { label } from './analysis/iac-db';
import { IAC_FORMATS } from './analysis/formats';
import { accessBlocks, PUBLIC_STORAGE_REQUIRES, publicAclHits, publicStatements, STORAGE_LITERALS, storagePolicyDocuments } from './analysis/iac-storage';

/**
 * Buckets, objects and blob containers that anyone can read through their ACL: S3, OSS and
 * DigitalOcean Spaces canned ACLs (`public-read`, `public-read-write`, `authenticated-read`,
 * CloudFormation `PublicRead` …), grants to the AllUsers / AuthenticatedUsers groups, GCS
 * predefined ACLs, and Azure containers with `blob` or `container` access.
 */
export const storagePublicAcl: Rule = {
  id: 'exposure/storage-public-acl',
  risk: risk(9.3, 'high', CWE.PUBLIC_DATA),
  category: 'pii-exposure',
  severity: 'error',
  guidelines: STORAGE_GUIDELINES,
  title: { en: 'Storage readable by anyone (public ACL)', ja: '誰でも読み取れるストレージ（公開 ACL）' },
  description: describe(
    'A public ACL lets anyone who can guess or list the bucket or container read every object in it, with no credentials at all; "authenticated-read" means any cloud account, which is the same thing. Keep buckets private, serve public assets through a CDN with origin access control, and turn on the account-wide public access block.',
    '公開 ACL が付いたバケットやコンテナは、名前を推測・列挙できた誰もが認証なしで中のすべてのオブジェクトを読み取れます。「authenticated-read」は任意のクラウドアカウントを意味し、実質的に公開と同じです。バケットは非公開にし、公開が必要なファイルはオリジンアクセス制御付きの CDN から配信し、アカウント全体のパブリックアクセスブロックを有効にしてください。',
  ),
  messages: {
    acl: {
      en: '{resource} has the public ACL "{acl}": its objects can be read from the internet.',
      ja: '{resource} に公開 ACL「{acl}」が設定されており、オブジェクトをインターネットから読み取れます。',
    },
    container: {
      en: '{resource} allows anonymous access ("{acl}"): its blobs can be read from the internet.',
      ja: '{resource} が匿名アクセス（「{acl}」）を許可しており、BLOB をインターネットから読み取れます。',
    },
    grant: {
      en: '{resource} grants access to the {acl} group: everyone on the internet.',
      ja: '{resource} が {acl} グループ（インターネット上の全員）にアクセス権を付与しています。',
    },
    aclIgnored: {
      en: '{resource} has the public ACL "{acl}"; the public access block ignores public ACLs today, but removing it would publish the objects.',
      ja: '{resource} に公開 ACL「{acl}」が設定されています。現在はパブリックアクセスブロックが公開 ACL を無視していますが、ブロックを外すとオブジェクトが公開されます。',
    },
    blockOff: {
      en: '{resource} turns off {flags} while this file makes a bucket public: nothing stops the public ACL or policy from taking effect.',
      ja: 'このファイルでバケットを公開しているうえ、{resource} が {flags} を無効にしています。公開 ACL やポリシーの効果を止めるものがありません。',
    },
    'fix.privateAcl': { en: 'Make it private', ja: '非公開にする' },
    'fix.blockAll': { en: 'Turn the whole public access block on', ja: 'パブリックアクセスブロックをすべて有効にする' },
  },
  formats: [...IAC_FORMATS],
  literals: STORAGE_LITERALS,
  requires: PUBLIC_STORAGE_REQUIRES,
  check(doc) {
    const acl = publicAclHits(doc);
    const publicSomewhere = acl.length > 0 || publicStatements(doc, /s3|bucket/i).length > 0 || storagePolicyDocuments(doc).length > 0;
    // Nothing public (no ACL finding either): the access blocks need not be read.
    if (!publicSomewhere) return [];
    const blocks = accessBlocks(doc);
    // A block that ignores public ACLs neutralises them (still worth fixing: it is one switch away).
    const ignored = blocks.some((b) => flag(b.flags.find((f) => f.name === 'ignore_public_acls')?.entry?.value) === true);
    const out: RawFinding[] = acl.map((h) => (ignored && h.messageId === 'acl' ? { ...h, messageId: 'aclIgnored', severity: 'warning' } : h));
    for (const b of blocks) {
      const off = b.flags.filter((f) => f.entry && flag(f.entry.value) === false);
      if (off.length === 0) continue;
      const edits: Fix['edits'] = [];
      for (const f of off) {
        const e = f.entry;
        const to = e ? flipped(doc.text.slice(e.value.range[0], e.value.range[1]), true) : undefined;
        if (e && to) edits.push({ range: e.value.range, newText: to });
      }
      // Each switch that is off is a line to change: report every one, each with the whole fix.
      for (const f of off) {
        const e = f.entry;
        if (!e) continue;
        const range: [number, number] = [e.keyRange[0], e.value.range[1]];
        out.push({
          range,
          messageId: 'blockOff',
          data: { resource: label(b.resource), flags: e.key },
          excerpt: excerpt(doc, range),
          ...(edits.length ? { fixes: [{ titleId: 'fix.blockAll', edits, safe: false }] } : {}),
        });
      }
    }
    return out;
  },
};
