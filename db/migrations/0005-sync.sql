-- The station's link to its township: who it is there, its signing key (sealed), how far it has pulled, and how
-- the last sync went. One row once the station is enrolled.
CREATE TABLE sync_link (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  server_url   TEXT NOT NULL,
  station_id   TEXT NOT NULL,
  village      TEXT NOT NULL,
  grid         TEXT NOT NULL,
  private_key  TEXT NOT NULL,
  public_key   TEXT NOT NULL,
  enrolled_at  TEXT NOT NULL,
  pull_cursor  TEXT NOT NULL DEFAULT '0',
  last_sync_at TEXT,
  last_error   TEXT
) STRICT;

-- Events the township refused. They stay unpushed and on the clerk's list, with the reason, until a person acts:
-- never retried blindly, never dropped.
CREATE TABLE sync_conflicts (
  event_id TEXT PRIMARY KEY REFERENCES case_events (id),
  reason   TEXT NOT NULL,
  message  TEXT NOT NULL,
  at       TEXT NOT NULL
) STRICT;

-- Holiday calendars the township published; the newest replaces the shipped one.
CREATE TABLE calendar_versions (
  version     TEXT PRIMARY KEY,
  body        TEXT NOT NULL CHECK (json_valid(body)),
  received_at TEXT NOT NULL
) STRICT;

-- Every attachment an event refers to (sha256s), so the township applies it only once their bytes are whole.
ALTER TABLE case_events ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attachments));
