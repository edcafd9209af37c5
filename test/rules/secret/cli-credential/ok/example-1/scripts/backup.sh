curl -s -u "$USER:$PASS" https://files.example.co.jp/upload
curl -u <user:password> https://example.com
