#!/bin/sh
if [ -n "$CACHE_PWD" ]; then
  AUTHARG="--pass $CACHE_PWD"
fi
echo "GENERATED ROOT PASSWORD: $MARIADB_ROOT_PASSWORD"
export SHELLCMD="/opt/tools/dbshell --quiet --username $DB_ADMIN_USER --password $DB_ADMIN_PASSWORD"
