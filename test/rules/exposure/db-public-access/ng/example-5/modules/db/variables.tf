variable "publicly_accessible" {
  type    = bool
  default = true
}
