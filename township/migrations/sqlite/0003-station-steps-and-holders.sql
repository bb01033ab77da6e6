-- Which station holds which attachment: a station sees (and its events rest on) only what it uploaded itself, so
-- no station learns whether another's photo is here. The bytes are still stored once.
CREATE TABLE attachment_holders (
  sha256     TEXT NOT NULL REFERENCES attachments (sha256),
  station_id TEXT NOT NULL,
  stored_at  TEXT NOT NULL,
  PRIMARY KEY (sha256, station_id)
) STRICT;
INSERT INTO attachment_holders (sha256, station_id, stored_at) SELECT sha256, station_id, stored_at FROM attachments;

-- The matter of each case, from its intake event, and the handling level of each matter, from the catalogues the
-- township publishes: a station event for a step that is not the station's is refused.
ALTER TABLE cases ADD COLUMN matter_code TEXT;
CREATE TABLE matter_levels (
  code  TEXT PRIMARY KEY,
  level TEXT NOT NULL CHECK (level IN ('village', 'village-forward', 'township', 'county'))
) STRICT;
