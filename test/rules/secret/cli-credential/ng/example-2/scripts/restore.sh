mysql -u root -pHq7vZ2kLpW crm < dump.sql
