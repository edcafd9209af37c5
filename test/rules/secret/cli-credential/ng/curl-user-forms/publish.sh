curl -fsS https://registry.internal.example/v2/_catalog \
-u ci-bot:Vq7rTz2mKp9wXc4n
curl -fsS --user=deploy:Hn5sLq8vRt2zWy6k https://artifacts.internal.example/upload
curl -fsS -u-u --user admin:Jm3pXe7rNd1qBv5t https://status.internal.example/api
