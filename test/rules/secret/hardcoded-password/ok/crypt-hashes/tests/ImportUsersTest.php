<?php

final class ImportUsersTest extends TestCase
{
    // Users exported from other systems keep their password hashes.
    private const USERS = [
        ['email' => 'wp@example.test', 'password' => '$P$Bq7Lm2xW9rTz4Kv8Np3Hs6Dc1Fg5Aj.', 'hash' => 'phpass'],
        ['email' => 'forum@example.test', 'password' => '$H$9Tq2Lm8xKv4Wz7Rp3Ns6Hd1Fb5Gc0A/', 'hash' => 'phpass'],
        ['email' => 'htpasswd@example.test', 'password' => '$apr1$Qw8eRt5y$Lm2xW9rTz4Kv8Np3Hs6Dc.', 'hash' => 'md5crypt'],
        ['email' => 'legacy@example.test', 'password' => '$1$Zx4Wm8Kq$Tv7Lr3Hp9NsQb2Yc5Fd8Gj0', 'hash' => 'md5crypt'],
    ];
}
