module "pool" {
  source                            = "./modules/user-pool"
  user_pool_name                    = "customers"
  password_policy_minimum_length    = 12
  password_policy_require_lowercase = false
}
