const client = new Client({ apiKey: process.env.API_KEY });
const token = "<your-token>";
