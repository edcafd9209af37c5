resource "aws_cognito_user_pool_client" "c" {
  token_validity_units {
    access_token  = "hours"
    refresh_token = "days"
  }
}
