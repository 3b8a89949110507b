-- Schema version 1: alerts and their changes, the notification outbox with its delivery
-- attempts, acknowledgements, the append-only audit log and per-feed polling state.
-- Instants are INTEGER unix seconds, UTC.
CREATE TABLE alerts (
  id          INTEGER PRIMARY KEY,
  county      TEXT    NOT NULL,
  rule_id     TEXT    NOT NULL,
  instance    TEXT    NOT NULL,
  sector      TEXT    NOT NULL,
  hazard      TEXT,
  level       TEXT    NOT NULL
              CHECK (level IN ('notice', 'blue', 'yellow', 'orange', 'red')),
  start_at    INTEGER NOT NULL,
  end_at      INTEGER NOT NULL,
  state       TEXT    NOT NULL CHECK (state IN ('open', 'resolved', 'expired')),
  misses      INTEGER NOT NULL DEFAULT 0 CHECK (misses >= 0),
  raised_at   INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  resolved_at INTEGER,
  CHECK ((state = 'open') = (resolved_at IS NULL))
) STRICT;

-- At most one open alert per identity; closed ones are history.
CREATE UNIQUE INDEX alerts_open_identity ON alerts (county, rule_id, instance)
  WHERE state = 'open';

CREATE TABLE alert_changes (
  id             INTEGER PRIMARY KEY,
  alert_id       INTEGER NOT NULL REFERENCES alerts (id),
  kind           TEXT    NOT NULL CHECK (kind IN ('raise', 'update', 'resolve', 'expire')),
  level          TEXT    NOT NULL
                 CHECK (level IN ('notice', 'blue', 'yellow', 'orange', 'red')),
  previous_level TEXT
                 CHECK (previous_level IN ('notice', 'blue', 'yellow', 'orange', 'red')),
  start_at       INTEGER NOT NULL,
  end_at         INTEGER NOT NULL,
  at             INTEGER NOT NULL
) STRICT;

CREATE INDEX alert_changes_by_alert ON alert_changes (alert_id);

-- The outbox: one row per alert change x recipient x channel, written in the same
-- transaction as the change. idempotency_id is sent with every attempt so receivers can
-- drop duplicates; next_attempt_at is set exactly while the row is pending.
CREATE TABLE notifications (
  id              INTEGER PRIMARY KEY,
  idempotency_id  TEXT    NOT NULL UNIQUE CHECK (instr(idempotency_id, '.') = 0),
  change_id       INTEGER NOT NULL REFERENCES alert_changes (id),
  county          TEXT    NOT NULL,
  role            TEXT    NOT NULL,
  department      TEXT    NOT NULL,
  channel         TEXT    NOT NULL,
  text            TEXT    NOT NULL,
  payload_json    TEXT    NOT NULL,
  state           TEXT    NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at INTEGER,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  delivered_at    INTEGER,
  CHECK ((state = 'pending') = (next_attempt_at IS NOT NULL)),
  CHECK ((state = 'delivered') = (delivered_at IS NOT NULL))
) STRICT;

CREATE INDEX notifications_due ON notifications (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX notifications_by_change ON notifications (change_id);

CREATE TABLE delivery_attempts (
  id              INTEGER PRIMARY KEY,
  notification_id INTEGER NOT NULL REFERENCES notifications (id),
  attempt         INTEGER NOT NULL CHECK (attempt >= 1),
  at              INTEGER NOT NULL,
  outcome         TEXT    NOT NULL CHECK (outcome IN ('delivered', 'retryable', 'permanent')),
  detail          TEXT    NOT NULL,
  UNIQUE (notification_id, attempt)
) STRICT;

CREATE TABLE acknowledgements (
  id       INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts (id),
  by       TEXT    NOT NULL,
  via      TEXT    NOT NULL,
  at       INTEGER NOT NULL,
  note     TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX acknowledgements_by_alert ON acknowledgements (alert_id);

-- What happened and when, for accountability. Rows are never changed or removed.
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  kind    TEXT    NOT NULL,
  subject TEXT    NOT NULL,
  detail  TEXT    NOT NULL
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE feed_state (
  feed                 TEXT    NOT NULL,
  county               TEXT    NOT NULL,
  etag                 TEXT,
  last_modified        TEXT,
  last_success_at      INTEGER,
  consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  last_error           TEXT,
  PRIMARY KEY (feed, county)
) STRICT, WITHOUT ROWID;
