yandex_token = "AQVNi0b0tFQ5OlZbYcWWeuq2nX9HUvmLydeY52h0"
