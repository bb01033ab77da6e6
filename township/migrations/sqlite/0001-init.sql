-- Timestamps are ISO-8601 UTC text, as the protocol carries them; JSON is kept as the exact text received.

-- One-time enrolment codes, by sha256 only: a copied database hands out no unused code.
CREATE TABLE enrolment_codes (
  code_hash  TEXT PRIMARY KEY,
  village    TEXT NOT NULL,
  grid       TEXT NOT NULL,
  -- Set: the code re-keys this station (reinstalled; it keeps its code, which is in its case numbers).
  station_id TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT,
  used_by    TEXT
) STRICT;

CREATE TABLE stations (
  id           TEXT PRIMARY KEY,
  -- Raw Ed25519 public key, base64url.
  public_key   TEXT NOT NULL,
  village      TEXT NOT NULL,
  grid         TEXT NOT NULL,
  enrolled_at  TEXT NOT NULL,
  revoked_at   TEXT,
  last_seen_at TEXT
) STRICT;

-- Nonces of accepted requests, kept until a request with that timestamp would be refused as too old anyway.
CREATE TABLE nonces (
  station_id TEXT NOT NULL,
  nonce      TEXT NOT NULL,
  expires_ms INTEGER NOT NULL,
  PRIMARY KEY (station_id, nonce)
) STRICT;

CREATE INDEX nonces_expiry ON nonces (expires_ms);

CREATE TABLE cases (
  case_no    TEXT PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES stations (id),
  state      TEXT NOT NULL CHECK (state IN ('received', 'forwarded', 'in_review', 'public_notice',
               'supplement_requested', 'approved', 'rejected', 'result_ready', 'delivered', 'closed', 'withdrawn')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Every case event, from the stations and from the township, never changed once written.
CREATE TABLE events (
  n           INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  case_no     TEXT NOT NULL REFERENCES cases (case_no),
  station_id  TEXT NOT NULL REFERENCES stations (id),
  origin      TEXT NOT NULL CHECK (origin IN ('station', 'township')),
  -- The station's order within the case; null for the township's own events.
  seq         INTEGER,
  type        TEXT NOT NULL,
  at          TEXT NOT NULL,
  state       TEXT NOT NULL,
  actor       TEXT,
  detail      TEXT NOT NULL,
  attachments TEXT NOT NULL,
  -- Canonical JSON of the event as pushed: a repeated id is a duplicate only when this is equal.
  content     TEXT NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (case_no, seq)
) STRICT;

CREATE INDEX events_case ON events (case_no, n);

CREATE TRIGGER events_append_only BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

-- Station events waiting for their attachments (or for an earlier waiting event of their case), in arrival order.
CREATE TABLE pending_events (
  n           INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  station_id  TEXT NOT NULL REFERENCES stations (id),
  case_no     TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  attachments TEXT NOT NULL,
  content     TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;

CREATE INDEX pending_station ON pending_events (station_id, n);

-- Attachments stored whole and verified (the bytes are files named by sha256 under the data directory).
CREATE TABLE attachments (
  sha256     TEXT PRIMARY KEY,
  size       INTEGER NOT NULL CHECK (size > 0),
  station_id TEXT NOT NULL,
  stored_at  TEXT NOT NULL
) STRICT;

-- What stations pull, in commit order. station_id null: for every station.
CREATE TABLE feed (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL CHECK (kind IN ('case-state', 'catalog', 'calendar', 'blacklist')),
  station_id TEXT,
  payload    TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX feed_station ON feed (station_id, seq);

CREATE TABLE publications (
  kind         TEXT NOT NULL CHECK (kind IN ('catalog', 'calendar')),
  version      TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  feed_seq     INTEGER NOT NULL REFERENCES feed (seq),
  published_at TEXT NOT NULL,
  PRIMARY KEY (kind, version)
) STRICT;

-- The integrity blacklist (诚信黑名单). ID numbers in clear: they go to every station over TLS, and each station
-- stores them keyed with its own lookup key, so the township cannot hash them for the stations.
CREATE TABLE blacklist (
  id_number TEXT PRIMARY KEY,
  reason    TEXT NOT NULL,
  listed_at TEXT NOT NULL
) STRICT;
