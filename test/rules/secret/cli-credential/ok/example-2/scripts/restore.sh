mysql -u root -p crm < dump.sql
