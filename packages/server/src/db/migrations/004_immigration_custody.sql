-- Immigration custody (issue 13). New alert events split out of today's: whoever asked for the old one keeps hearing
-- about what it used to cover. Bits (packages/server/src/alerts/events.ts): release=1, transfer=2, escape=4, death=8,
-- return-to-custody=16 (all unchanged), removal=32, bond-or-order-release=64, immigration-custody=128.
-- A removal and a release on bond or order used to arrive as "release"; a move into immigration custody as "transfer".
UPDATE alert_subscriptions SET events_mask = events_mask | 96 WHERE (events_mask & 1) <> 0;
UPDATE alert_subscriptions SET events_mask = events_mask | 128 WHERE (events_mask & 2) <> 0;
UPDATE alert_confirmations SET events_mask = events_mask | 96 WHERE (events_mask & 1) <> 0;
UPDATE alert_confirmations SET events_mask = events_mask | 128 WHERE (events_mask & 2) <> 0;

-- Status alerts are worded from the status the person moved to (the guide's short form), not only the event.
ALTER TABLE alert_outbox ADD COLUMN custody_status TEXT;
UPDATE alert_outbox SET custody_status = (SELECT e.to_status FROM custody_events e WHERE e.id = alert_outbox.event_id)
WHERE kind = 'status';
