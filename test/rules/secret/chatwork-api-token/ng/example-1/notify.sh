curl -X POST -H "X-ChatWorkToken: HYBKs6e5fbPjfKbqivPxEwiY6B4SIIby" https://api.chatwork.com/v2/rooms/1/messages
