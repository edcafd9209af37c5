#!/bin/bash
set -e
mkdir -p /srv/data
sudo docker \
  run -d --name reports-db -p5432:5432 postgres:16
podman container create --name cache	-p 6379:6379 docker.io/library/redis:7
docker run -d --name search --publish=9200:9200 elasticsearch:8.13.0
