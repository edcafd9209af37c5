yandex_token = "AQVN..."
