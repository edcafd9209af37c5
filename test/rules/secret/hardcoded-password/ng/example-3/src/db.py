conn = connect(host="db", user="app", password="Wq7#kLp2vX")
