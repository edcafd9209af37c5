const hook = process.env.DISCORD_WEBHOOK_URL;
