-- A reference number per alert registration that a keypad can enter: every status alert says it, and the phone line
-- reads the record's status again for it (without naming anyone). Registrations made before this have none.
ALTER TABLE alert_subscriptions ADD COLUMN reference_code TEXT;
CREATE UNIQUE INDEX alert_subscriptions_reference ON alert_subscriptions (reference_code);
