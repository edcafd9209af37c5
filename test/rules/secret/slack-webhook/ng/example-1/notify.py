WEBHOOK = "http://hooks.slack.com/services/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"
