export const users = [{ name: "佐藤 一郎", email: "ichiro.sato@gmail.com", tel: "090-3841-2270" }];
