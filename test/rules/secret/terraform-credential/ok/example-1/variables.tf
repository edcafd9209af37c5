variable "db_password" {
  type      = string
  sensitive = true
}
variable "password_length" {
  default = "16"
}
