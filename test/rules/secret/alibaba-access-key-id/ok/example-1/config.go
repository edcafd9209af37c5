alibabaKey := os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID")
