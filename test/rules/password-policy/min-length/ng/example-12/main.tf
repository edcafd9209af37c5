module "account" {
  source                  = "./modules/account"
  minimum_password_length = 6
}
