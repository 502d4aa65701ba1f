-- Custody-status alerts: subscriptions, double opt-in confirmations, the notification outbox, idempotency keys.
-- Nothing here holds a contact in clear: contact_enc is AES-256-GCM (base64), contact_hash a keyed HMAC for look-ups.
-- No names, IP addresses or user agents are stored anywhere.

CREATE TABLE alert_subscriptions (
  id TEXT PRIMARY KEY,
  subject_id TEXT NOT NULL,          -- the custody record followed (no foreign key: unknown ids get the same answer)
  channel TEXT NOT NULL,             -- email | sms | voice | tty
  contact_hash TEXT NOT NULL,        -- HMAC of the normalized contact ("email:…" or "phone:+1…")
  contact_enc TEXT NOT NULL,         -- encrypted normalized contact
  language TEXT NOT NULL,
  events_mask INTEGER NOT NULL,      -- bit per alert event (release=1, transfer=2, escape=4, death=8, return-to-custody=16)
  pin_hash TEXT,                     -- scrypt, voice/tty only
  status TEXT NOT NULL,              -- pending | confirmed | unsubscribed
  unsubscribed_via TEXT,             -- link | sms, so START restores only what STOP stopped
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  unsubscribed_at TEXT,
  UNIQUE (subject_id, channel, contact_hash)
);
CREATE INDEX alert_subscriptions_fanout ON alert_subscriptions (subject_id, status);
CREATE INDEX alert_subscriptions_contact ON alert_subscriptions (contact_hash);

-- One row per subscribe request: the settings it asked for wait here until its code or link confirms them.
CREATE TABLE alert_confirmations (
  id TEXT PRIMARY KEY,
  subscription_id TEXT NOT NULL REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
  contact_hash TEXT NOT NULL,        -- per-contact rate limit counts these
  code_hash TEXT NOT NULL,           -- HMAC of the 6-digit code
  language TEXT NOT NULL,
  events_mask INTEGER NOT NULL,
  pin_hash TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX alert_confirmations_contact ON alert_confirmations (contact_hash, created_at);

-- Transactional outbox: rows are written in the same transaction as the change that causes them.
CREATE TABLE alert_outbox (
  id TEXT PRIMARY KEY,               -- also the idempotency key handed to the transport
  subscription_id TEXT NOT NULL REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,            -- custody event id, or "confirm:<confirmation id>"
  kind TEXT NOT NULL,                -- confirmation | status
  alert_event TEXT,
  occurred_at TEXT,
  payload_enc TEXT,                  -- encrypted message data (confirmation code and link)
  status TEXT NOT NULL,              -- pending | sent | failed | skipped
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_owner TEXT,
  lease_until TEXT,
  last_error TEXT,                   -- a short code, never a contact
  created_at TEXT NOT NULL,
  sent_at TEXT,
  acknowledged_at TEXT,              -- voice/TTY: the subscriber entered their PIN
  UNIQUE (subscription_id, event_id)
);
CREATE INDEX alert_outbox_due ON alert_outbox (status, next_attempt_at);

CREATE TABLE alert_idempotency (
  key_hash TEXT PRIMARY KEY,         -- HMAC of the Idempotency-Key header
  request_hash TEXT NOT NULL,        -- HMAC of the request body: a reused key with another body is refused
  response TEXT NOT NULL,            -- JSON of the first answer
  created_at TEXT NOT NULL
);
CREATE INDEX alert_idempotency_age ON alert_idempotency (created_at);
