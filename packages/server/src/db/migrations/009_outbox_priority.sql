-- Outbox priorities (issue 14): 0 urgent (escape and release alerts, staff-urgent messages), 1 transactional
-- (confirmation codes, callback references), 2 bulk (every other status alert). Dispatchers claim in this order.
ALTER TABLE alert_outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 2;
ALTER TABLE notify_messages ADD COLUMN priority INTEGER NOT NULL DEFAULT 1;
UPDATE alert_outbox SET priority = CASE
  WHEN kind = 'confirmation' THEN 1
  WHEN alert_event IN ('escape', 'release', 'bond-or-order-release') THEN 0
  ELSE 2 END;
UPDATE notify_messages SET priority = CASE WHEN kind = 'staff-urgent' THEN 0 ELSE 1 END;
CREATE INDEX alert_outbox_claim ON alert_outbox (status, priority, next_attempt_at);
CREATE INDEX notify_messages_claim ON notify_messages (status, priority, next_attempt_at);
