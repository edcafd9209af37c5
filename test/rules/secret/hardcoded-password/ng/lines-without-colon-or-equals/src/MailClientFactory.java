class MailClientFactory {
    MailClient create() {
        MailClient client = new MailClient();
        client.setPassword("Zq8mVt3kLp9wXr2n");
        return client;
    }
}
