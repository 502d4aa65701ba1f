-- Callback requests: a visitor asks a specialist to make contact. Contact, name, note and interpreter language are
-- AES-256-GCM (base64) like alert contacts; everything in clear is a choice from a fixed list, kept for counts after
-- the personal data is erased. No IP addresses or user agents are stored.

CREATE TABLE callback_teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  states TEXT NOT NULL DEFAULT '',        -- comma-separated state codes this team covers ("TX,OK")
  zip_prefixes TEXT NOT NULL DEFAULT '',  -- comma-separated ZIP prefixes, more specific than states ("770,773")
  languages TEXT NOT NULL DEFAULT 'en',   -- comma-separated language codes the team speaks ("en,es")
  fallback INTEGER NOT NULL DEFAULT 0,    -- 1: takes what no other team covers
  notify_email_enc TEXT,                  -- encrypted address told about new urgent requests
  created_at TEXT NOT NULL
);

CREATE TABLE callback_requests (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,         -- what the visitor quotes (CB-XXXX-XXXX)
  team_id TEXT REFERENCES callback_teams (id),
  topic TEXT NOT NULL,
  priority INTEGER NOT NULL,              -- 1 (safety concern) … 3
  channel TEXT NOT NULL,                  -- call | text | email | tty
  language TEXT NOT NULL,
  interpreter INTEGER NOT NULL DEFAULT 0,
  windows TEXT NOT NULL,                  -- comma-separated: morning, afternoon, evening
  time_zone TEXT NOT NULL,
  leave_message INTEGER NOT NULL,
  region_state TEXT,
  contact_hash TEXT,                      -- HMAC of the normalized contact (per-contact rate limit); erased with the rest
  contact_enc TEXT,                       -- personal data: NULL once erased
  name_enc TEXT,
  note_enc TEXT,
  interpreter_language_enc TEXT,
  record_id TEXT,                         -- the custody record asked about (erased too: it links a victim to a person)
  service_id TEXT,
  status TEXT NOT NULL,                   -- new | assigned | contacted | closed | cancelled
  outcome TEXT,
  assigned_to TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT,
  erased_at TEXT
);
CREATE INDEX callback_requests_queue ON callback_requests (team_id, status, priority, created_at);
CREATE INDEX callback_requests_contact ON callback_requests (contact_hash, created_at);
CREATE INDEX callback_requests_closed ON callback_requests (closed_at);

-- Ready-to-send messages that belong to no alert subscription (callback references, staff notices). The rendered
-- message, recipient included, travels sealed and is dropped once the row is sent or given up.
CREATE TABLE notify_messages (
  id TEXT PRIMARY KEY,                    -- also the idempotency key handed to the transport
  kind TEXT NOT NULL,                     -- callback-reference | staff-urgent
  payload_enc TEXT,
  status TEXT NOT NULL,                   -- pending | sent | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_owner TEXT,
  lease_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX notify_messages_due ON notify_messages (status, next_attempt_at);
