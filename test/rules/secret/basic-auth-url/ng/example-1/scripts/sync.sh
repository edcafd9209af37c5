git clone "https://deploy:S3cr3tPassw0rd9@git.example.co.jp/repo.git"
