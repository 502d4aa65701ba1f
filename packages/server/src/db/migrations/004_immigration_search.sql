-- Immigration custody search (issue 13), as ICE's Online Detainee Locator asks: A-number or name with country of birth.
-- country_key: the folded country of birth (case, accents and spacing ignored); NULL where the source gave none.
ALTER TABLE custody_records ADD COLUMN country_key TEXT;
CREATE INDEX custody_records_country ON custody_records (country_key);

-- A-numbers compare by their digits alone, without the A or leading zeros ("A012345678" = "12345678").
UPDATE custody_identifiers
SET value = LTRIM(CASE WHEN value LIKE 'A%' THEN SUBSTR(value, 2) ELSE value END, '0')
WHERE type = 'a-number';
