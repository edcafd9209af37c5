provider "mailgun" {
  api_key = "key-b069d279f11fa8d05f66c8f9055728de"
}
