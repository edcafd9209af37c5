curl -s -u backup:Zq8kLm2xVt7R https://files.example.co.jp/upload -T dump.sql
