rules {
  weak_list = ["password", "letmein", "welcome"]
}
