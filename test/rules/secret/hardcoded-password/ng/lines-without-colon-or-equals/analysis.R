library(DBI)
db_password <- "Wv7kTq2mZx9Lr4Np"
con <- dbConnect(RPostgres::Postgres(), password = db_password)
