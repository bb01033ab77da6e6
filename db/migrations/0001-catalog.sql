-- Service catalogue versions as published (the township replaces them); exactly one is active.
CREATE TABLE catalog_versions (
  version      TEXT PRIMARY KEY,
  published_at TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  source       TEXT NOT NULL,
  body         TEXT NOT NULL CHECK (json_valid(body)),
  active       INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
) STRICT;

CREATE UNIQUE INDEX catalog_versions_one_active ON catalog_versions (active) WHERE active = 1;
