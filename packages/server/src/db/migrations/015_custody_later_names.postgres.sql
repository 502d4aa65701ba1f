-- Custody name search at 5M records (issue 14), PostgreSQL only. A name search reads apart the people whose first
-- word matches (ranges of the keyset index) and those matched by later words (this GIN index over the words after
-- the first), so no plan walks the sorted index past a whole first name (custody-store.ts, postgresNameParts). The
-- index over every word (migration 012) has no query left.
DROP INDEX custody_records_name_words;
CREATE INDEX custody_records_later_name_words ON custody_records
  USING GIN (array_to_tsvector((string_to_array(sort_name, ' '))[2:]));
-- Each part's plan (read a range or the sorted index in order, or gather few matches and sort them) rests on how
-- many names hold a word: with ten times the default sample a rare surname is estimated as rare, not as 0.3%.
ALTER INDEX custody_records_later_name_words ALTER COLUMN 1 SET STATISTICS 1000;
