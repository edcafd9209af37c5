cat >> /etc/postgresql/16/main/pg_hba.conf <<EOF
host    all    all    0.0.0.0/0    md5
EOF
