resource "azurerm_storage_account" "sa" {
  name                     = "exports"
  allow_blob_public_access = false
  network_rules {
    default_action = "Deny"
  }
}
