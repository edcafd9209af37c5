import { CWE, risk } from '../risk';
import { tomlTree } from '../../documents/toml';
import { get } from '../../documents/tree';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, flag, flipped, holdRequires, mayHold, OTHER_SPELLINGS, replaceFix, STORAGE_GUIDELINES } from './analysis/common';
import { USER_DATA } from './analysis/firebase';

const BUCKETS = ['buckets'];
const PUBLIC = ['public'];

/**
 * Supabase `config.toml` storage buckets declared `public = true`: every object is served to
 * anyone with its URL, bypassing row-level security. A warning (avatars and images are often
 * public on purpose); an error when the bucket's name says it holds people's data.
 */
export const supabasePublicBucket: Rule = {
  id: 'exposure/supabase-public-bucket',
  risk: risk(8.2, 'high', CWE.PUBLIC_DATA),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: STORAGE_GUIDELINES,
  title: { en: 'Public Supabase storage bucket', ja: '公開設定の Supabase ストレージバケット' },
  description: describe(
    'Objects in a public Supabase bucket are served to anyone who has or guesses the URL, without checking row-level security policies. Keep buckets that hold documents, uploads or anything about people private, and hand out signed URLs.',
    '公開設定の Supabase バケット内のオブジェクトは、URL を知る（推測できる）誰にでも、行レベルセキュリティのポリシーを確認せずに配信されます。書類・アップロード・個人に関するものを保存するバケットは非公開にし、署名付き URL を発行してください。',
  ),
  messages: {
    public: {
      en: 'Storage bucket "{bucket}" is public: anyone with a URL can download its files.',
      ja: 'ストレージバケット「{bucket}」が公開設定で、URL を知る誰でもファイルをダウンロードできます。',
    },
    'fix.private': { en: 'Make the bucket private', ja: 'バケットを非公開にする' },
  },
  formats: ['toml'],
  literals: [...BUCKETS, ...PUBLIC, ...OTHER_SPELLINGS],
  requires: holdRequires(BUCKETS),
  check(doc) {
    // A finding is a `public` key under `storage.buckets` (keys compared exactly; see `mayHold`).
    if (!mayHold(doc, BUCKETS) || !mayHold(doc, PUBLIC)) return [];
    const buckets = get(tomlTree(doc), 'storage', 'buckets');
    if (buckets?.kind !== 'object') return [];
    const out: RawFinding[] = [];
    for (const b of buckets.entries) {
      const pub = b.value.kind === 'object' ? b.value.entries.find((e) => e.key === 'public') : undefined;
      if (!pub || flag(pub.value) !== true) continue;
      const to = flipped(doc.text.slice(pub.value.range[0], pub.value.range[1]), false);
      out.push({
        range: [pub.keyRange[0], pub.value.range[1]],
        messageId: 'public',
        data: { bucket: b.key },
        severity: USER_DATA.test(`/${b.key}`) || /docs?|documents?|files?|kyc|ids?|passports?|licen[cs]es?|receipts?/i.test(b.key) ? 'error' : 'warning',
        excerpt: excerpt(doc, pub.keyRange),
        ...(to ? { fixes: [replaceFix('fix.private', pub.value.range, to, true)] } : {}),
      });
    }
    return out;
  },
};
