variable "minimum_password_length" {
  type    = number
  default = 8
}
