headers = {"X-Cybozu-Authorization": "ZGVwbG95OlZxOGtaMm1MdDdSdw=="}
