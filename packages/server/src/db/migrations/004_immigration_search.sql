-- Immigration custody search (issue 13), as ICE's Online Detainee Locator asks: A-number or name with country of birth.
-- country_key: the folded country of birth (case, accents and spacing ignored); NULL where the source gave none.
ALTER TABLE custody_records ADD COLUMN country_key TEXT;
CREATE INDEX custody_records_country ON custody_records (country_key);

-- A-numbers compare by their digits alone, without the A or leading zeros ("A012345678" = "12345678"), as
-- identifierKey (packages/sdk/src/contract/custody.ts) keys them. One record may hold the same A-number written
-- several ways ("A123-456-789" and "123456789"): they become one row, never a duplicate key.
CREATE TABLE a_number_keys AS
SELECT DISTINCT CASE WHEN digits = '' THEN '' WHEN LTRIM(digits, '0') = '' THEN '0' ELSE LTRIM(digits, '0') END AS value,
  record_id
FROM (SELECT CASE WHEN value LIKE 'A%' THEN SUBSTR(value, 2) ELSE value END AS digits, record_id
      FROM custody_identifiers WHERE type = 'a-number') stripped;
DELETE FROM custody_identifiers WHERE type = 'a-number';
INSERT INTO custody_identifiers (value, type, record_id) SELECT value, 'a-number', record_id FROM a_number_keys;
DROP TABLE a_number_keys;
