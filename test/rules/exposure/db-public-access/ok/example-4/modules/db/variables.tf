variable "publicly_accessible" {
  type    = bool
  default = false
}
