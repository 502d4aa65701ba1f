-- Telephony: replay protection for provider webhooks, and what the provider reported after a message was handed over.

-- One row per webhook request already answered (keyed hash of the provider's call/message id and the flow's turn,
-- or of the generic gateway's signature). A second request with the same key is a replay and is refused.
CREATE TABLE telephony_replays (
  key_hash TEXT PRIMARY KEY,
  expires_at TEXT NOT NULL
);
CREATE INDEX telephony_replays_expiry ON telephony_replays (expires_at);

-- Status callbacks: queued | sent | delivered | undelivered | failed (SMS); completed | busy | no-answer | failed | canceled (calls).
ALTER TABLE alert_outbox ADD COLUMN delivery_status TEXT;
ALTER TABLE alert_outbox ADD COLUMN delivery_updated_at TEXT;
