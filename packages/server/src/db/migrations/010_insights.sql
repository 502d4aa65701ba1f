-- Insights (issue 15): what the office learns without watching anyone. Counts only, in hourly buckets, written by
-- the server as it answers requests. Every dimension is a value from a fixed list (a category, a state, a ZIP3, a
-- language subtag, a channel, an outcome, a duration bucket, a configured partner id) or '' when not known: no
-- per-visitor rows, no query text, no addresses, no user agents, no time finer than the hour.
CREATE TABLE insight_counts (
  hour TEXT NOT NULL,                     -- 2026-12-02T20 (UTC)
  event TEXT NOT NULL,                    -- search, crisis-panel, lookup-search, lookup-view, alert-signup, …
  partner TEXT NOT NULL DEFAULT '',       -- a configured partner id ('' = none or unknown)
  topic TEXT NOT NULL DEFAULT '',         -- directory category, callback topic, alert event kind
  language TEXT NOT NULL DEFAULT '',      -- primary subtag
  state TEXT NOT NULL DEFAULT '',
  zip3 TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL DEFAULT '',       -- alert channel or delivery transport
  outcome TEXT NOT NULL DEFAULT '',       -- matched/unmet, found/not-found, sent/failed, a callback outcome
  priority TEXT NOT NULL DEFAULT '',
  duration TEXT NOT NULL DEFAULT '',      -- a bucket such as "1-4h"
  n INTEGER NOT NULL,
  PRIMARY KEY (hour, event, partner, topic, language, state, zip3, channel, outcome, priority, duration)
);

-- Differential privacy spent on published reports: ε per report, who asked, for which month and partner.
CREATE TABLE insight_privacy_budget (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  period TEXT NOT NULL,                   -- the report's month, 2026-11
  partner TEXT NOT NULL,                  -- '' = overall
  view TEXT NOT NULL,
  epsilon REAL NOT NULL
);
CREATE INDEX insight_privacy_budget_period ON insight_privacy_budget (period);

-- A partner's console account sees only its own partner id's counts.
ALTER TABLE staff_accounts ADD COLUMN partner_id TEXT;
