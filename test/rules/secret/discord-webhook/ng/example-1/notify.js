const hook = "https://discord.com/api/webhooks/657134803486726798/WAMLZ3ZVkj8vHEN2r6u_s0R9fmFzeKrFKd-ITeZ10pVnXhCjYSWGi9zrf4dJZ_lWjaw_";
