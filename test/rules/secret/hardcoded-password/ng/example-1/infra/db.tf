resource "aws_db_instance" "main" {
  username = "admin"
  password = "Kp9!vRt2#qLz"
}
