const upc = "504719283649"; // product code
