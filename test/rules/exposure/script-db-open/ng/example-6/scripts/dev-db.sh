docker run -d --name dev-db \
  -e POSTGRES_PASSWORD="$PGPASS" \
  -p 5432:5432 \
  postgres:16
