resource "keycloak_user" "demo" {
  username = "demo"
  initial_password {
    value     = "demo1234"
    temporary = false
  }
}
