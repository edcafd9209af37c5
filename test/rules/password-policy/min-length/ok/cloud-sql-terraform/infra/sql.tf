resource "google_sql_database_instance" "members" {
  name             = "members-db"
  database_version = "MYSQL_8_0"
  region           = "asia-northeast1"

  settings {
    tier = "db-n1-standard-2"

    password_validation_policy {
      enable_password_policy = true
      min_length             = 14
      complexity             = "COMPLEXITY_DEFAULT"
      reuse_interval         = 5
    }
  }
}

module "reports_db" {
  source = "./modules/mysql"
  name   = "reports-db"

  password_validation_policy_config = {
    min_length     = 12
    complexity     = "COMPLEXITY_DEFAULT"
    reuse_interval = 4
  }
}
