const stripe = Stripe("pk_live_51Hq8ZxLmP2vKw4RtN7yHc3BdF6sGa1Te");
const key = "sk_live_short";
