resource "azurerm_storage_account" "sa" {
  name                     = "exports"
  allow_blob_public_access = true
}
