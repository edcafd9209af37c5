#!/bin/sh
echo "host all all 10.0.0.0/8 scram-sha-256" >> "$PGDATA/pg_hba.conf"
# sed -i "s/#listen_addresses.*/listen_addresses = '*'/" postgresql.conf
