-- Window staff. Nobody is ever deleted (the audit log and cases point at them); leaving staff are made inactive.
-- display_name is sealed (AES-256-GCM, AAD 'staff:<id>:display_name'); pin_hash is a peppered scrypt string.
CREATE TABLE staff (
  id              INTEGER PRIMARY KEY,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('clerk', 'agent', 'admin', 'technician')),
  pin_hash        TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until    TEXT,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      TEXT NOT NULL
) STRICT;

-- Who did what to whose data, append-only. subject_ref is an opaque id or a keyed hash, never personal data in
-- clear. hash = '<keyId>:' HMAC-SHA256(audit key, previous hash | this entry), so an edited, inserted or deleted
-- entry breaks the chain from there on (see electron/core/security/audit-log.ts).
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  staff_id     INTEGER REFERENCES staff (id),
  action       TEXT NOT NULL,
  subject_kind TEXT,
  subject_ref  TEXT,
  detail       TEXT NOT NULL CHECK (json_valid(detail)),
  hash         TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_subject ON audit_log (subject_kind, subject_ref);
CREATE INDEX audit_log_staff ON audit_log (staff_id);

-- The program only appends; these stop its own mistakes. Someone with the file can drop them, which the chain shows.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
