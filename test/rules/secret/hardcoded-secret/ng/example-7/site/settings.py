SECRET_KEY = os.getenv(
    "DJANGO_SECRET_KEY", "dj-insecure-9f!k2@x#q7m$w3z&p5v8r"
)
