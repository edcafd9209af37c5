sed -i -e 's/0.0.0.0/127.0.0.1/g' /etc/mongod.conf
sed -i 's/0.0.0.0:80/0.0.0.0:8080/' /etc/nginx/nginx.conf
