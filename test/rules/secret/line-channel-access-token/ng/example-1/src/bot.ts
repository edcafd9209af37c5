const client = new messagingApi.MessagingApiClient({
  channelAccessToken: "ldarCKa6L47bbrkg5CBSZb5YHwtTGmAh5HQY7n2UW+ucdJ+gUaDaebwSf+Qz7mRwyhOaEjx2ZALdD+/WTk3AE3l30UgbvItprHxMeJ+mKTPxsAzJr7vwn0fcD2XSg5N9EympCn4oB82Zziv6dHxjgMsIgpkczSdIJ5NR0/6X2iG=",
});
