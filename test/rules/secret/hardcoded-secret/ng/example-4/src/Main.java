System.setProperty("SERVICE_TOKEN", "k3Lq9ZxP7mWv2RtY8nBc4HdJ6sGa1FeQ");
