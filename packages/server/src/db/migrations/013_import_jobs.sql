-- The imports queue: `referral-kit import … --queue` adds a job, a worker claims it (FOR UPDATE SKIP LOCKED on
-- PostgreSQL) and holds it under a lease it renews; a job whose worker died is claimed again once its lease ran out.
-- Timestamps are ISO-8601 UTC text from the server's clock.
CREATE TABLE import_jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,               -- services | custody | facilities
  source TEXT NOT NULL,             -- the path the worker reads (a volume it shares with whoever queued the job)
  options TEXT NOT NULL,            -- JSON: skipInvalid, confirmMassChange, massChangeShare, replace
  submitted_by TEXT NOT NULL,
  status TEXT NOT NULL,             -- queued | running | done | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_until TEXT,                 -- while running: when another worker may take the job over
  report TEXT,                      -- done: the import's report as JSON; failed: {"error": "…"}
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT
);
CREATE INDEX import_jobs_waiting ON import_jobs (status, created_at);
