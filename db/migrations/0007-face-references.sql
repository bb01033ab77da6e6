-- The station's own earlier passed face check, for the next check of the same person when the card's photo cannot
-- be read (no vendor decoder): the face descriptor (128 numbers, never a picture), sealed like all personal data,
-- keyed by the keyed hash of the ID number, and void for other model versions.
CREATE TABLE face_references (
  id_hash TEXT PRIMARY KEY,
  sealed TEXT NOT NULL,
  model TEXT NOT NULL,
  verified_at TEXT NOT NULL
) STRICT;
CREATE INDEX face_references_verified ON face_references (verified_at);
