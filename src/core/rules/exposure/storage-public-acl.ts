import type { Rule } from '../rule';
import { describe, STORAGE_GUIDELINES } from './common';
import { IAC_FORMATS } from './formats';
import { publicAclHits } from './iac-storage';

/**
 * Buckets, objects and blob containers that anyone can read through their ACL: S3, OSS and
 * DigitalOcean Spaces canned ACLs (`public-read`, `public-read-write`, `authenticated-read`,
 * CloudFormation `PublicRead` …), grants to the AllUsers / AuthenticatedUsers groups, GCS
 * predefined ACLs, and Azure containers with `blob` or `container` access.
 */
export const storagePublicAcl: Rule = {
  id: 'exposure/storage-public-acl',
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
    'fix.privateAcl': { en: 'Make it private', ja: '非公開にする' },
  },
  appliesTo: (doc) => IAC_FORMATS.has(doc.format),
  check: (doc) => publicAclHits(doc),
  examples: {
    bad: [
      { path: 's3.tf', text: 'resource "aws_s3_bucket" "uploads" {\n  bucket = "customer-uploads"\n  acl    = "public-read"\n}\n' },
      { path: 'bucket.yaml', text: 'Resources:\n  Uploads:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n' },
      { path: 'container.tf', text: 'resource "azurerm_storage_container" "c" {\n  name                  = "exports"\n  container_access_type = "container"\n}\n' },
    ],
    good: [
      { path: 's3.tf', text: 'resource "aws_s3_bucket" "uploads" {\n  bucket = "customer-uploads"\n  acl    = "private"\n}\n' },
      { path: 'bucket.yaml', text: 'Resources:\n  Uploads:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: Private\n' },
      { path: 'container.tf', text: 'resource "azurerm_storage_container" "c" {\n  name                  = "exports"\n  container_access_type = "private"\n}\n' },
    ],
  },
};
