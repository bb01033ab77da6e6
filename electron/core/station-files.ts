import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { StationError } from '../../contract/domain/errors.ts';
import { DatabaseCorruptError } from '../../db/errors.ts';
import { stationKeyFile } from './security/key-store.ts';

/** The station's database is gone (or empty) while its keys are there: starting afresh would make a new station. */
export class StationDatabaseMissingError extends StationError {
  constructor(file: string) {
    super('db.missing', `${file} is missing or empty, but the station's keys are there`, { params: { file }, kind: 'failure' });
  }
}

/** The database holds a station's data while its key file is gone: a new key would orphan every sealed value. */
export class StationKeyMissingError extends StationError {
  constructor(file: string) {
    super('security.key-missing', `the station key ${file} is missing, but the database holds a station's data`, { params: { file }, kind: 'failure' });
  }
}

/** The data directory, made or tightened to the owner alone (0700): it holds personal data and the keys. */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
}

/**
 * The database and the keys belong together: one without the other is a damaged station for a technician to look
 * at — restore the missing file from a backup — never a reason to start a new one. Nothing is written here.
 */
export function assertStationFilesTogether(dataDir: string, dbFile: string): void {
  const keyFile = stationKeyFile(dataDir);
  const hasKeys = existsSync(keyFile);
  const dbSize = existsSync(dbFile) ? statSync(dbFile).size : 0;
  if (hasKeys && dbSize === 0) throw new StationDatabaseMissingError(dbFile);
  if (!hasKeys && dbSize > 0) {
    // A file that is no database at all is that, whatever else is missing.
    if (!startsLikeSqlite(dbFile)) throw new DatabaseCorruptError(dbFile, new Error('no SQLite header'));
    throw new StationKeyMissingError(keyFile);
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function startsLikeSqlite(file: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}
