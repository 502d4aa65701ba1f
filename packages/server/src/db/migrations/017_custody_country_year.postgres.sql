-- Custody search by name with country of birth and birth year (issue 14), PostgreSQL only. The year is asked as its
-- three exact years (custody-store.ts), so each name part reads one short stretch of this index per year, in name
-- order, without visiting the table; before, a first name's whole stretch of the keyset index was read and every
-- row's country and year fetched from the table (seconds at 5M records).
CREATE INDEX custody_records_country_year ON custody_records
  (confidential, country_key, birth_year, sort_name COLLATE "C", id COLLATE "C");
