provider "mailgun" {
  api_key = var.mailgun_api_key
}
