resource "aws_db_instance" "main" {
  password = var.db_password
  master_user_secret_kms_key_id = "alias/rds"
}
resource "x" "y" {
  password = "password"
  client_secret = "your-client-secret"
  admin_password = "${random_password.admin.result}"
}
