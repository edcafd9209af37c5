resource "azurerm_mssql_firewall_rule" "azure" {
  server_id        = azurerm_mssql_server.s.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
