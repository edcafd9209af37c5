const res = await fetch(url, { headers: { 'X-Cybozu-API-Token': 'u4Df37liOn9Ckb5kQqcOSruW9YL15LqjVUjUoejI' } });
