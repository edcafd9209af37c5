redis-server --bind 127.0.0.1 --protected-mode yes
