conn = connect(password=os.environ["DB_PASSWORD"])
password = "changeme"
password = ""
