resource "aws_db_snapshot" "s" {
  db_instance_identifier = "db"
  shared_accounts        = ["all"]
}
