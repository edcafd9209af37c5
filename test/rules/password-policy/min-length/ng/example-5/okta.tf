resource "okta_policy_password" "staff" {
  name   = "Staff"
  status = "ACTIVE"
}
