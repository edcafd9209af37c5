resource "aws_iam_account_password_policy" "p" {
  minimum_password_length = var.prod ? 14 : 8
}
