-- Staff console: accounts (created by the CLI, finished through a one-time setup link), server-side sessions, the
-- append-only audit log and the contact attempts on callback requests. Tokens are stored only as SHA-256 hashes;
-- TOTP secrets and attempt notes are sealed (AES-256-GCM) with the alerts master key.

CREATE TABLE staff_accounts (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,             -- lower case; how staff sign in
  name TEXT NOT NULL,
  role TEXT NOT NULL,                     -- specialist | supervisor | admin
  team_id TEXT REFERENCES callback_teams (id),
  status TEXT NOT NULL,                   -- pending (setup link not used yet) | active | disabled
  password_hash TEXT,                     -- scrypt
  totp_secret_enc TEXT,
  last_totp_step INTEGER NOT NULL DEFAULT 0, -- a code is accepted once: only steps after this one
  failed_sign_ins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE staff_setup_links (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  totp_secret_enc TEXT,                   -- offered while the link is open; moves to the account when setup finishes
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
CREATE INDEX staff_sessions_seen ON staff_sessions (last_seen_at);

-- Every view of a contact and every change, never updated or deleted by the server. No personal data of visitors:
-- ids, actions and choices from fixed lists only, so it outlives the retention of the requests it describes.
CREATE TABLE staff_audit (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id TEXT,                          -- staff account; NULL for the server itself (retention)
  team_id TEXT,                           -- the team of the request concerned, for supervisors' view
  action TEXT NOT NULL,
  request_id TEXT,
  detail TEXT NOT NULL DEFAULT '{}'       -- JSON
);
CREATE INDEX staff_audit_team ON staff_audit (team_id, at);
CREATE INDEX staff_audit_at ON staff_audit (at);

CREATE TABLE callback_attempts (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES callback_requests (id),
  staff_id TEXT NOT NULL REFERENCES staff_accounts (id),
  at TEXT NOT NULL,
  channel TEXT NOT NULL,                  -- call | text | email | tty
  reached INTEGER NOT NULL DEFAULT 0,
  note_enc TEXT                           -- personal data: erased with the request's
);
CREATE INDEX callback_attempts_request ON callback_attempts (request_id, at);
