import { CWE, risk } from '../risk';
import type { Rule } from '../rule';
import { describe, excerpt, NOAUTH_GUIDELINES } from './analysis/common';
import { IAC_FORMATS } from './analysis/formats';
import { label } from './analysis/iac-db';
import { PUBLIC_STATEMENT_REQUIRES, publicStatements, STORAGE_LITERALS } from './analysis/iac-storage';

const SEARCH = /elasticsearch|opensearch/i;

/**
 * An Amazon Elasticsearch / OpenSearch domain whose access policy allows everyone
 * (`Principal: "*"` / `{"AWS": "*"}`) with no condition, or with a source-IP condition that is
 * the whole internet. IP-restricted policies are left alone: that is the documented pattern.
 */
export const searchOpenPolicy: Rule = {
  id: 'exposure/search-open-policy',
  risk: risk(9.3, 'high', CWE.NO_AUTH),
  category: 'pii-exposure',
  severity: 'error',
  guidelines: NOAUTH_GUIDELINES,
  title: { en: 'Search domain open to everyone', ja: '誰でもアクセスできる検索ドメイン' },
  description: describe(
    'A search domain whose access policy allows every principal without conditions answers anyone who can reach it, with no authentication: the kind of open Elasticsearch cluster the National Police Agency has warned about repeatedly. Restrict the policy to IAM roles, or to source IPs plus fine-grained access control, and place the domain in a VPC.',
    'アクセスポリシーが条件なしで全プリンシパルを許可する検索ドメインは、到達できる誰に対しても認証なしで応答します。警察庁が繰り返し注意喚起してきた、認証なしで公開された Elasticsearch と同じ状態です。ポリシーを IAM ロール、または送信元 IP と細かなアクセス制御に限定し、ドメインを VPC 内に配置してください。',
  ),
  messages: {
    open: {
      en: '{resource} allows every principal ("*") with no restricting condition: anyone can query the indexes.',
      ja: '{resource} が制限条件なしで全プリンシパル（「*」）を許可しており、誰でもインデックスを検索できます。',
    },
  },
  formats: [...IAC_FORMATS],
  literals: STORAGE_LITERALS,
  requires: PUBLIC_STATEMENT_REQUIRES,
  check: (doc) =>
    publicStatements(doc, SEARCH)
      .filter((s) => !s.conditional || s.worldIp)
      .map((s) => ({ range: s.range, messageId: 'open', data: { resource: label(s.resource) }, excerpt: excerpt(doc, s.range) })),
};
