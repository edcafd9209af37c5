token = os.environ["FB_TOKEN"]
