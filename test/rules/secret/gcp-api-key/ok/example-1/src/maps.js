const key = process.env.GOOGLE_API_KEY; // AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
