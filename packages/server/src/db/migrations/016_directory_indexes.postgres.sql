-- Saved search indexes of the directory (issue 14): the worker builds one per services version off the request path
-- and stores the engine's saved form here, compressed; every API instance loads the newest in a worker thread instead
-- of indexing the services itself. Rows are never changed once written; only the latest two are kept.
CREATE TABLE directory_indexes (
  id BIGSERIAL PRIMARY KEY,
  version TEXT NOT NULL,            -- the services version (meta services_version, a hash of their content) it indexes
  engine TEXT NOT NULL,             -- the saved form's format: an instance loads only the one it understands
  services INTEGER NOT NULL,
  bytes INTEGER NOT NULL,           -- compressed size of data
  built_at TEXT NOT NULL,
  data BYTEA NOT NULL,              -- read back in pieces (substr), so no instance decodes it in one go
  UNIQUE (version, engine)
);
