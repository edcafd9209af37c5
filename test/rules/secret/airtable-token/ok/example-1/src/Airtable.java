String airtableToken = System.getenv("AIRTABLE_TOKEN");
