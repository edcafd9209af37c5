curl -H "Authorization: Bearer Jq8Zx2LmP9vKw4RtN7yHc3BdF6sGa1Te" https://api.example.co.jp/v1
