# discord bot
client.run(os.environ["DISCORD_BOT_TOKEN"])
