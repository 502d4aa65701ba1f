-- Core tables: directory, hotlines, custody records and their status history, import log.
-- Portable SQL (SQLite and PostgreSQL): TEXT/INTEGER/BIGINT, booleans as INTEGER 0/1, timestamps as ISO-8601 UTC TEXT.

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,               -- the contract's Service, as JSON
  content_hash TEXT NOT NULL,       -- sha256 of data: re-importing the same row changes nothing
  updated_at TEXT NOT NULL
);

CREATE TABLE hotlines (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  data TEXT NOT NULL                -- the contract's Hotline, as JSON
);

CREATE TABLE custody_records (
  id TEXT PRIMARY KEY,              -- public, opaque id
  source_key TEXT NOT NULL UNIQUE,  -- the feed's own key (normalized primary identifier)
  data TEXT NOT NULL,               -- the contract's CustodyRecord, as JSON
  content_hash TEXT NOT NULL,
  status TEXT NOT NULL,
  confidential INTEGER NOT NULL DEFAULT 0,
  sort_name TEXT NOT NULL,          -- folded display name, for stable ordering
  birth_year INTEGER,
  state TEXT,
  source_updated_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX custody_records_sort ON custody_records (confidential, sort_name, id);

-- Every prefix of every folded name token: a portable, indexable "starts with" name search.
CREATE TABLE custody_name_prefixes (
  prefix TEXT NOT NULL,
  record_id TEXT NOT NULL REFERENCES custody_records (id) ON DELETE CASCADE,
  PRIMARY KEY (prefix, record_id)
);
CREATE INDEX custody_name_prefixes_record ON custody_name_prefixes (record_id);

CREATE TABLE custody_identifiers (
  value TEXT NOT NULL,              -- normalized: no spaces or dashes, upper case
  type TEXT NOT NULL,
  record_id TEXT NOT NULL REFERENCES custody_records (id) ON DELETE CASCADE,
  PRIMARY KEY (value, type, record_id)
);
CREATE INDEX custody_identifiers_record ON custody_identifiers (record_id);

CREATE TABLE imports (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,               -- services | custody
  source_name TEXT NOT NULL,        -- file name only, never its content
  content_hash TEXT NOT NULL,
  outcome TEXT NOT NULL,            -- applied | held | rejected
  summary TEXT NOT NULL,            -- JSON counts
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL
);

CREATE TABLE custody_events (
  id TEXT PRIMARY KEY,
  record_id TEXT NOT NULL REFERENCES custody_records (id) ON DELETE CASCADE,
  from_status TEXT,
  to_status TEXT NOT NULL,
  alert_event TEXT,                 -- release | transfer | escape | death | return-to-custody, or NULL
  occurred_at TEXT NOT NULL,
  import_id TEXT REFERENCES imports (id)
);
CREATE INDEX custody_events_record ON custody_events (record_id, occurred_at);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
