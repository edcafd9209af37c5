const card = { number: "4242424242424242", exp: "12/34" };
