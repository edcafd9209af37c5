resource "google_sql_database_instance" "db" {
  settings {
    ip_configuration {
      authorized_networks {
        value = "0.0.0.0/0"
      }
    }
  }
}
