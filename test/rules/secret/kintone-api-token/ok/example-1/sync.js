const res = await fetch(url, { headers: { 'X-Cybozu-API-Token': process.env.KINTONE_API_TOKEN } });
