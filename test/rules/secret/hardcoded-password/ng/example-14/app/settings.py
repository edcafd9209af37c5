DATABASES = {"default": {"PASSWORD": os.environ.get("DB_PASSWORD", "admin")}}
