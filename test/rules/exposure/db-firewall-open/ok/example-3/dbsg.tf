resource "aws_db_security_group" "sg" {
  ingress {
    cidr = "10.0.0.0/8"
  }
}
