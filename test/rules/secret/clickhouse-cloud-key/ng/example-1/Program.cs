string key = "4b1dt2rZCvgmtmBXsfHyD1pjsAI6omqLNFgevUjiGr";
