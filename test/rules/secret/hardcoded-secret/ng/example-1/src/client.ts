const client = new Client({ apiKey: "q8Zt2LmX9vKp4RwN7yHc3JdF6sBg1TeA" });
