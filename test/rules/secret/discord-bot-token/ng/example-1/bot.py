# discord bot
client.run("MTA4NzY1NDMyMTA5ODc2NTQzMg.Gh7kLm.q9Zx2Lp8Vw4Rt7Yn3Bc6Hd1Jf5Sg0TeAaQk")
