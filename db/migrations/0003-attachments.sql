-- Files a case carries (scanned pages, signatures): addressed by the sha256 of their bytes, stored sealed
-- (AES-256-GCM bound to the sha256), so the same page scanned twice is kept once.
CREATE TABLE attachments (
  sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  kind       TEXT NOT NULL CHECK (kind IN ('scan', 'signature', 'photo', 'document')),
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL CHECK (size > 0),
  width      INTEGER,
  height     INTEGER,
  sealed     BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
