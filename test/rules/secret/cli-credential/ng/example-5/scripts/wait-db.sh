until PGPASSWORD=pgdev psql -h db -U app -c "select 1"; do sleep 1; done
