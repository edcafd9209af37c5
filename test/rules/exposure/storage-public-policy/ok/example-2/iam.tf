resource "google_storage_bucket_iam_member" "m" {
  bucket = "exports"
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:app@p.iam.gserviceaccount.com"
}
