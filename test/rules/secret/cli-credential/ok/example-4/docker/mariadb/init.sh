mysqladmin -u root password "$MYSQL_ROOT_PASSWORD"
