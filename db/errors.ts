import { StationError } from '../contract/domain/errors.ts';

export class DatabaseLockedError extends StationError {
  constructor(file: string, cause: unknown) {
    super('db.locked', `database is locked by another process: ${file}`, { params: { file }, cause });
  }
}

export class DatabaseCorruptError extends StationError {
  constructor(file: string, cause: unknown) {
    super('db.corrupt', `database file is corrupt or not a database: ${file}`, { params: { file }, cause });
  }
}

export class DatabaseTooNewError extends StationError {
  constructor(file: string, found: number, known: number) {
    super('db.too-new', `database ${file} is at schema ${found}, this version knows up to ${known}`, {
      params: { file, found, known },
    });
  }
}

/** Turns SQLite's own errors into the typed ones a user can act on; anything else passes through. */
export function classifySqliteError(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new DatabaseLockedError(file, error);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return new DatabaseCorruptError(file, error);
  return error;
}
