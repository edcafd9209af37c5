// deployer wallet
const privateKey = "0xea4f92aaf39b2c4e34b77a0f9770752b770b49662ae0f03a30a3712d63f0d2df";
