locals {
  pools = { staff = { minimum_length = 14 }, kiosk = { minimum_length = 6 } }
}
resource "aws_cognito_user_pool" "p" {
  for_each = local.pools
  password_policy {
    minimum_length = each.value.minimum_length
  }
}
