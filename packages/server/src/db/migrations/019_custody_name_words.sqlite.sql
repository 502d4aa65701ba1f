-- SQLite custody name search with one row per name word instead of one per prefix of every word (issue 14): an
-- import wrote ~12 index rows per person, most of its time on a new feed. "Some word starts with the query word" is
-- a range of this key ([jose, josf)), as PostgreSQL reads its keyset index (custody-store.ts). Words are cut to
-- NAME_WORD_MAX characters, as query words are. WITHOUT ROWID: the key is the table, one B-tree less per row.
CREATE TABLE custody_name_words (
  word TEXT NOT NULL,
  record_id TEXT NOT NULL REFERENCES custody_records (id) ON DELETE CASCADE,
  PRIMARY KEY (word, record_id)
) WITHOUT ROWID;
CREATE INDEX custody_name_words_record ON custody_name_words (record_id);

-- The words of each stored name (sort_name: its folded words joined by one space).
WITH RECURSIVE split (record_id, word, rest) AS (
  SELECT id, '', sort_name || ' ' FROM custody_records
  UNION ALL
  SELECT record_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> ''
)
INSERT OR IGNORE INTO custody_name_words (word, record_id)
SELECT substr(word, 1, 24), record_id FROM split WHERE word <> '' ORDER BY 1, 2;

DROP TABLE custody_name_prefixes;
