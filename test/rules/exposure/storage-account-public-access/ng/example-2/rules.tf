resource "azurerm_storage_account_network_rules" "r" {
  storage_account_id = azurerm_storage_account.sa.id
  default_action     = "Allow"
}
