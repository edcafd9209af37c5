INSERT INTO users (id, email, password_hash) VALUES (1, 'a@example.jp', 'x');
INSERT INTO users (id, password) VALUES (2, '$2a$10$Hk3pLq9zWt2Rq7vLz2kPwOeJ5kQ2wP8sR4tV6xY8zA1bC3dE5fG7h');
