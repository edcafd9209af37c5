WEBHOOK = "https://hooks.slack.com/services/TXXXXX/BXXXXX/XXXXXXXXXX"
