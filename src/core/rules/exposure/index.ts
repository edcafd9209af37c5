import type { Rule } from '../rule';
import { clickhouseOpen } from './clickhouse-open';
import { composeDbNoAuth } from './compose-db-no-auth';
import { composeDbPortPublic } from './compose-db-port-public';
import { dbFirewallOpen } from './db-firewall-open';
import { dbPublicAccess } from './db-public-access';
import { elasticsearchOpen } from './elasticsearch-open';
import { firestoreRulesPublic } from './firestore-rules-public';
import { mongodOpen } from './mongod-open';
import { mysqlOpen } from './mysql-open';
import { pgHbaOpen } from './pg-hba-open';
import { postgresListenAll } from './postgres-listen-all';
import { redisOpen } from './redis-open';
import { rtdbRulesPublic } from './rtdb-rules-public';
import { scriptDbOpen } from './script-db-open';
import { helmDbNoAuth } from './helm-db-no-auth';
import { k8sDbServiceExposed } from './k8s-db-service-exposed';
import { networkDbPortOpen } from './network-db-port-open';
import { searchOpenPolicy } from './search-open-policy';
import { storageAccountPublicAccess } from './storage-account-public-access';
import { storagePublicAcl } from './storage-public-acl';
import { storagePublicPolicy } from './storage-public-policy';
import { supabasePublicBucket } from './supabase-public-bucket';

/** The `pii-exposure` rules: configuration that exposes a store of personal data. */
export const exposureRules: readonly Rule[] = [
  dbPublicAccess,
  dbFirewallOpen,
  networkDbPortOpen,
  storagePublicAcl,
  storagePublicPolicy,
  storageAccountPublicAccess,
  searchOpenPolicy,
  composeDbPortPublic,
  composeDbNoAuth,
  k8sDbServiceExposed,
  helmDbNoAuth,
  mongodOpen,
  redisOpen,
  elasticsearchOpen,
  pgHbaOpen,
  postgresListenAll,
  mysqlOpen,
  clickhouseOpen,
  scriptDbOpen,
  firestoreRulesPublic,
  rtdbRulesPublic,
  supabasePublicBucket,
];
