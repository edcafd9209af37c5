resource "example_mysql_instance" "orders" {
  instance_name = "orders"
  engine        = "8.0"
  ip_allow_list = ["10.0.0.0/8", "0.0.0.0/0"]
}
