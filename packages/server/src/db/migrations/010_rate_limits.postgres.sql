-- Rate-limit windows shared by every API instance on PostgreSQL (issue 14). Keys are HMACs under the server's
-- secret, never addresses or contacts. UNLOGGED: never written to the WAL or replicas, emptied after a crash (the
-- limits restart; nothing else depends on this table). The worker's hourly maintenance deletes ended windows.
CREATE UNLOGGED TABLE rate_limit_windows (
  key TEXT PRIMARY KEY,
  window_start_ms BIGINT NOT NULL,
  window_ms BIGINT NOT NULL,
  hits INTEGER NOT NULL
);
CREATE INDEX rate_limit_windows_end ON rate_limit_windows ((window_start_ms + window_ms));
