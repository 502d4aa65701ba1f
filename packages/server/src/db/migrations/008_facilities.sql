-- Facilities as records of their own (issue 13): custody records point to one by id, and the API embeds the stored
-- facility in every custody answer, so a facility's new phone number reaches every record at once.
CREATE TABLE facilities (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,               -- the Facility as the API serves it (JSON)
  content_hash TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- No foreign key: a custody feed may name a facility before the facility file is imported; reads join on it.
ALTER TABLE custody_records ADD COLUMN facility_id TEXT;
