-- Custody name search at 5M records (issue 14), PostgreSQL only. A name search starts from one of its words, and
-- the people one of whose words starts with it are read in name order: by first word through the keyset index (a
-- range of sort_name, split by where another query word starts a later word: [jose garcia, jose garcib), or a third
-- word's stretch limited to [jose , jose!)), by second, third or fourth word through these indexes, one stretch per
-- distinct word (each in name order), by fifth or later word through the index of longer names (custody-store.ts).
-- Every index holds the name, so the other query words are checked without visiting the table. This replaces the
-- GIN index of later words (migration 015), whose matches had to be fetched from the table and sorted (seconds for a
-- common word at 5M).
DROP INDEX custody_records_later_name_words;
DROP INDEX custody_records_long_names;
CREATE INDEX custody_records_second_word ON custody_records
  (confidential, split_part(sort_name, ' ', 2) COLLATE "C", sort_name COLLATE "C", id COLLATE "C");
CREATE INDEX custody_records_third_word ON custody_records
  (confidential, split_part(sort_name, ' ', 3) COLLATE "C", sort_name COLLATE "C", id COLLATE "C");
CREATE INDEX custody_records_fourth_word ON custody_records
  (confidential, split_part(sort_name, ' ', 4) COLLATE "C", sort_name COLLATE "C", id COLLATE "C")
  WHERE split_part(sort_name, ' ', 4) <> '';
-- Names of four words or more, apart: where a full name's other words can lie when its first word is none of them,
-- and where a name's other word lies past its third.
CREATE INDEX custody_records_second_word_long ON custody_records
  (confidential, split_part(sort_name, ' ', 2) COLLATE "C", sort_name COLLATE "C", id COLLATE "C")
  WHERE split_part(sort_name, ' ', 4) <> '';
CREATE INDEX custody_records_third_word_long ON custody_records
  (confidential, split_part(sort_name, ' ', 3) COLLATE "C", sort_name COLLATE "C", id COLLATE "C")
  WHERE split_part(sort_name, ' ', 4) <> '';
CREATE INDEX custody_records_four_words ON custody_records (confidential, sort_name COLLATE "C", id COLLATE "C")
  WHERE split_part(sort_name, ' ', 4) <> '';
CREATE INDEX custody_records_longer_names ON custody_records (confidential, sort_name COLLATE "C", id COLLATE "C")
  WHERE split_part(sort_name, ' ', 5) <> '';
-- Which query word is rarest comes from how many names hold each common word at each position: the first word's from
-- these statistics, the others' from their indexes'. Ten times the default sample, so a rare word is estimated rare.
CREATE STATISTICS custody_records_first_word ON (split_part(sort_name, ' ', 1)) FROM custody_records;
ALTER STATISTICS custody_records_first_word SET STATISTICS 1000;
ALTER INDEX custody_records_second_word ALTER COLUMN 2 SET STATISTICS 1000;
ALTER INDEX custody_records_third_word ALTER COLUMN 2 SET STATISTICS 1000;
ALTER INDEX custody_records_fourth_word ALTER COLUMN 2 SET STATISTICS 1000;
