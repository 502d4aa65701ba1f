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
-- The distinct words in [word_from, word_past) at the first four positions of names, at most `most` of each: a skip
-- scan, one index descent per word (the next first word after "jose" starts at or after "jose!"). A function, so
-- each connection plans these eight look-ups once (PL/pgSQL keeps its plans); planning them took longer than running
-- them, and named prepared statements would not survive PgBouncer's transaction pooling.
CREATE FUNCTION custody_words_starting(word_from text, word_past text, most integer)
  RETURNS TABLE (at_position integer, starting text) LANGUAGE plpgsql STABLE AS $body$
BEGIN
  RETURN QUERY
  WITH RECURSIVE
    at1(w) AS (
      (SELECT split_part(r.sort_name, ' ', 1) COLLATE "C" FROM custody_records r WHERE r.confidential = 0
         AND r.sort_name COLLATE "C" >= word_from AND r.sort_name COLLATE "C" < word_past
       ORDER BY r.sort_name COLLATE "C" LIMIT 1)
      UNION ALL
      SELECT (SELECT split_part(r.sort_name, ' ', 1) COLLATE "C" FROM custody_records r WHERE r.confidential = 0
                AND r.sort_name COLLATE "C" >= found.w || '!' AND r.sort_name COLLATE "C" < word_past
              ORDER BY r.sort_name COLLATE "C" LIMIT 1)
      FROM at1 found WHERE found.w IS NOT NULL),
    at2(w) AS (
      (SELECT split_part(r.sort_name, ' ', 2) COLLATE "C" FROM custody_records r WHERE r.confidential = 0
         AND split_part(r.sort_name, ' ', 2) COLLATE "C" >= word_from AND split_part(r.sort_name, ' ', 2) COLLATE "C" < word_past
       ORDER BY split_part(r.sort_name, ' ', 2) COLLATE "C" LIMIT 1)
      UNION ALL
      SELECT (SELECT split_part(r.sort_name, ' ', 2) COLLATE "C" FROM custody_records r WHERE r.confidential = 0
                AND split_part(r.sort_name, ' ', 2) COLLATE "C" > found.w AND split_part(r.sort_name, ' ', 2) COLLATE "C" < word_past
              ORDER BY split_part(r.sort_name, ' ', 2) COLLATE "C" LIMIT 1)
      FROM at2 found WHERE found.w IS NOT NULL),
    at3(w) AS (
      (SELECT split_part(r.sort_name, ' ', 3) COLLATE "C" FROM custody_records r WHERE r.confidential = 0
         AND split_part(r.sort_name, ' ', 3) COLLATE "C" >= word_from AND split_part(r.sort_name, ' ', 3) COLLATE "C" < word_past
       ORDER BY split_part(r.sort_name, ' ', 3) COLLATE "C" LIMIT 1)
      UNION ALL
      SELECT (SELECT split_part(r.sort_name, ' ', 3) COLLATE "C" FROM custody_records r WHERE r.confidential = 0
                AND split_part(r.sort_name, ' ', 3) COLLATE "C" > found.w AND split_part(r.sort_name, ' ', 3) COLLATE "C" < word_past
              ORDER BY split_part(r.sort_name, ' ', 3) COLLATE "C" LIMIT 1)
      FROM at3 found WHERE found.w IS NOT NULL),
    at4(w) AS (
      (SELECT split_part(r.sort_name, ' ', 4) COLLATE "C" FROM custody_records r WHERE r.confidential = 0
         AND split_part(r.sort_name, ' ', 4) <> ''
         AND split_part(r.sort_name, ' ', 4) COLLATE "C" >= word_from AND split_part(r.sort_name, ' ', 4) COLLATE "C" < word_past
       ORDER BY split_part(r.sort_name, ' ', 4) COLLATE "C" LIMIT 1)
      UNION ALL
      SELECT (SELECT split_part(r.sort_name, ' ', 4) COLLATE "C" FROM custody_records r WHERE r.confidential = 0
                AND split_part(r.sort_name, ' ', 4) <> ''
                AND split_part(r.sort_name, ' ', 4) COLLATE "C" > found.w AND split_part(r.sort_name, ' ', 4) COLLATE "C" < word_past
              ORDER BY split_part(r.sort_name, ' ', 4) COLLATE "C" LIMIT 1)
      FROM at4 found WHERE found.w IS NOT NULL)
  (SELECT 1, w::text FROM at1 WHERE w IS NOT NULL LIMIT most)
  UNION ALL (SELECT 2, w::text FROM at2 WHERE w IS NOT NULL LIMIT most)
  UNION ALL (SELECT 3, w::text FROM at3 WHERE w IS NOT NULL LIMIT most)
  UNION ALL (SELECT 4, w::text FROM at4 WHERE w IS NOT NULL LIMIT most);
END
$body$;
