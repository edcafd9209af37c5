git clone "https://git.example.co.jp/repo.git"
