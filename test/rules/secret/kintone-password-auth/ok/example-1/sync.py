headers = {"X-Cybozu-Authorization": b64encode(f"{user}:{pw}".encode()).decode()}
