// Generated from the first cases of each rule in test/rules by test/unit/rule-docs.test.ts; do not edit.
// Refresh with: UPDATE_DOCS=1 node test/run-unit.mjs rule-docs
import type { RuleExamples } from '../rules/rule';

/** Each non-secret rule's examples, by rule id (secret rules' examples are token-shaped and never shipped). */
export const CASE_EXAMPLES: Readonly<Record<string, RuleExamples>> = {
  'exposure/db-public-access': {
    bad: [
      {
        path: 'rds.tf',
        text: 'resource "aws_db_instance" "main" {\n  engine              = "postgres"\n  publicly_accessible = true\n}\n',
      },
      {
        path: 'template.yaml',
        text: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      PubliclyAccessible: true\n',
      },
    ],
    good: [
      {
        path: 'rds.tf',
        text: 'resource "aws_db_instance" "main" {\n  engine              = "postgres"\n  publicly_accessible = false\n}\n',
      },
      {
        path: 'template.yaml',
        text: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      PubliclyAccessible: false\n',
      },
    ],
  },
  'exposure/db-firewall-open': {
    bad: [
      {
        path: 'playbook.yml',
        text: '- hosts: db\n  tasks:\n    - name: open pg_hba\n      community.postgresql.postgresql_pg_hba:\n        dest: /etc/postgresql/16/main/pg_hba.conf\n        contype: host\n        source: 0.0.0.0/0\n        method: trust\n',
      },
      {
        path: 'sql.tf',
        text: 'resource "azurerm_mssql_firewall_rule" "all" {\n  server_id        = azurerm_mssql_server.s.id\n  start_ip_address = "0.0.0.0"\n  end_ip_address   = "255.255.255.255"\n}\n',
      },
    ],
    good: [
      {
        path: 'sql.tf',
        text: 'resource "azurerm_mssql_firewall_rule" "azure" {\n  server_id        = azurerm_mssql_server.s.id\n  start_ip_address = "0.0.0.0"\n  end_ip_address   = "0.0.0.0"\n}\n',
      },
      {
        path: 'cloudsql.tf',
        text: 'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      authorized_networks {\n        value = "203.0.113.10/32"\n      }\n    }\n  }\n}\n',
      },
    ],
  },
  'exposure/network-db-port-open': {
    bad: [
      {
        path: 'sg.tf',
        text: 'resource "aws_security_group" "db" {\n  ingress {\n    from_port   = 5432\n    to_port     = 5432\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
      },
      {
        path: 'sg.yaml',
        text: 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      SecurityGroupIngress:\n        - IpProtocol: "-1"\n          CidrIp: 0.0.0.0/0\n',
      },
    ],
    good: [
      {
        path: 'sg.tf',
        text: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  ingress {\n    from_port   = 5432\n    to_port     = 5432\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/16"]\n  }\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
      },
      {
        path: 'sg.yaml',
        text: 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n',
      },
    ],
  },
  'exposure/storage-public-acl': {
    bad: [
      {
        path: 's3.tf',
        text: 'resource "aws_s3_bucket" "uploads" {\n  bucket = "customer-uploads"\n  acl    = "public-read"\n}\n',
      },
      {
        path: 'bucket.yaml',
        text: 'Resources:\n  Uploads:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicRead\n',
      },
    ],
    good: [
      {
        path: 'oci.tf',
        text: 'resource "oci_objectstorage_bucket" "exports" {\n  compartment_id = var.compartment_id\n  name           = "exports"\n  namespace      = var.namespace\n  access_type    = "NoPublicAccess"\n}\n',
      },
      {
        path: 's3.tf',
        text: 'resource "aws_s3_bucket" "uploads" {\n  bucket = "customer-uploads"\n  acl    = "private"\n}\n',
      },
    ],
  },
  'exposure/storage-public-policy': {
    bad: [
      {
        path: 'policy.tf',
        text: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "s3:GetObject"\n      Resource  = "${aws_s3_bucket.b.arn}/*"\n    }]\n  })\n}\n',
      },
      {
        path: 'iam.tf',
        text: 'resource "google_storage_bucket_iam_member" "m" {\n  bucket = "exports"\n  role   = "roles/storage.objectViewer"\n  member = "allUsers"\n}\n',
      },
    ],
    good: [
      {
        path: 'policy.tf',
        text: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::123456789012:role/app" }\n      Action    = "s3:GetObject"\n      Resource  = "${aws_s3_bucket.b.arn}/*"\n    }]\n  })\n}\n',
      },
      {
        path: 'iam.tf',
        text: 'resource "google_storage_bucket_iam_member" "m" {\n  bucket = "exports"\n  role   = "roles/storage.objectViewer"\n  member = "serviceAccount:app@p.iam.gserviceaccount.com"\n}\n',
      },
    ],
  },
  'exposure/storage-account-public-access': {
    bad: [
      {
        path: 'storage.tf',
        text: 'resource "azurerm_storage_account" "sa" {\n  name                     = "exports"\n  allow_blob_public_access = true\n}\n',
      },
      {
        path: 'rules.tf',
        text: 'resource "azurerm_storage_account_network_rules" "r" {\n  storage_account_id = azurerm_storage_account.sa.id\n  default_action     = "Allow"\n}\n',
      },
    ],
    good: [
      {
        path: 'storage.tf',
        text: 'resource "azurerm_storage_account" "sa" {\n  name                     = "exports"\n  allow_blob_public_access = false\n  network_rules {\n    default_action = "Deny"\n  }\n}\n',
      },
    ],
  },
  'exposure/search-open-policy': {
    bad: [
      {
        path: 'es.yaml',
        text: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      AccessPolicies:\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: "*"\n            Action: "es:*"\n',
      },
    ],
    good: [
      {
        path: 'es.yaml',
        text: 'Resources:\n  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      AccessPolicies:\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: arn:aws:iam::123456789012:role/search\n            Action: "es:*"\n',
      },
    ],
  },
  'exposure/compose-db-port-public': {
    bad: [
      {
        path: 'docker-compose.yml',
        text: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/pg\n    ports:\n      - "5432:5432"\n',
      },
      {
        path: 'compose.yaml',
        text: 'services:\n  cache:\n    image: redis:7\n    ports:\n      - 6379:6379\n',
      },
    ],
    good: [
      {
        path: 'docker-compose.yml',
        text: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/pg\n    ports:\n      - "127.0.0.1:5432:5432"\n  web:\n    image: nginx\n    ports:\n      - "80:80"\n',
      },
      {
        path: 'compose.yaml',
        text: 'services:\n  cache:\n    image: redis:7\n    expose:\n      - "6379"\n',
      },
    ],
  },
  'exposure/compose-db-no-auth': {
    bad: [
      {
        path: 'docker-compose.yml',
        text: 'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_HOST_AUTH_METHOD=trust\n    ports:\n      - "5432:5432"\n',
      },
      {
        path: 'docker-compose.yml',
        text: 'services:\n  mongo:\n    image: mongo:7\n    ports:\n      - "27017:27017"\n',
      },
    ],
    good: [
      {
        path: 'docker-compose.yml',
        text: 'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD_FILE=/run/secrets/pg\n',
      },
      {
        path: 'docker-compose.yml',
        text: 'services:\n  mongo:\n    image: mongo:7\n    environment:\n      MONGO_INITDB_ROOT_USERNAME: admin\n      MONGO_INITDB_ROOT_PASSWORD_FILE: /run/secrets/mongo\n    ports:\n      - "127.0.0.1:27017:27017"\n',
      },
    ],
  },
  'exposure/k8s-db-service-exposed': {
    bad: [
      {
        path: 'k8s/mongo.yaml',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: mongo\nspec:\n  template:\n    spec:\n      containers:\n        - name: mongo\n          image: mongo:7\n          ports:\n            - containerPort: 27017\n              hostPort: 27017\n',
      },
      {
        path: 'k8s/cluster.yaml',
        text: 'apiVersion: moco.cybozu.com/v1beta2\nkind: MySQLCluster\nmetadata:\n  name: db\nspec:\n  replicas: 3\n  primaryServiceTemplate:\n    spec:\n      type: LoadBalancer\n',
      },
    ],
    good: [
      {
        path: 'k8s/postgres.yaml',
        text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: postgres\nspec:\n  type: ClusterIP\n  selector:\n    app: postgres\n  ports:\n    - port: 5432\n',
      },
      {
        path: 'k8s/web.yaml',
        text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 443\n',
      },
    ],
  },
  'exposure/helm-db-no-auth': {
    bad: [
      {
        path: 'helm/values.yaml',
        text: 'redis:\n  auth:\n    enabled: false\n  master:\n    service:\n      type: LoadBalancer\n',
      },
      {
        path: 'charts/mongodb/values.yaml',
        text: 'auth:\n  enabled: false\n',
      },
    ],
    good: [
      {
        path: 'helm/values.yaml',
        text: 'redis:\n  auth:\n    enabled: true\n    existingSecret: redis-auth\n  master:\n    service:\n      type: ClusterIP\n',
      },
      {
        path: 'helm/values.yaml',
        text: 'web:\n  auth:\n    enabled: false\n  service:\n    type: LoadBalancer\n',
      },
    ],
  },
  'exposure/mongod-open': {
    bad: [
      {
        path: 'mongod.conf',
        text: 'net:\n  port: 27017\n  bindIp: 0.0.0.0\n',
      },
      {
        path: 'mongod.conf',
        text: 'net:\n  bindIpAll: true\nsecurity:\n  authorization: disabled\n',
      },
    ],
    good: [
      {
        path: 'mongod.conf',
        text: 'net:\n  port: 27017\n  bindIp: 127.0.0.1,10.0.1.5\nsecurity:\n  authorization: enabled\n',
      },
    ],
  },
  'exposure/redis-open': {
    bad: [
      {
        path: 'redis.conf',
        text: 'bind 0.0.0.0\nport 6379\nprotected-mode no\n',
      },
      {
        path: 'config/redis.conf',
        text: 'port 6379\nprotected-mode no\n',
      },
    ],
    good: [
      {
        path: 'redis.conf',
        text: 'bind 127.0.0.1 -::1\nprotected-mode yes\nport 6379\nrequirepass ${REDIS_PASSWORD}\n',
      },
      {
        path: 'redis.conf',
        text: 'bind 127.0.0.1\nprotected-mode yes\nport 6379\n',
      },
    ],
  },
  'exposure/elasticsearch-open': {
    bad: [
      {
        path: 'config/elasticsearch.yml',
        text: 'cluster.name: prod\nnetwork.host: 0.0.0.0\nxpack.security.enabled: false\n',
      },
      {
        path: 'elasticsearch.yml',
        text: 'xpack:\n  security:\n    enabled: false\n',
      },
    ],
    good: [
      {
        path: 'elasticsearch.yml',
        text: 'network.host: 10.0.1.5\nxpack.security.enabled: true\nxpack.security.http.ssl.enabled: true\n',
      },
      {
        path: 'config/elasticsearch.yml',
        text: 'cluster.name: docker-cluster\nnetwork.host: 0.0.0.0\nxpack.security.enabled: true\n',
      },
    ],
  },
  'exposure/pg-hba-open': {
    bad: [
      {
        path: 'pg_hba.conf',
        text: '# TYPE  DATABASE  USER  ADDRESS     METHOD\nlocal   all       all                 peer\nhost    all       all   0.0.0.0/0   trust\n',
      },
      {
        path: 'pg_hba.conf',
        text: 'host all all 0.0.0.0 0.0.0.0 md5\n',
      },
    ],
    good: [
      {
        path: 'pg_hba.conf',
        text: 'local all all peer\nhost all all 127.0.0.1/32 trust\nhost app app 10.0.0.0/8 scram-sha-256\n',
      },
    ],
  },
  'exposure/postgres-listen-all': {
    bad: [
      {
        path: 'postgresql.conf',
        text: "listen_addresses = '*'\nport = 5432\n",
      },
    ],
    good: [
      {
        path: 'postgresql.conf',
        text: "listen_addresses = 'localhost,10.0.1.5'\nport = 5432\n",
      },
    ],
  },
  'exposure/mysql-open': {
    bad: [
      {
        path: 'my.cnf',
        text: '[mysqld]\nbind-address = 0.0.0.0\nskip-grant-tables\n',
      },
    ],
    good: [
      {
        path: 'my.cnf',
        text: '[mysqld]\nbind-address = 127.0.0.1\n[client]\nport = 3306\n',
      },
    ],
  },
  'exposure/clickhouse-open': {
    bad: [
      {
        path: 'clickhouse/users.xml',
        text: '<clickhouse>\n  <users>\n    <default>\n      <password></password>\n      <networks>\n        <ip>::/0</ip>\n      </networks>\n      <profile>default</profile>\n    </default>\n  </users>\n</clickhouse>\n',
      },
      {
        path: 'clickhouse/config.d/listen.xml',
        text: '<clickhouse>\n  <listen_host>::</listen_host>\n  <http_port>8123</http_port>\n</clickhouse>\n',
      },
    ],
    good: [
      {
        path: 'clickhouse/users.xml',
        text: '<clickhouse>\n  <users>\n    <default>\n      <password_sha256_hex>${CH_HASH}</password_sha256_hex>\n      <networks>\n        <ip>::1</ip>\n        <ip>10.0.0.0/8</ip>\n      </networks>\n      <!-- <ip>::/0</ip> -->\n      <profile>default</profile>\n    </default>\n  </users>\n</clickhouse>\n',
      },
      {
        path: 'clickhouse/config.xml',
        text: '<clickhouse>\n  <listen_host>127.0.0.1</listen_host>\n  <tcp_port>9000</tcp_port>\n</clickhouse>\n',
      },
    ],
  },
  'exposure/script-db-open': {
    bad: [
      {
        path: 'docker/init-db.sh',
        text: '#!/bin/sh\nsed -i "s/#listen_addresses = \'localhost\'/listen_addresses = \'*\'/" "$PGDATA/postgresql.conf"\necho "host all all 0.0.0.0/0 trust" >> "$PGDATA/pg_hba.conf"\n',
      },
      {
        path: 'Dockerfile',
        text: 'FROM redis:7\nCMD ["redis-server", "--protected-mode", "no"]\n',
      },
    ],
    good: [
      {
        path: 'docker/init-db.sh',
        text: '#!/bin/sh\necho "host all all 10.0.0.0/8 scram-sha-256" >> "$PGDATA/pg_hba.conf"\n# sed -i "s/#listen_addresses.*/listen_addresses = \'*\'/" postgresql.conf\n',
      },
      {
        path: 'Dockerfile',
        text: 'FROM python:3.12\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
      },
    ],
  },
  'exposure/firestore-rules-public': {
    bad: [
      {
        path: 'storage.rules',
        text: 'service firebase.storage {\n  match /b/{bucket}/o {\n    match /uploads/{uid}/{file} {\n      allow write: if request.auth.uid == uid;\n      allow read;\n    }\n  }\n}\n',
      },
      {
        path: 'firestore.rules',
        text: 'service cloud.firestore {\n  match /databases/{database}/documents {\n    match /{document=**} {\n      allow read, write: if request.time < timestamp.date(2024, 2, 1);\n    }\n  }\n}\n',
      },
    ],
    good: [
      {
        path: 'firestore.rules',
        text: "rules_version = '2';\nservice cloud.firestore {\n  match /databases/{database}/documents {\n    match /users/{userId} {\n      allow read, write: if request.auth != null && request.auth.uid == userId;\n    }\n    match /products/{id} {\n      allow read: if request.auth != null;\n      allow write: if false;\n    }\n  }\n}\n",
      },
    ],
  },
  'exposure/rtdb-rules-public': {
    bad: [
      {
        path: 'database.rules.json',
        text: '{\n  "rules": {\n    ".read": true,\n    ".write": true\n  }\n}\n',
      },
      {
        path: 'database.rules.json',
        text: '{\n  "rules": {\n    ".read": "now < 1700000000000",\n    ".write": "now < 1700000000000"\n  }\n}\n',
      },
    ],
    good: [
      {
        path: 'database.rules.json',
        text: '{\n  "rules": {\n    "users": {\n      "$uid": {\n        ".read": "auth != null && auth.uid === $uid",\n        ".write": "auth != null && auth.uid === $uid"\n      }\n    },\n    "announcements": { ".read": "auth != null", ".write": false }\n  }\n}\n',
      },
    ],
  },
  'exposure/supabase-public-bucket': {
    bad: [
      {
        path: 'supabase/config.toml',
        text: '[storage]\nenabled = true\n\n[storage.buckets.user-documents]\npublic = true\nfile_size_limit = "50MiB"\n',
      },
    ],
    good: [
      {
        path: 'supabase/config.toml',
        text: '[storage.buckets.user-documents]\npublic = false\nfile_size_limit = "50MiB"\n',
      },
    ],
  },
  'pii-data/personal-data-store': {
    bad: [
      {
        path: 'db/seeds/customers.csv',
        text: '氏名,フリガナ,電話番号,メールアドレス\n佐藤 一郎,サトウ イチロウ,090-3841-2270,ichiro.sato@gmail.com\n鈴木 花,スズキ ハナ,080-5512-9043,hana.suzuki@yahoo.co.jp\n高橋 健,タカハシ ケン,070-2298-4416,ken.t@icloud.com\n田中 陽菜,タナカ ヒナ,090-6137-4825,hina.tanaka@outlook.jp\n伊藤 蓮,イトウ レン,080-7294-3361,ren.ito@docomo.ne.jp\n',
      },
      {
        path: 'db/dump.sql',
        text: "INSERT INTO `customers` (`id`, `name`, `email`, `tel`) VALUES (1,'佐藤 一郎','ichiro.sato@gmail.com','090-3841-2270'),(2,'鈴木 花','hana.suzuki@yahoo.co.jp','080-5512-9043'),(3,'高橋 健','ken.t@icloud.com','070-2298-4416'),(4,'田中 陽菜','hina.tanaka@outlook.jp','090-6137-4825'),(5,'伊藤 蓮','ren.ito@docomo.ne.jp','080-7294-3361');\n",
      },
    ],
    good: [
      {
        path: 'db/seeds/customers.csv',
        text: '氏名,フリガナ,電話番号,メールアドレス\n佐藤 一郎,サトウ イチロウ,090-0000-0001,user1@example.com\n鈴木 花,スズキ ハナ,090-0000-0002,user2@example.com\n高橋 健,タカハシ ケン,090-0000-0003,user3@example.jp\n',
      },
      {
        path: 'src/users.ts',
        text: 'export const users = [{ name: "佐藤 一郎", email: "ichiro.sato@gmail.com", tel: "090-3841-2270" }];\n',
      },
    ],
  },
  'pii-data/my-number': {
    bad: [
      {
        path: 'db/seeds/employees.csv',
        text: '社員番号,氏名,マイナンバー\n1001,佐藤一郎,3821 9460 5730\n',
      },
      {
        path: 'app/config/sample.yml',
        text: 'employee:\n  my_number: "504719283649"\n',
      },
    ],
    good: [
      {
        path: 'db/seeds/employees.csv',
        text: '社員番号,氏名,マイナンバー\n1001,佐藤一郎,3821 9460 5731\n',
      },
      {
        path: 'src/barcode.ts',
        text: 'const upc = "504719283649"; // product code\n',
      },
    ],
  },
  'pii-data/passport-number': {
    bad: [
      {
        path: 'fixtures/travelers.json',
        text: '[{"name": "田中 恵", "passport_no": "TR5820417"}]\n',
      },
    ],
    good: [
      {
        path: 'fixtures/travelers.json',
        text: '[{"name": "田中 恵", "booking_ref": "TR5820417"}]\n',
      },
    ],
  },
  'pii-data/card-number': {
    bad: [
      {
        path: 'logs/payment.log',
        text: '2024-05-01 10:12:03 charge ok card_number=4980362719458234 amount=3200\n',
      },
      {
        path: 'test/orders.csv',
        text: 'order_id,holder,card_no\n1,SATO ICHIRO,5358-1274-9063-2179\n',
      },
    ],
    good: [
      {
        path: 'test/payment.test.ts',
        text: 'const card = { number: "4242424242424242", exp: "12/34" };\n',
      },
      {
        path: 'logs/payment.log',
        text: '2024-05-01 10:12:03 charge ok card_number=************8234 amount=3200\n',
      },
    ],
  },
  'pii-data/ssn': {
    bad: [
      {
        path: 'db/seeds/applicants.csv',
        text: 'name,ssn,phone\nMaria Lopez,536-27-4081,(415) 826-0752\n',
      },
      {
        path: 'fixtures/employees.json',
        text: '[{"name": "Kevin Brandt", "social_security_number": "431-58-2974"}]\n',
      },
    ],
    good: [
      {
        path: 'db/seeds/applicants.csv',
        text: 'name,ssn,phone\nMaria Lopez,900-27-4081,(415) 826-0752\n',
      },
      {
        path: 'db/seeds/parts.csv',
        text: 'part,serial\nbracket,536-27-4081\n',
      },
    ],
  },
  'password-policy/min-length': {
    bad: [
      {
        path: 'iam.tf',
        text: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 8\n  require_uppercase_characters = true\n}\n',
      },
      {
        path: 'realm-export.json',
        text: '{\n  "realm": "shop",\n  "passwordPolicy": "length(6) and digits(1)"\n}\n',
      },
    ],
    good: [
      {
        path: 'iam.tf',
        text: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n}\n',
      },
      {
        path: 'routes/session.js',
        text: "router.post('/login', body('password').isLength({ min: 6 }), login);\n",
      },
    ],
  },
  'password-policy/composition': {
    bad: [
      {
        path: 'iam.tf',
        text: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 14\n  require_symbols = false\n  require_numbers = true\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n}\n',
      },
      {
        path: 'main.tf',
        text: 'module "pool" {\n  source                            = "./modules/user-pool"\n  user_pool_name                    = "customers"\n  password_policy_minimum_length    = 12\n  password_policy_require_lowercase = false\n}\n',
      },
    ],
    good: [
      {
        path: 'auth0.tf',
        text: 'resource "auth0_connection" "db" {\n  name     = "db"\n  strategy = "auth0"\n  options {\n    password_policy = "excellent"\n    password_complexity_options {\n      min_length = 12\n    }\n  }\n}\n',
      },
      {
        path: 'iam.tf',
        text: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 14\n  require_symbols = true\n  require_numbers = true\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n}\n',
      },
    ],
  },
  'password-policy/reuse': {
    bad: [
      {
        path: 'iam.tf',
        text: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 14\n}\n',
      },
    ],
    good: [
      {
        path: 'iam.tf',
        text: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 14\n  password_reuse_prevention = 24\n}\n',
      },
    ],
  },
  'password-policy/lockout': {
    bad: [
      {
        path: 'realm-export.json',
        text: '{\n  "realm": "shop",\n  "passwordPolicy": "length(12)",\n  "bruteForceProtected": false\n}\n',
      },
    ],
    good: [
      {
        path: 'realm-export.json',
        text: '{\n  "realm": "shop",\n  "passwordPolicy": "length(12)",\n  "bruteForceProtected": true,\n  "failureFactor": 5\n}\n',
      },
    ],
  },
  'password-policy/periodic-expiry': {
    bad: [
      {
        path: 'login.defs',
        text: 'PASS_MAX_DAYS\t90\nPASS_MIN_DAYS\t0\n',
      },
    ],
    good: [
      {
        path: 'login.defs',
        text: 'PASS_MAX_DAYS\t99999\nPASS_MIN_DAYS\t0\n',
      },
    ],
  },
  'password-policy/weak-hash': {
    bad: [
      {
        path: 'postgresql.conf',
        text: "listen_addresses = 'localhost'\npassword_encryption = md5\n",
      },
    ],
    good: [
      {
        path: 'postgresql.conf',
        text: 'password_encryption = scram-sha-256\n#password_encryption = md5\n',
      },
    ],
  },
};
