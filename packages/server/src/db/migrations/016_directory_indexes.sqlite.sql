-- Saved search indexes of the directory (issue 14): the worker builds one per services version off the request path
-- and stores the engine's saved form here, compressed, in pieces of 1 MiB (a query each: no instance reads or
-- writes tens of MB in one statement while it answers requests); every API instance loads the newest complete one in
-- a worker thread instead of indexing the services itself. Only the latest two complete ones are kept.
CREATE TABLE directory_indexes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version TEXT NOT NULL,            -- the services version (meta services_version, a hash of their content) it indexes
  engine TEXT NOT NULL,             -- the saved form's format: an instance loads only the one it understands
  services INTEGER NOT NULL,
  bytes INTEGER NOT NULL,           -- compressed size, over all pieces
  pieces INTEGER NOT NULL,
  built_at TEXT NOT NULL,
  complete INTEGER NOT NULL DEFAULT 0 -- 1 once every piece is written; instances load only complete ones
);
CREATE INDEX directory_indexes_version ON directory_indexes (version, engine, complete);
CREATE TABLE directory_index_pieces (
  index_id INTEGER NOT NULL REFERENCES directory_indexes (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (index_id, seq)
);
