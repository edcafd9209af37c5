resource "aws_s3_bucket" "uploads" {
  bucket = "customer-uploads"
  acl    = "public-read"
}
