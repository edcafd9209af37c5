docker run -d --name dev-db -p 127.0.0.1:5432:5432 postgres:16
docker run -d -p 8080:80 nginx
