const payjp = Payjp("pk_live_0a1b2c3d4e5f6a7b8c9d0e1f");
