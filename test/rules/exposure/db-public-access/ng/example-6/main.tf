module "db" {
  source = "../../"
  instances = {
    one = {
      publicly_accessible = true
    }
  }
}
