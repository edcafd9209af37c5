resource "azurerm_storage_container" "c" {
  name                  = "exports"
  container_access_type = "private"
}
