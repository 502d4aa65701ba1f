-- The audit log's own order: entries written in the same millisecond (a request and what it caused) keep the order
-- they were written in. Each insert takes the next number; readers page by it.
ALTER TABLE staff_audit ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX staff_audit_seq ON staff_audit (seq);
