curl -X POST -H "X-ChatWorkToken: ${CHATWORK_API_TOKEN}" https://api.chatwork.com/v2/rooms/1/messages
