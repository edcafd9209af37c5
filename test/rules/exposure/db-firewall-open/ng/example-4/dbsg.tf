resource "aws_db_security_group" "sg" {
  ingress {
    cidr = "0.0.0.0/0"
  }
}
