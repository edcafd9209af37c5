resource "google_sql_database_instance" "members" {
  name             = "members-db"
  database_version = "POSTGRES_15"
  region           = "asia-northeast1"

  settings {
    tier = "db-custom-2-7680"

    password_validation_policy {
      enable_password_policy      = true
      min_length                  = 6
      complexity                  = "COMPLEXITY_DEFAULT"
      reuse_interval              = 2
      disallow_username_substring = true
    }
  }
}

module "reports_db" {
  source = "./modules/postgresql"
  name   = "reports-db"

  password_validation_policy_config = {
    min_length               = 8
    complexity               = "COMPLEXITY_DEFAULT"
    reuse_interval           = 1
    password_change_interval = "3600s"
  }
}
