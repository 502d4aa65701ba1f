-- Custody search at national scale (issue 14), PostgreSQL only: names are found through a GIN index over the words
-- of sort_name (the folded name, words joined by one space; custodySortName in the SDK) with tsquery prefix
-- matches ('jose':* & 'mart':*), so the one-row-per-prefix table goes. SQLite keeps it (see custody-store.ts).
DROP TABLE custody_name_prefixes;
CREATE INDEX custody_records_name_words ON custody_records
  USING GIN (array_to_tsvector(string_to_array(sort_name, ' ')));

-- Results are ordered and paged by (sort_name, id) in code point order, as SQLite's BINARY compares, whatever the
-- database's locale: the keyset index uses the "C" collation the queries name.
DROP INDEX custody_records_sort;
CREATE INDEX custody_records_keyset ON custody_records (confidential, sort_name COLLATE "C", id COLLATE "C");
