-- Each provider's next free hand-over slot, shared by every worker on PostgreSQL (issue 14; notify/pace.ts). One row
-- per provider and transport. UNLOGGED: a crash empties it, which only lets the next send go at once.
CREATE UNLOGGED TABLE provider_slots (
  key TEXT PRIMARY KEY,
  next_ms DOUBLE PRECISION NOT NULL
);
