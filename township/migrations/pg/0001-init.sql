-- Timestamps are ISO-8601 UTC text, as the protocol carries them and as the SQLite backend keeps them, so one set
-- of queries serves both; JSON is kept as the exact text received.

-- One-time enrolment codes, by sha256 only: a copied database hands out no unused code.
CREATE TABLE enrolment_codes (
  code_hash  text PRIMARY KEY,
  village    text NOT NULL,
  grid       text NOT NULL,
  -- Set: the code re-keys this station (reinstalled; it keeps its code, which is in its case numbers).
  station_id text,
  created_at text NOT NULL,
  expires_at text NOT NULL,
  used_at    text,
  used_by    text
);

CREATE TABLE stations (
  id           text PRIMARY KEY,
  -- Raw Ed25519 public key, base64url.
  public_key   text NOT NULL,
  village      text NOT NULL,
  grid         text NOT NULL,
  enrolled_at  text NOT NULL,
  revoked_at   text,
  last_seen_at text
);

-- Nonces of accepted requests, kept until a request with that timestamp would be refused as too old anyway.
CREATE TABLE nonces (
  station_id text NOT NULL,
  nonce      text NOT NULL,
  expires_ms bigint NOT NULL,
  PRIMARY KEY (station_id, nonce)
);

CREATE INDEX nonces_expiry ON nonces (expires_ms);

CREATE TABLE cases (
  case_no    text PRIMARY KEY,
  station_id text NOT NULL REFERENCES stations (id),
  state      text NOT NULL CHECK (state IN ('received', 'forwarded', 'in_review', 'public_notice',
               'supplement_requested', 'approved', 'rejected', 'result_ready', 'delivered', 'closed', 'withdrawn')),
  created_at text NOT NULL,
  updated_at text NOT NULL
);

-- Every case event, from the stations and from the township, never changed once written.
CREATE TABLE events (
  n           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id          text NOT NULL UNIQUE,
  case_no     text NOT NULL REFERENCES cases (case_no),
  station_id  text NOT NULL REFERENCES stations (id),
  origin      text NOT NULL CHECK (origin IN ('station', 'township')),
  -- The station's order within the case; null for the township's own events.
  seq         integer,
  type        text NOT NULL,
  at          text NOT NULL,
  state       text NOT NULL,
  actor       text,
  detail      text NOT NULL,
  attachments text NOT NULL,
  -- Canonical JSON of the event as pushed: a repeated id is a duplicate only when this is equal.
  content     text NOT NULL,
  received_at text NOT NULL,
  UNIQUE (case_no, seq)
);

CREATE INDEX events_case ON events (case_no, n);

CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only';
END;
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION events_append_only();

-- Station events waiting for their attachments (or for an earlier waiting event of their case), in arrival order.
CREATE TABLE pending_events (
  n           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id          text NOT NULL UNIQUE,
  station_id  text NOT NULL REFERENCES stations (id),
  case_no     text NOT NULL,
  seq         integer NOT NULL,
  attachments text NOT NULL,
  content     text NOT NULL,
  received_at text NOT NULL
);

CREATE INDEX pending_station ON pending_events (station_id, n);

-- Attachments stored whole and verified (the bytes are files named by sha256 under the data directory).
CREATE TABLE attachments (
  sha256     text PRIMARY KEY,
  size       bigint NOT NULL CHECK (size > 0),
  station_id text NOT NULL,
  stored_at  text NOT NULL
);

-- What stations pull, in commit order: writers take the 'feed' advisory lock before inserting, so a reader never
-- sees seq N+1 committed while N is still in flight and skips it. station_id null: for every station.
CREATE TABLE feed (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('case-state', 'catalog', 'calendar', 'blacklist')),
  station_id text,
  payload    text NOT NULL,
  created_at text NOT NULL
);

CREATE INDEX feed_station ON feed (station_id, seq);

CREATE TABLE publications (
  kind         text NOT NULL CHECK (kind IN ('catalog', 'calendar')),
  version      text NOT NULL,
  sha256       text NOT NULL,
  feed_seq     bigint NOT NULL REFERENCES feed (seq),
  published_at text NOT NULL,
  PRIMARY KEY (kind, version)
);

-- The integrity blacklist (诚信黑名单). ID numbers in clear: they go to every station over TLS, and each station
-- stores them keyed with its own lookup key, so the township cannot hash them for the stations.
CREATE TABLE blacklist (
  id_number text PRIMARY KEY,
  reason    text NOT NULL,
  listed_at text NOT NULL
);
