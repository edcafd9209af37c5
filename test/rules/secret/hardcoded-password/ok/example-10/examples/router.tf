user {
  name     = "username"
  password = "password"
}
