resource "aws_db_instance" "main" {
  password = var.db_password
}
