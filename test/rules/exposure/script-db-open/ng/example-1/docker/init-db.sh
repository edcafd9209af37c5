#!/bin/sh
sed -i "s/#listen_addresses = 'localhost'/listen_addresses = '*'/" "$PGDATA/postgresql.conf"
echo "host all all 0.0.0.0/0 trust" >> "$PGDATA/pg_hba.conf"
