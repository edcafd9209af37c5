resource "aws_iam_account_password_policy" "p" {
  minimum_password_length = 14
  require_symbols = false
  require_numbers = true
  require_uppercase_characters = true
  require_lowercase_characters = true
}
