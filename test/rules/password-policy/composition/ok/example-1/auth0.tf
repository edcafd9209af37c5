resource "auth0_connection" "db" {
  name     = "db"
  strategy = "auth0"
  options {
    password_policy = "excellent"
    password_complexity_options {
      min_length = 12
    }
  }
}
