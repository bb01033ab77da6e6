-- Facts about this station that are not settings: its code (in every case number) and counters.
CREATE TABLE station_facts (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- The people cases are about. Everything personal is sealed (AES-256-GCM, AAD 'person:<id>:data'); lookups go
-- through keyed hashes of the ID number and of the full name, never through clear text.
CREATE TABLE persons (
  id         INTEGER PRIMARY KEY,
  id_hash    TEXT NOT NULL UNIQUE,
  name_hash  TEXT NOT NULL,
  sealed     TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX persons_name ON persons (name_hash);

CREATE TABLE cases (
  id             INTEGER PRIMARY KEY,
  case_no        TEXT NOT NULL UNIQUE,
  -- Made by the client per submission: a second tap on 提交 finds the first case instead of making another.
  request_id     TEXT NOT NULL UNIQUE,
  matter_code    TEXT NOT NULL,
  matter_name    TEXT NOT NULL,
  person_id      INTEGER NOT NULL REFERENCES persons (id),
  channel        TEXT NOT NULL CHECK (channel IN ('window', 'kiosk')),
  proxy          INTEGER NOT NULL CHECK (proxy IN (0, 1)),
  state          TEXT NOT NULL CHECK (state IN ('received', 'forwarded', 'in_review', 'public_notice',
                   'supplement_requested', 'approved', 'rejected', 'result_ready', 'delivered', 'closed', 'withdrawn')),
  received_at    TEXT NOT NULL,
  received_day   TEXT NOT NULL,
  due_date       TEXT NOT NULL,
  first_asked_by INTEGER REFERENCES staff (id),
  -- Form answers, signatures and advanced fees, sealed (AAD 'case:<id>:data').
  sealed         TEXT NOT NULL,
  -- 容缺 materials still owed, and the earliest date one is due.
  owed           INTEGER NOT NULL DEFAULT 0 CHECK (owed >= 0),
  owed_due       TEXT,
  closed_at      TEXT
) STRICT;

CREATE INDEX cases_person ON cases (person_id);
CREATE INDEX cases_day ON cases (received_day);
-- The clerk's overdue and due-soon lists read open cases by due date.
CREATE INDEX cases_open_due ON cases (due_date)
  WHERE state IN ('received', 'forwarded', 'in_review', 'public_notice', 'supplement_requested');
CREATE INDEX cases_owed ON cases (owed_due) WHERE owed > 0;

CREATE TABLE case_materials (
  case_id           INTEGER NOT NULL REFERENCES cases (id),
  material_id       TEXT NOT NULL,
  name              TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('provided', 'exempt', 'promised', 'supplied')),
  pages             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pages)),
  exemption         TEXT,
  source            TEXT,
  due_date          TEXT,
  promise_signature TEXT,
  PRIMARY KEY (case_id, material_id)
) STRICT;

-- Every change to a case, append-only: who, when, at which station, what, and the state after it. These events
-- are also what sync sends: pushed_at stays null until the township has acknowledged the event.
CREATE TABLE case_events (
  id        TEXT PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES cases (id),
  seq       INTEGER NOT NULL CHECK (seq > 0),
  type      TEXT NOT NULL,
  at        TEXT NOT NULL,
  station   TEXT NOT NULL,
  actor     INTEGER REFERENCES staff (id),
  state     TEXT NOT NULL,
  detail    TEXT NOT NULL CHECK (json_valid(detail)),
  pushed_at TEXT,
  UNIQUE (case_id, seq)
) STRICT;

-- The outbox: the few events not yet acknowledged, read in commit (rowid) order.
CREATE INDEX case_events_unpushed ON case_events (pushed_at) WHERE pushed_at IS NULL;

CREATE TRIGGER case_events_append_only BEFORE UPDATE OF id, case_id, seq, type, at, station, actor, state, detail
  ON case_events
BEGIN
  SELECT RAISE(ABORT, 'case events are append-only');
END;

-- The integrity blacklist (诚信黑名单) from the township, by keyed hash of the ID number.
CREATE TABLE blacklist (
  id_hash   TEXT PRIMARY KEY,
  reason    TEXT NOT NULL,
  listed_at TEXT NOT NULL,
  source    TEXT NOT NULL
) STRICT;
