resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:role/app" }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.b.arn}/*"
    }]
  })
}
