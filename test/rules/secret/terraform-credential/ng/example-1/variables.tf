variable "db_password" {
  type      = string
  sensitive = true
  default   = "test_secret"
}
