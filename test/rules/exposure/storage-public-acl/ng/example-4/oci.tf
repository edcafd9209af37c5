resource "oci_objectstorage_bucket" "exports" {
  compartment_id = var.compartment_id
  name           = "exports"
  namespace      = var.namespace
  access_type    = "ObjectReadWithoutList"
}
