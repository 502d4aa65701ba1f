-- Custody name search at 5M records (issue 14), PostgreSQL only: the names of four words or more, in the keyset
-- order. A search whose words must start several later words of a name can only find them in a long name (the
-- search says so with this very condition, custody-store.ts), so it reads this index instead of walking every name
-- of a first name, or every name, to find none (seconds at 5M records).
CREATE INDEX custody_records_long_names ON custody_records (confidential, sort_name COLLATE "C", id COLLATE "C")
  WHERE array_length(string_to_array(sort_name, ' '), 1) >= 4;
