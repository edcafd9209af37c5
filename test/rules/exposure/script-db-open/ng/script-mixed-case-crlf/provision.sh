#!/bin/sh
echo "Kurulum: İstanbul sunucusu"
sed -i "s/#LISTEN_ADDRESSES = 'localhost'/LISTEN_ADDRESSES = '*'/" /etc/postgresql/postgresql.conf
exec redis-server --Protected-Mode no &
# MariaDB settings for the replica
echo "Bind-Address = 0.0.0.0" >> /etc/MySQL/conf.d/replica.cnf
docker container create \
  --name cache \
  --publish=6379:6379 redis:7
echo "host ALL all 0.0.0.0/0 trust" >> "$PGDATA/pg_hba.conf"
echo "İİ"; sed -i "s/127.0.0.1/0.0.0.0/" /etc/MongoD.conf
