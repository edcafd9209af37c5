mysqladmin -u root password "r00tPw2024"
