sumologic_access_id = var.sumo_access_id
