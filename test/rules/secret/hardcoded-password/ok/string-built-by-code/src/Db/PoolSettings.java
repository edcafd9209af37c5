package app.db;

public final class PoolSettings {
    private String url;
    private String user;
    private String password;

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PoolSettings [url=").append(url);
        b.append(", user=").append(user).append(", password=").append(mask(password)).append("]");
        return b.toString();
    }
}
