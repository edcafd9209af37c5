const HEROKU = process.env.HEROKU_API_KEY;
