INSERT INTO staff VALUES
  ( 201
  , 'Nadia'
  , 'Kowalski'
  , '1.612.409.3381'
  );
INSERT INTO staff VALUES
  ( 202
  , 'Owen'
  , 'Hartley'
  , '1.612.409.5529'
  );
INSERT INTO staff VALUES
  ( 203
  , 'Greta'
  , 'Lindqvist'
  , '44.20.7946.3318'
  );
INSERT INTO staff VALUES
  ( 204
  , 'Samuel'
  , 'Okafor'
  , '1.612.409.7740'
  );
INSERT INTO staff VALUES
  ( 205
  , 'Ingrid'
  , 'Baptiste'
  , '1.612.409.2267'
  );
INSERT INTO staff VALUES
  ( 206
  , 'Victor'
  , 'Almeida'
  , '44.20.7946.8153'
  );
