resource "google_sql_database_instance" "db" {
  settings {
    ip_configuration {
      authorized_networks {
        value = "203.0.113.10/32"
      }
    }
  }
}
