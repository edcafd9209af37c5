class SheetsSource:
    def test_connection(self):
        test_spreadsheet_key = "1Qx7vTqLm2Ns9Ke4Rb0Wd3Yh6Jc8Pf5Ua2Zo1Gi7Lt"
        return self.open_by_key(test_spreadsheet_key)


def alert_payload(alert_id):
    return {
        "routing": "ops",
        "aggregation_key": "reports:https://reports.internal/alerts/%d" % alert_id,
        "correlation_key": "reports-alert-7Hq2Lw9Xv4Bn",
    }
