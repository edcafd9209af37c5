INSERT INTO staff (code, name, login_password, role)
VALUES
  ('0001', 'Sato', 'sato2024', 'admin'),
  ('0002', 'Ito', '{noop}ito-pass', 'clerk');
