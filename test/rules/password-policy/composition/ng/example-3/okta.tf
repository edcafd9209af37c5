resource "okta_policy_password" "p" {
  name                   = "p"
  password_min_length    = 12
  password_min_lowercase = 0
  password_min_uppercase = 0
}
